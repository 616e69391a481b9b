/**
 * Fulfillment → Create: one input item = one POST = one package.
 * Source: POST /api/v1/orders/{order_id}/fulfillments.json, body `{line_items: [{id, quantity}],
 * tracking_number, tracking_url, tracking_company, notify_customer (default true), status?}` →
 * 201 `{success, data: fulfillment}`. A fulfillment in a success state moves the order to
 * `partial`, `shipped` or `delivered` by the share of ordered quantity shipped
 * (https://docs.launchmystore.io/api-reference/fulfillments/create; the write-back step of
 * https://docs.launchmystore.io/extensions/live-rate-providers).
 *
 * Idempotent by tracking number: the order's fulfillments are read first
 * (GET …/fulfillments.json); when one carries the same tracking number (compared without spaces,
 * case-insensitively) it is returned with `alreadyFulfilled: true` and nothing is sent, so a
 * repeated webhook or a retried execution ships no second package. Without a tracking number
 * there is nothing to recognise a repeat by. Within one n8n process, runs for the same order take
 * turns (withKeyLock), so two at once see each other's write.
 *
 * Items "All Unfulfilled Items": per line item, `quantity` minus the quantities in the order's
 * fulfillments (those listed, plus those embedded in the order), leaving out failed or cancelled
 * ones; nothing left → `{orderId, skipped: true, reason}` and no POST.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { withKeyLock } from '../../../../nodes/shared/concurrency/keyedLock';
import {
	createLaunchMyStoreFulfillment,
	getLaunchMyStoreOrder,
	type LaunchMyStoreFulfillmentRequest,
	listLaunchMyStoreFulfillments,
} from '../../../../nodes/shared/launchMyStore/api';
import {
	findFulfillmentByTracking,
	mergeFulfillments,
	remainingLineItems,
} from '../../../../nodes/shared/launchMyStore/orders';
import { getLaunchMyStoreBaseUrl } from '../../../../nodes/shared/launchMyStore/transport';
import { fail, getOrderId, orderIdLocator } from '../common.description';
import { parseLineItems } from './lineItems';

/** Fulfillment statuses of the Status option (the fulfillment object's documented values). */
export const FULFILLMENT_STATUSES = ['delivered', 'in_transit', 'pending', 'success'];

const showFor = (items: string[]) => ({ show: { items } });

const properties: INodeProperties[] = [
	orderIdLocator,
	{
		displayName: 'Items',
		name: 'items',
		type: 'options',
		options: [
			{
				name: 'All Unfulfilled Items',
				value: 'allUnfulfilled',
				description: 'Every line item quantity not yet in a fulfillment of the order',
			},
			{
				name: 'Given Line Items',
				value: 'given',
				description: 'The line items and quantities entered below',
			},
			{
				name: 'Line Items (JSON)',
				value: 'json',
				description: 'A list of line items with their quantities, typically from an expression on the input item',
			},
		],
		default: 'allUnfulfilled',
		description: 'Which line items ship in this package',
	},
	{
		displayName: 'Line Items',
		name: 'lineItems',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Line Item',
		default: {},
		displayOptions: showFor(['given']),
		options: [
			{
				displayName: 'Line Item',
				name: 'lineItem',
				values: [
					{
						displayName: 'Line Item ID',
						name: 'lineItemId',
						type: 'string',
						default: '',
						placeholder: 'e.g. li_001',
						description: 'ID of the order line item (line_items[].ID of the order)',
					},
					{
						displayName: 'Quantity',
						name: 'quantity',
						type: 'number',
						typeOptions: { minValue: 1, numberPrecision: 0 },
						default: 1,
						description: 'How many units of this line item are in the package',
					},
				],
			},
		],
	},
	{
		displayName: 'Line Items (JSON)',
		name: 'lineItemsJson',
		type: 'json',
		default: '[]',
		displayOptions: showFor(['json']),
		description:
			'JSON array of line items, e.g. [{"lineItemId": "li_001", "quantity": 2}] or an expression returning one; the short key of the order (line_items[].ID) is accepted for lineItemId',
	},
	{
		displayName: 'Tracking Number',
		name: 'trackingNumber',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1Z999AA10123456784',
		description:
			'Carrier tracking number (AWB). An existing fulfillment of the order with this number is returned instead of creating another.',
	},
	{
		displayName: 'Tracking Company',
		name: 'trackingCompany',
		type: 'string',
		default: '',
		placeholder: 'e.g. UPS',
		description: 'Carrier name, e.g. UPS, FedEx, USPS, DHL',
	},
	{
		displayName: 'Tracking URL',
		name: 'trackingUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://ups.com/track?num=1Z999AA10123456784',
		description: "Link to the carrier's tracking page",
	},
	{
		displayName: 'Notify Customer',
		name: 'notifyCustomer',
		type: 'boolean',
		default: true,
		description: 'Whether LaunchMyStore emails the customer a shipment notification',
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Delivered', value: 'delivered' },
			{ name: 'In Transit', value: 'in_transit' },
			{ name: 'Pending', value: 'pending' },
			{ name: 'Success', value: 'success', description: 'Shipped: counts towards the order being shipped' },
		],
		default: 'success',
		description:
			"The fulfillment's status. Success or Delivered count the items as shipped and move the order to partial, shipped or delivered.",
	},
];

