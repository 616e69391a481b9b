/**
 * Fields and readers shared by the LaunchMyStore operations: the order locator, Return All +
 * Limit, and reading a required order id (errors name the field).
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** Shared by the action nodes (nodes/shared/actions/fields.ts). */
import { returnAllField, limitField, fail } from '../../../nodes/shared/actions/fields';

export { returnAllField, limitField, fail };

/** The order to act on: picked from the shop's recent orders or given by its ID (`id` of the order). */
export const orderIdLocator: INodeProperties = {
	displayName: 'Order ID',
	name: 'orderId',
	type: 'resourceLocator',
	default: { mode: 'id', value: '' },
	required: true,
	description: 'The LaunchMyStore order (its ID, e.g. ord_abc123, as in the order webhook or Get Order)',
	modes: [
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. ord_abc123',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^\\S+$', errorMessage: 'The order ID must not contain spaces' },
				},
			],
		},
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchOrders', searchable: true },
		},
	],
};

/** The Order ID parameter (resource locator or text), trimmed; "Order ID is required" when empty. */
export function getOrderId(ctx: IExecuteFunctions, itemIndex: number): string {
	const value = ctx.getNodeParameter('orderId', itemIndex, '', { extractValue: true }) as unknown;
	const id = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (!id) fail(ctx, itemIndex, 'Order ID is required: enter the LaunchMyStore order ID or pick an order');
	return id;
}

/** Return All / Limit of a Get Many operation: undefined for all, else the limit (≥ 1). */
export function getMaxResults(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	const limit = Number(ctx.getNodeParameter('limit', itemIndex, 50));
	return Number.isFinite(limit) && limit >= 1 ? Math.floor(limit) : 50;
}
