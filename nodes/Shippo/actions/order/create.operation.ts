/**
 * Order → Create: `POST /orders` (operationId `CreateOrder`, body `OrderCreateRequest`).
 *
 * With a platform reference (`hl:<locationId>:<orderId>`, `lms:<shop>:<orderId>`, written to
 * `order_number`; "From LaunchMyStore Order" in fromLaunchMyStore.ts), the recent
 * orders (`GET /orders`, newest first, up to the search depth) are searched first and an order
 * that already carries the reference is returned with `created: false` instead of a duplicate.
 * `ListOrders` has no text filter, so the search pages through the list.
 */
import { withKeyLock } from '../../../../nodes/shared/concurrency/keyedLock';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, jsonParse, updateDisplayOptions } from 'n8n-workflow';
import { SHIPPO_MASS_UNITS, toShippoDecimal } from '../../../../nodes/shared/shippo/mapping';
import type { HighLevelOrderLike, ShippoOrderBody } from '../../../../nodes/shared/shippo/orders';
import {
	SHIPPO_ORDER_STATUSES,
	encodeHighLevelReference,
	highLevelOrderToShippoOrder,
	orderHasReference,
	toMoneyString,
	validateOrderBody,
} from '../../../../nodes/shared/shippo/orders';
import { shippoApiRequest } from '../../../../nodes/shared/shippo/transport';
import { addressFields } from '../common.descriptions';
import { launchMyStoreOrderBody, launchMyStoreOrderOption, launchMyStoreOrderProperties } from './fromLaunchMyStore';
import { addressFromUi, runPerItem } from '../../helpers/utils';

const massUnitOptions = SHIPPO_MASS_UNITS.map((unit) => ({ name: unit, value: unit }));

/** Orders per page and pages searched for an existing order with the reference. */
const SEARCH_PAGE_SIZE = 100;

const properties: INodeProperties[] = [
	{
		displayName: 'Define Order',
		name: 'defineOrder',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Using Fields Below', value: 'fields' },
			{ name: 'Using JSON', value: 'json' },
			{
				name: 'From HighLevel Order',
				value: 'highLevelOrder',
				description:
					'Map a HighLevel order (e.g. the OrderCreate webhook body); the reference is set from it',
			},
			launchMyStoreOrderOption,
		],
		default: 'fields',
	},
	{
		displayName: 'Recipient Address',
		name: 'toAddress',
		type: 'fixedCollection',
		placeholder: 'Add Recipient Address',
		default: {},
		required: true,
		description: 'Shippo to_address',
		displayOptions: { show: { defineOrder: ['fields'] } },
		options: [{ displayName: 'Address', name: 'address', values: addressFields }],
	},
	{
		displayName: 'Line Items',
		name: 'lineItems',
		type: 'fixedCollection',
		placeholder: 'Add Line Item',
		typeOptions: { multipleValues: true },
		default: {},
		displayOptions: { show: { defineOrder: ['fields'] } },
		options: [
			{
				displayName: 'Line Item',
				name: 'lineItem',
				values: [
					{
						displayName: 'Currency',
						name: 'currency',
						type: 'string',
						default: 'USD',
						description: 'ISO 4217 code of the total price',
					},
					{
						displayName: 'Manufacture Country',
						name: 'manufactureCountry',
						type: 'string',
						default: '',
						placeholder: 'US',
					},
					{
						displayName: 'Quantity',
						name: 'quantity',
						type: 'number',
						typeOptions: { minValue: 1, numberPrecision: 0 },
						default: 1,
					},
					{
						displayName: 'SKU',
						name: 'sku',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Title',
						name: 'title',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Total Price',
						name: 'totalPrice',
						type: 'number',
						typeOptions: { minValue: 0, numberPrecision: 2 },
						default: 0,
						description: 'Price paid for this line (all units), in major units; 0 leaves it out',
					},
					{
						displayName: 'Variant Title',
						name: 'variantTitle',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Weight',
						name: 'weight',
						type: 'number',
						typeOptions: { minValue: 0, numberPrecision: 4 },
						default: 0,
						description: 'Weight of this line (all units); 0 leaves it out',
					},
					{
						displayName: 'Weight Unit',
						name: 'weightUnit',
						type: 'options',
						options: massUnitOptions,
						default: 'lb',
					},
				],
			},
		],
	},
	{
		displayName: 'Order (JSON)',
		name: 'orderJson',
		type: 'json',
		default: '{\n  "to_address": { "country": "US" },\n  "line_items": []\n}',
		required: true,
		description:
			'Body of POST /orders (Shippo OrderCreateRequest). Numeric prices and weights are turned into strings; placed_at defaults to now.',
		displayOptions: { show: { defineOrder: ['json'] } },
	},
	{
		displayName: 'HighLevel Order (JSON)',
		name: 'highLevelOrder',
		type: 'json',
		default: '={{ JSON.stringify($json) }}',
		required: true,
		description:
			'A HighLevel order object (_id, altId/locationId, contactSnapshot, items[], amount, currency, createdAt)',
		displayOptions: { show: { defineOrder: ['highLevelOrder'] } },
	},
	...launchMyStoreOrderProperties,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { defineOrder: ['fields', 'json'] } },
		options: [
			{
				displayName: 'Currency',
				name: 'currency',
				type: 'string',
				default: '',
				placeholder: 'USD',
				description: 'ISO 4217 code of the total price and tax',
			},
			{
				displayName: 'Notes',
				name: 'notes',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Order Number',
				name: 'orderNumber',
				type: 'string',
				default: '',
				description: 'Seller’s order number (replaced by the HighLevel reference when that is set)',
			},
			{
				displayName: 'Order Status',
				name: 'orderStatus',
				type: 'options',
				options: SHIPPO_ORDER_STATUSES.map((status) => ({ name: status, value: status })),
				default: 'PAID',
			},
			{
				displayName: 'Placed At',
				name: 'placedAt',
				type: 'dateTime',
				default: '',
				description: 'When the order was placed; default now',
			},
			{
				displayName: 'Shipping Cost',
				name: 'shippingCost',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
				description: 'Amount the buyer paid for shipping, in the currency below',
			},
			{
				displayName: 'Shipping Cost Currency',
				name: 'shippingCostCurrency',
				type: 'string',
				default: 'USD',
			},
			{
				displayName: 'Shipping Method',
				name: 'shippingMethod',
				type: 'string',
				default: '',
				placeholder: 'USPS Priority Mail',
			},
			{
				displayName: 'Total Price',
				name: 'totalPrice',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
				description: 'Total paid by the buyer; needs Currency',
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
				displayName: 'HighLevel Reference',
				name: 'highLevelReference',
				type: 'fixedCollection',
				default: {},
				description:
					'Write hl:&lt;locationId&gt;:&lt;orderId&gt; to order_number and return the existing order with it instead of creating a second one',
				options: [
					{
						displayName: 'Reference',
						name: 'reference',
						values: [
							{
								displayName: 'Location ID',
								name: 'locationId',
								type: 'string',
								default: '',
							},
							{
								displayName: 'Order ID',
								name: 'orderId',
								type: 'string',
								default: '',
								description: 'HighLevel order ID',
							},
						],
					},
				],
			},
			{
				displayName: 'Duplicate Search Depth',
				name: 'searchPages',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 50 },
				default: 5,
				description:
					'How many pages of 100 recent orders to search for an order with the same reference',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['create'] } },
	properties,
);