const displayOptions = { show: { resource: ['fulfillment'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

const text = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';

/** An absolute http(s) URL, or a NodeOperationError naming Tracking URL. */
function parseTrackingUrl(ctx: IExecuteFunctions, itemIndex: number, value: string): string {
	let url: URL | undefined;
	try {
		url = new URL(value);
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
		fail(ctx, itemIndex, `Tracking URL: "${value}" is not an absolute http(s) URL`);
	}
	return value;
}

/** The request body fields other than the line items, from the node parameters. */
function packageFields(ctx: IExecuteFunctions, itemIndex: number): Omit<LaunchMyStoreFulfillmentRequest, 'line_items'> {
	const fields: Omit<LaunchMyStoreFulfillmentRequest, 'line_items'> = {
		notify_customer: ctx.getNodeParameter('notifyCustomer', itemIndex, true) !== false,
	};
	const trackingNumber = text(ctx.getNodeParameter('trackingNumber', itemIndex, ''));
	const trackingCompany = text(ctx.getNodeParameter('trackingCompany', itemIndex, ''));
	const trackingUrl = text(ctx.getNodeParameter('trackingUrl', itemIndex, ''));
	const status = text(ctx.getNodeParameter('status', itemIndex, 'success'));
	if (trackingNumber) fields.tracking_number = trackingNumber;
	if (trackingCompany) fields.tracking_company = trackingCompany;
	if (trackingUrl) fields.tracking_url = parseTrackingUrl(ctx, itemIndex, trackingUrl);
	if (status) {
		if (!FULFILLMENT_STATUSES.includes(status)) {
			fail(ctx, itemIndex, `Status: "${status}" is not one of ${FULFILLMENT_STATUSES.join(', ')}`);
		}
		fields.status = status;
	}
	return fields;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const orderId = getOrderId(this, itemIndex);
	const mode = text(this.getNodeParameter('items', itemIndex, 'allUnfulfilled'));
	const given =
		mode === 'given'
			? parseLineItems(this, itemIndex, this.getNodeParameter('lineItems', itemIndex, {}), 'Line Items')
			: mode === 'json'
				? parseLineItems(this, itemIndex, this.getNodeParameter('lineItemsJson', itemIndex, '[]'), 'Line Items (JSON)')
				: undefined;
	const fields = packageFields(this, itemIndex);
	const baseUrl = await getLaunchMyStoreBaseUrl(this);

	return await withKeyLock(`launchmystore-fulfillment:${baseUrl}:${orderId}`, async () => {
		let listed: IDataObject[] | undefined;
		if (fields.tracking_number) {
			listed = await listLaunchMyStoreFulfillments(this, orderId, itemIndex);
			const existing = findFulfillmentByTracking(listed, fields.tracking_number);
			if (existing) return { ...existing, alreadyFulfilled: true };
		}
		let lineItems = given;
		if (!lineItems) {
			const order = await getLaunchMyStoreOrder(this, orderId, itemIndex);
			listed ??= await listLaunchMyStoreFulfillments(this, orderId, itemIndex);
			lineItems = remainingLineItems(order, mergeFulfillments(listed, order));
			if (lineItems.length === 0) {
				return {
					orderId,
					skipped: true,
					reason: `nothing left to fulfil: every line item of order ${orderId} is already in a fulfillment (or the order has no line items)`,
				};
			}
		}
		const fulfillment = await createLaunchMyStoreFulfillment(this, orderId, { line_items: lineItems, ...fields }, itemIndex);
		return { ...fulfillment, alreadyFulfilled: false };
	});
}
