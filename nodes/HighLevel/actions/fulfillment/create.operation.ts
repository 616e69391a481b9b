/**
 * Fulfillment → Create.
 * Source: POST /payments/orders/{orderId}/fulfillments (create-order-fulfillment), body
 * CreateFulfillmentDto `{altId, altType, trackings[{trackingNumber?, shippingCarrier?,
 * trackingUrl?}], items[{priceId, qty}], notifyCustomer}` (all required), response **200**
 * `{status, data: FulfillmentSchema}` (highlevel.md §3 row 21, §4.7).
 *
 * Without items the remaining quantity of every order line is fulfilled: the order's items
 * (`qty`, price id `items[].price._id`) minus the quantities of its existing fulfillments
 * (`items[]._id` = price id, `qty`).
 *
 * Idempotent by tracking number (option, on by default): when the order already has a fulfillment
 * carrying one of the tracking numbers, that fulfillment is returned with `created: false` and
 * nothing is written (GET /payments/orders/{orderId}/fulfillments first). New ones come back with
 * `created: true`.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { withKeyLock } from '../../../../nodes/shared/concurrency/keyedLock';
import { altOf, highLevelApiRequest } from '../../../../nodes/shared/highlevel/transport';
import { orderRLC } from '../../descriptions/common.description';
import { fulfillmentsEndpoint, getOrder, listFulfillments } from '../../helpers/api';
import {
	asList,
	fail,
	getLocationId,
	getResourceId,
	parseHttpUrl,
	unwrapData,
} from '../../helpers/utils';

export interface FulfillmentItem {
	priceId: string;
	qty: number;
}

export interface FulfillmentTracking {
	trackingNumber?: string;
	shippingCarrier?: string;
	trackingUrl?: string;
}

const properties: INodeProperties[] = [
	orderRLC,
	{
		displayName: 'Items',
		name: 'items',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Item',
		default: {},
		description:
			'Order lines to fulfil. Leave empty to fulfil everything not yet fulfilled on the order.',
		options: [
			{
				displayName: 'Item',
				name: 'item',
				values: [
					{
						displayName: 'Price ID',
						name: 'priceId',
						type: 'string',
						default: '',
						placeholder: 'e.g. 660ed20095e1dcd37bb0d392',
						description: "ID of the order line's product price (items[].price._id of the order)",
					},
					{
						displayName: 'Quantity',
						name: 'qty',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 1,
						description: 'How many units of this line ship in this fulfillment',
					},
				],
			},
		],
	},
	{
		displayName: 'Trackings',
		name: 'trackings',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Tracking',
		default: {},
		description: 'Tracking numbers of the parcels of this fulfillment',
		options: [
			{
				displayName: 'Tracking',
				name: 'tracking',
				values: [
					{
						displayName: 'Tracking Number',
						name: 'trackingNumber',
						type: 'string',
						default: '',
						placeholder: 'e.g. 40012345678',
						description: 'Tracking number provided by the shipping carrier',
					},
					{
						displayName: 'Shipping Carrier',
						name: 'shippingCarrier',
						type: 'string',
						default: '',
						placeholder: 'e.g. FedEx',
						description: 'Shipping carrier name',
					},
					{
						displayName: 'Tracking URL',
						name: 'trackingUrl',
						type: 'string',
						default: '',
						placeholder: 'e.g. https://www.fedex.com/wtrk/track/?trknbr=40012345678',
						description: "Link to the carrier's tracking page",
					},
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Notify Customer',
				name: 'notifyCustomer',
				type: 'boolean',
				default: false,
				description: 'Whether HighLevel emails the customer about this fulfillment',
			},
			{
				displayName: 'Skip If Tracking Number Exists',
				name: 'skipExistingTracking',
				type: 'boolean',
				default: true,
				description:
					'Whether to return the existing fulfillment (created: false) instead of creating another when the order already has a fulfillment with one of these tracking numbers, so a repeated carrier webhook changes nothing',
			},
		],
	},
];

const displayOptions = { show: { resource: ['fulfillment'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

const text = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';

/**
 * `{item: [{priceId, qty}]}` (fixed collection) or `[{priceId, qty}]` (expression) → items;
 * rows without a price id and a quantity are skipped, a price id needs a positive quantity.
 */
export function parseItems(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
): FulfillmentItem[] {
	const items: FulfillmentItem[] = [];
	asList(value, 'item').forEach((row, index) => {
		const priceId = text(row.priceId);
		const rawQty = row.qty;
		const emptyQty = rawQty === undefined || rawQty === null || text(rawQty) === '';
		if (!priceId && emptyQty) return;
		if (!priceId) {
			fail(ctx, itemIndex, `Items: item ${index + 1} needs a Price ID`);
		}
		const qty = typeof rawQty === 'string' && rawQty.trim() !== '' ? Number(rawQty) : rawQty;
		if (typeof qty !== 'number' || !Number.isFinite(qty) || qty <= 0) {
			fail(
				ctx,
				itemIndex,
				`Items: qty must be a positive number (item ${index + 1}, price ${priceId}: "${String(rawQty)}")`,
			);
		}
		items.push({ priceId, qty });
	});
	return items;
}