const NUMERIC_ORDER_MONEY = [
	'total_price',
	'subtotal_price',
	'total_tax',
	'shipping_cost',
] as const;

function parseJsonParameter(
	this: IExecuteFunctions,
	name: string,
	label: string,
	i: number,
): IDataObject {
	const raw = this.getNodeParameter(name, i, '{}') as string | IDataObject;
	const value =
		typeof raw === 'string'
			? jsonParse<IDataObject>(raw, { errorMessage: `${label} is not valid JSON` })
			: { ...raw };
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new NodeOperationError(this.getNode(), `${label} must be a JSON object`, {
			itemIndex: i,
		});
	}
	return value;
}

/** Numeric money/weights in a JSON order → Shippo strings. */
function normalizeJsonOrder(body: IDataObject): IDataObject {
	for (const field of NUMERIC_ORDER_MONEY) {
		if (typeof body[field] === 'number') body[field] = toMoneyString(body[field] as number, field);
	}
	if (typeof body.weight === 'number') body.weight = toShippoDecimal(body.weight);
	if (Array.isArray(body.line_items)) {
		body.line_items = body.line_items.map((entry, index) => {
			if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return entry;
			const item = { ...(entry as IDataObject) };
			if (typeof item.total_price === 'number') {
				item.total_price = toMoneyString(item.total_price, `line_items[${index}].total_price`);
			}
			if (typeof item.weight === 'number') item.weight = toShippoDecimal(item.weight);
			return item;
		});
	}
	return body;
}

function bodyFromFields(this: IExecuteFunctions, i: number): IDataObject {
	const lineItems = (this.getNodeParameter('lineItems.lineItem', i, []) as IDataObject[]).map(
		(item) => {
			const line: IDataObject = { quantity: Number(item.quantity ?? 1) };
			for (const [key, field] of [
				['title', 'title'],
				['sku', 'sku'],
				['variant_title', 'variantTitle'],
				['manufacture_country', 'manufactureCountry'],
			] as const) {
				const value = String(item[field] ?? '').trim();
				if (value) line[key] = value;
			}
			const totalPrice = Number(item.totalPrice ?? 0);
			if (totalPrice > 0) {
				line.total_price = toMoneyString(totalPrice);
				const currency = String(item.currency ?? '')
					.trim()
					.toUpperCase();
				if (currency) line.currency = currency;
			}
			const weight = Number(item.weight ?? 0);
			if (weight > 0) {
				line.weight = toShippoDecimal(weight);
				line.weight_unit = String(item.weightUnit ?? 'lb');
			}
			return line;
		},
	);
	const body: IDataObject = {
		to_address: addressFromUi(this.getNodeParameter('toAddress.address', i, {}) as IDataObject),
	};
	if (lineItems.length) body.line_items = lineItems;
	return body;
}

