/**
 * Price → Create.
 * Source: POST /products/{productId}/price (create-price-for-product), body CreatePriceDto
 * `{name, type one_time|recurring, currency, amount, locationId, recurring?{interval,
 * intervalCount}, compareAtPrice?, sku?, variantOptionIds?[], trackInventory?, availableQuantity?,
 * allowOutOfStockPurchases?, description?, shippingOptions?{weight{value, unit kg|lb|g|oz},
 * dimensions{height, width, length, unit cm|in|m}}}`, response **201** the price
 * (CreatePriceResponseDto, no envelope). `amount` and `compareAtPrice` are decimals in major units
 * of `currency` (e.g. 19.99). `meta` is never sent: its `source`, `stripePriceId` and
 * `internalSource` would all be required (highlevel.md §4.8).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { highLevelApiRequest } from '../../../../nodes/shared/highlevel/transport';
import {
	priceOptionalFields,
	priceTypeField,
	productRLC,
	recurringIntervalCountField,
	recurringIntervalField,
} from '../../descriptions/products.description';
import {
	parseAmount,
	parsePriceExtras,
	parseRecurring,
	pricesEndpoint,
} from '../../helpers/products';
import { getLocationId, getResourceId, parseCurrency, requireText } from '../../helpers/utils';

export const amountField: INodeProperties = {
	displayName: 'Amount',
	name: 'amount',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 2 },
	default: 0,
	description: 'Price in major units of the currency, e.g. 19.99',
};

export const priceCurrencyField: INodeProperties = {
	displayName: 'Currency',
	name: 'currency',
	type: 'string',
	default: 'USD',
	placeholder: 'e.g. USD',
	description: "ISO 4217 code of the amount, normally the location's currency",
};

const recurringOnly = { show: { type: ['recurring'] } };

const properties: INodeProperties[] = [
	productRLC,
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Red / M',
		description: 'Name of the price (for a variant: its option values, e.g. Red / M)',
	},
	priceTypeField,
	{ ...recurringIntervalField, displayOptions: recurringOnly },
	{ ...recurringIntervalCountField, displayOptions: recurringOnly },
	{ ...priceCurrencyField, required: true },
	{ ...amountField, required: true },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: priceOptionalFields,
	},
];

const displayOptions = { show: { resource: ['price'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const productId = getResourceId(this, 'productId', 'Product', itemIndex);
	const name = requireText(this, itemIndex, 'Name', this.getNodeParameter('name', itemIndex, ''));
	const type = this.getNodeParameter('type', itemIndex, 'one_time') as string;
	const currency = parseCurrency(this, itemIndex, this.getNodeParameter('currency', itemIndex, ''));
	const amount = parseAmount(
		this,
		itemIndex,
		'Amount',
		this.getNodeParameter('amount', itemIndex, ''),
		'price in major units, e.g. 19.99',
	);
	const extras = parsePriceExtras(
		this,
		itemIndex,
		this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject,
	);
	const body: IDataObject = { name, type, currency, amount, ...extras };
	if (type === 'recurring') {
		body.recurring = parseRecurring(
			this,
			itemIndex,
			this.getNodeParameter('recurringInterval', itemIndex, 'month'),
			this.getNodeParameter('recurringIntervalCount', itemIndex, 1),
		);
	}
	const locationId = await getLocationId(this, itemIndex);
	return await highLevelApiRequest<IDataObject>(this, {
		method: 'POST',
		endpoint: pricesEndpoint(productId),
		body: { ...body, locationId },
		itemIndex,
	});
}