/** `{tracking: [...]}` or `[...]` → trackings; empty rows skipped, URLs must be http(s). */
export function parseTrackings(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
): FulfillmentTracking[] {
	const trackings: FulfillmentTracking[] = [];
	for (const row of asList(value, 'tracking')) {
		const tracking: FulfillmentTracking = {};
		const trackingNumber = text(row.trackingNumber);
		const shippingCarrier = text(row.shippingCarrier);
		const trackingUrl = text(row.trackingUrl);
		if (trackingNumber) tracking.trackingNumber = trackingNumber;
		if (shippingCarrier) tracking.shippingCarrier = shippingCarrier;
		if (trackingUrl) tracking.trackingUrl = parseHttpUrl(ctx, itemIndex, 'Trackings', trackingUrl);
		if (Object.keys(tracking).length) trackings.push(tracking);
	}
	return trackings;
}

const qtyOf = (value: unknown) => {
	const qty = typeof value === 'string' ? Number(value) : value;
	return typeof qty === 'number' && Number.isFinite(qty) ? qty : 0;
};

/**
 * What is left to fulfil: per price id, the ordered quantity (`order.items[].qty`, price id
 * `items[].price._id`) minus the quantity in existing fulfillments (`items[]._id`, `qty`), in
 * the order's item order. Lines without a price id cannot be fulfilled and are left out.
 */
export function remainingItems(order: IDataObject, fulfillments: IDataObject[]): FulfillmentItem[] {
	const ordered = new Map<string, number>();
	for (const line of Array.isArray(order.items) ? (order.items as unknown[]) : []) {
		if (!line || typeof line !== 'object') continue;
		const row = line as IDataObject;
		const price = row.price as IDataObject | undefined;
		const priceId = text(price && typeof price === 'object' ? price._id : row.priceId);
		if (!priceId) continue;
		ordered.set(priceId, (ordered.get(priceId) ?? 0) + qtyOf(row.qty));
	}
	for (const fulfillment of fulfillments) {
		for (const line of Array.isArray(fulfillment.items)
			? (fulfillment.items as IDataObject[])
			: []) {
			const price = line?.price as IDataObject | undefined;
			const priceId = text(line?._id ?? line?.priceId ?? price?._id);
			if (ordered.has(priceId)) {
				ordered.set(priceId, (ordered.get(priceId) ?? 0) - qtyOf(line.qty));
			}
		}
	}
	return [...ordered].filter(([, qty]) => qty > 0).map(([priceId, qty]) => ({ priceId, qty }));
}

/** Tracking numbers of a HighLevel fulfillment (`trackings[].trackingNumber`). */
export function trackingNumbersOf(fulfillment: IDataObject): string[] {
	const trackings = Array.isArray(fulfillment.trackings) ? (fulfillment.trackings as unknown[]) : [];
	return trackings
		.map((tracking) => text((tracking as IDataObject | null)?.trackingNumber))
		.filter((number) => number !== '');
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const orderId = getResourceId(this, 'orderId', 'Order', itemIndex);
	const requested = parseItems(this, itemIndex, this.getNodeParameter('items', itemIndex, {}));
	const trackings = parseTrackings(
		this,
		itemIndex,
		this.getNodeParameter('trackings', itemIndex, {}),
	);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const skipExisting = options.skipExistingTracking !== false;
	const numbers = trackings.map((tracking) => tracking.trackingNumber ?? '').filter(Boolean);
	const locationId = await getLocationId(this, itemIndex);

	// Look before you create, one execution at a time per order in this process.
	return await withKeyLock(`highlevel-fulfillment:${locationId}:${orderId}`, async () => {
		let fulfillments: IDataObject[] | undefined;
		if (skipExisting && numbers.length > 0) {
			fulfillments = await listFulfillments(this, locationId, orderId, itemIndex);
			const existing = fulfillments.find((fulfillment) =>
				trackingNumbersOf(fulfillment).some((number) => numbers.includes(number)),
			);
			if (existing) return { ...existing, created: false };
		}
		let items = requested;
		if (items.length === 0) {
			const order = unwrapData(await getOrder(this, locationId, orderId, itemIndex));
			fulfillments ??= await listFulfillments(this, locationId, orderId, itemIndex);
			items = remainingItems(order, fulfillments);
			if (items.length === 0) {
				fail(
					this,
					itemIndex,
					`Fulfillment: nothing left to fulfil for order ${orderId} (every item is already fulfilled, or the order has no items with a price)`,
				);
			}
		}
		const response = await highLevelApiRequest(this, {
			method: 'POST',
			endpoint: fulfillmentsEndpoint(orderId),
			body: {
				...altOf(locationId),
				trackings,
				items,
				notifyCustomer: options.notifyCustomer === true,
			} as unknown as IDataObject,
			itemIndex,
		});
		return { ...unwrapData(response), created: true };
	});
}