function applyAdditionalFields(body: IDataObject, additional: IDataObject): void {
	const str = (value: unknown) => String(value ?? '').trim();
	if (str(additional.orderNumber)) body.order_number = str(additional.orderNumber);
	if (additional.orderStatus) body.order_status = str(additional.orderStatus);
	if (additional.placedAt) body.placed_at = new Date(str(additional.placedAt)).toISOString();
	if (str(additional.currency)) body.currency = str(additional.currency).toUpperCase();
	if (Number(additional.totalPrice ?? 0) > 0) {
		body.total_price = toMoneyString(Number(additional.totalPrice), 'totalPrice');
	}
	if (Number(additional.shippingCost ?? 0) > 0) {
		body.shipping_cost = toMoneyString(Number(additional.shippingCost), 'shippingCost');
		body.shipping_cost_currency = str(additional.shippingCostCurrency || 'USD').toUpperCase();
	}
	if (str(additional.shippingMethod)) body.shipping_method = str(additional.shippingMethod);
	if (str(additional.notes)) body.notes = str(additional.notes);
}

/** The newest order (within `pages` pages) whose order_number/metadata is the reference. */
async function findOrderByReference(
	this: IExecuteFunctions,
	reference: string,
	pages: number,
	i: number,
): Promise<IDataObject | undefined> {
	for (let page = 1; page <= pages; page++) {
		const response = await shippoApiRequest<{ results?: IDataObject[]; next?: string | null }>(
			this,
			{
				method: 'GET',
				endpoint: '/orders',
				qs: { page, results: SEARCH_PAGE_SIZE },
				itemIndex: i,
			},
		);
		const results = response.results ?? [];
		const match = results.find((order) => orderHasReference(order, reference));
		if (match) return match;
		if (!response.next || results.length === 0) return undefined;
	}
	return undefined;
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await runPerItem(this, items, async (i) => {
		const mode = this.getNodeParameter('defineOrder', i, 'fields') as string;
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const referenceValues = (options.highLevelReference as IDataObject | undefined)?.reference as
			| IDataObject
			| undefined;

		let body: IDataObject;
		if (mode === 'highLevelOrder') {
			const hlOrder = parseJsonParameter.call(this, 'highLevelOrder', 'HighLevel Order (JSON)', i);
			try {
				body = highLevelOrderToShippoOrder(hlOrder as HighLevelOrderLike, {
					locationId: referenceValues ? String(referenceValues.locationId ?? '') : undefined,
				}) as IDataObject;
			} catch (error) {
				throw new NodeOperationError(this.getNode(), `Invalid order: ${(error as Error).message}`, {
					itemIndex: i,
				});
			}
		} else if (mode === 'launchMyStoreOrder') {
			body = launchMyStoreOrderBody.call(this, i) as IDataObject;
		} else {
			body =
				mode === 'json'
					? normalizeJsonOrder(parseJsonParameter.call(this, 'orderJson', 'Order (JSON)', i))
					: bodyFromFields.call(this, i);
			applyAdditionalFields(body, this.getNodeParameter('additionalFields', i, {}) as IDataObject);
		}
		if (referenceValues) {
			body.order_number = encodeHighLevelReference({
				locationId: String(referenceValues.locationId ?? ''),
				orderId: String(referenceValues.orderId ?? ''),
			});
		}
		if (!body.placed_at) body.placed_at = new Date().toISOString();

		let validated: ShippoOrderBody;
		try {
			validated = validateOrderBody(body);
		} catch (error) {
			throw new NodeOperationError(this.getNode(), `Invalid order: ${(error as Error).message}`, {
				itemIndex: i,
			});
		}

		const reference =
			referenceValues || mode === 'highLevelOrder' || mode === 'launchMyStoreOrder' ? validated.order_number : undefined;
		const create = async () =>
			await shippoApiRequest<IDataObject>(this, {
				method: 'POST',
				endpoint: '/orders',
				body: validated as unknown as IDataObject,
				itemIndex: i,
			});
		if (!reference) return [{ ...(await create()), created: true }];
		// Look, then create, one execution at a time per reference in this process.
		return await withKeyLock(`shippo-order:${reference}`, async () => {
			const pages = Math.max(1, Math.min(50, Number(options.searchPages ?? 5) || 5));
			const existing = await findOrderByReference.call(this, reference, pages, i);
			if (existing) return [{ ...existing, created: false }];
			return [{ ...(await create()), created: true }];
		});
	});
}
