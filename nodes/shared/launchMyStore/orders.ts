/**
 * LaunchMyStore orders and fulfillments: endpoints, what is left to fulfil, tracking numbers.
 *
 * Shapes (REST API, snake_case): order `{id, order_number, status, fulfillment_status,
 * line_items[{id, title, sku, quantity, …}], shipping_lines[{title, code, price, source}],
 * shipping_address, fulfillments[…]}`; fulfillment `{id, order_id, status, tracking_number,
 * tracking_url, tracking_company, line_items[{id, quantity, title}], …}`. The newer Create
 * Fulfillment page answers camelCase (`{fulfillment: {fulfillmentId, trackingNumber, lineItems}}`),
 * so readers here accept both spellings.
 * Sources: https://docs.launchmystore.io/api-reference/orders/get,
 * https://docs.launchmystore.io/api-reference/fulfillments/list,
 * https://docs.launchmystore.io/api-reference/fulfillments/create ("each Fulfillment row
 * represents one shipment"; coverage sums the line item quantities of success-state rows).
 */
import type { IDataObject } from 'n8n-workflow';

/** One line of a fulfillment request: the order's line item id and how many units ship. */
export interface LaunchMyStoreLineItem {
	id: string;
	quantity: number;
}

export const orderPath = (orderId: string) => `/api/v1/orders/${encodeURIComponent(orderId)}.json`;
export const fulfillmentsPath = (orderId: string) => `/api/v1/orders/${encodeURIComponent(orderId)}/fulfillments.json`;
export const ORDERS_PATH = '/api/v1/orders';

/**
 * Fulfillment statuses that do not ship anything: such fulfillments are left out when computing
 * what remains (the list page documents `pending, in_transit, delivered, failed`).
 */
export const NON_SHIPPING_FULFILLMENT_STATUSES = ['cancelled', 'canceled', 'error', 'failed', 'failure'];

const asObject = (value: unknown): IDataObject | undefined =>
	typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as IDataObject) : undefined;

const text = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';

const objects = (value: unknown): IDataObject[] =>
	Array.isArray(value) ? value.map(asObject).filter((entry): entry is IDataObject => entry !== undefined) : [];

const quantityOf = (value: unknown) => {
	const quantity = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof quantity === 'number' && Number.isFinite(quantity) ? quantity : 0;
};

/** The line items of an order or fulfillment (`line_items`, or `lineItems`). */
export function lineItemsOf(record: IDataObject): IDataObject[] {
	return objects(record.line_items ?? record.lineItems);
}

/** The id of a line item row (`id`, else `line_item_id` / `lineItemId`). */
export const lineItemIdOf = (row: IDataObject) => text(row.id ?? row.line_item_id ?? row.lineItemId);

/** The id of a fulfillment (`id`, or `fulfillmentId`). */
export const fulfillmentIdOf = (fulfillment: IDataObject) => text(fulfillment.id ?? fulfillment.fulfillmentId);

/** Whether a fulfillment ships its items (its status is not one of NON_SHIPPING_FULFILLMENT_STATUSES). */
export function fulfillmentShips(fulfillment: IDataObject): boolean {
	return !NON_SHIPPING_FULFILLMENT_STATUSES.includes(text(fulfillment.status).toLowerCase());
}

/** The fulfillments of a list answer's `data`: `{fulfillments: [...]}`, `{items: [...]}` or a list. */
export function fulfillmentsOfAnswer(data: unknown): IDataObject[] {
	if (Array.isArray(data)) return objects(data);
	const object = asObject(data) ?? {};
	return objects(object.fulfillments ?? object.items);
}

/** The fulfillment of a create answer's `data`: `data` itself, or `data.fulfillment`. */
export function fulfillmentOfAnswer(data: unknown): IDataObject {
	const object = asObject(data) ?? {};
	return asObject(object.fulfillment) ?? object;
}

/**
 * The fulfillments known for an order: the listed ones, plus those embedded in the order
 * (`order.fulfillments`) whose id is not listed.
 */
export function mergeFulfillments(listed: IDataObject[], order: IDataObject): IDataObject[] {
	const ids = new Set(listed.map(fulfillmentIdOf).filter(Boolean));
	const embedded = objects(order.fulfillments).filter((entry) => {
		const id = fulfillmentIdOf(entry);
		return !id || !ids.has(id);
	});
	return [...listed, ...embedded];
}

/**
 * What is left to fulfil, in the order's line order: per line item id, `quantity` minus the
 * quantities of that id in fulfillments that ship (see fulfillmentShips). Lines without an id or
 * with nothing left are left out.
 */
export function remainingLineItems(order: IDataObject, fulfillments: IDataObject[]): LaunchMyStoreLineItem[] {
	const remaining = new Map<string, number>();
	for (const line of lineItemsOf(order)) {
		const id = lineItemIdOf(line);
		if (id) remaining.set(id, (remaining.get(id) ?? 0) + quantityOf(line.quantity));
	}
	for (const fulfillment of fulfillments.filter(fulfillmentShips)) {
		for (const line of lineItemsOf(fulfillment)) {
			const id = lineItemIdOf(line);
			if (remaining.has(id)) remaining.set(id, (remaining.get(id) ?? 0) - quantityOf(line.quantity));
		}
	}
	return [...remaining].filter(([, quantity]) => quantity > 0).map(([id, quantity]) => ({ id, quantity }));
}

/** A tracking number as compared: without spaces, upper-cased. */
export const normalizeTrackingNumber = (value: unknown) => text(value).replace(/\s+/g, '').toUpperCase();

/**
 * The tracking numbers of a fulfillment: `tracking_number` / `trackingNumber`, and the entries of
 * `tracking_numbers` (texts or `{number | tracking_number}`), normalised.
 */
export function trackingNumbersOf(fulfillment: IDataObject): string[] {
	const numbers = [fulfillment.tracking_number, fulfillment.trackingNumber];
	const many = fulfillment.tracking_numbers ?? fulfillment.trackingNumbers;
	if (Array.isArray(many)) {
		for (const entry of many) {
			const object = asObject(entry);
			numbers.push(object ? (object.number ?? object.tracking_number ?? object.trackingNumber) : entry);
		}
	}
	return [...new Set(numbers.map(normalizeTrackingNumber).filter(Boolean))];
}

/** The first fulfillment carrying `trackingNumber` (compared normalised), if any. */
export function findFulfillmentByTracking(fulfillments: IDataObject[], trackingNumber: string): IDataObject | undefined {
	const wanted = normalizeTrackingNumber(trackingNumber);
	if (!wanted) return undefined;
	return fulfillments.find((fulfillment) => trackingNumbersOf(fulfillment).includes(wanted));
}
