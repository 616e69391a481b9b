/**
 * The line items of a fulfillment as the node's user gives them: the "Line Items" fixed collection
 * (`{lineItem: [{lineItemId, quantity}]}`) or "Line Items (JSON)" (an array, or its JSON text, of
 * `{id | lineItemId | line_item_id, quantity}`, e.g. `{{ $json.lineItems }}`). Errors name the
 * field and the 1-based row: "Line Items[2].Quantity must be a positive integer".
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { LaunchMyStoreLineItem } from '../../../../nodes/shared/launchMyStore/orders';
import { fail } from '../common.description';

const text = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';

/** The rows of a fixed collection value or of a JSON list (text or array). */
function rowsOf(ctx: IExecuteFunctions, itemIndex: number, value: unknown, field: string): unknown[] {
	if (typeof value === 'string') {
		const trimmed = value.trim();
		if (trimmed === '') return [];
		let parsed: unknown;
		try {
			parsed = JSON.parse(trimmed) as unknown;
		} catch {
			fail(ctx, itemIndex, `${field} must be a JSON array of {id, quantity}`);
		}
		if (typeof parsed === 'string') fail(ctx, itemIndex, `${field} must be a JSON array of {id, quantity}`);
		return rowsOf(ctx, itemIndex, parsed, field);
	}
	if (Array.isArray(value)) return value;
	if (value && typeof value === 'object') {
		const rows = (value as IDataObject).lineItem;
		if (rows === undefined) return [];
		if (Array.isArray(rows)) return rows;
	}
	fail(ctx, itemIndex, `${field} must be a JSON array of {id, quantity}`);
}

/**
 * Parses the line items; rows of the same id are added together. Throws NodeOperationError
 * naming the field and row for a missing id, a quantity that is not a positive integer, or no rows.
 */
export function parseLineItems(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	field = 'Line Items',
): LaunchMyStoreLineItem[] {
	const quantities = new Map<string, number>();
	rowsOf(ctx, itemIndex, value, field).forEach((entry, index) => {
		const where = `${field}[${index + 1}]`;
		if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
			fail(ctx, itemIndex, `${where} must be an object {id, quantity}`);
		}
		const row = entry as IDataObject;
		const id = text(row.lineItemId ?? row.id ?? row.line_item_id);
		if (!id) fail(ctx, itemIndex, `${where}.Line Item ID is required`);
		const raw = row.quantity;
		const quantity = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
		if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1) {
			fail(ctx, itemIndex, `${where}.Quantity must be a positive integer (got ${JSON.stringify(raw ?? null)})`);
		}
		quantities.set(id, (quantities.get(id) ?? 0) + quantity);
	});
	if (quantities.size === 0) fail(ctx, itemIndex, `${field}: add at least one line item`);
	return [...quantities].map(([id, quantity]) => ({ id, quantity }));
}
