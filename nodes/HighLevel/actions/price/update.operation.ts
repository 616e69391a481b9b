/**
 * Price → Update.
 * Source: PUT /products/{productId}/price/{priceId} (update-price-by-id-for-product), body
 * UpdatePriceDto (the fields of CreatePriceDto; `name, type, currency, amount, locationId`
 * required), response 200 the price. Because of the required fields the price is read first
 * (GET …/price/{priceId}) and its fields are sent back with the changes; `meta` is never sent.
 * Amounts are decimals in major units.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { highLevelApiRequest } from '../../../../nodes/shared/highlevel/transport';
import { priceOptionalFields, priceRLC, productRLC } from '../../descriptions/products.description';
import {
	getPrice,
	parseAmount,
	parsePriceExtras,
	priceBodyOf,
	priceEndpoint,
} from '../../helpers/products';
import {
	fail,
	getLocationId,
	getResourceId,
	parseCurrency,
	requireText,
} from '../../helpers/utils';
import { amountField, priceCurrencyField } from './create.operation';

const properties: INodeProperties[] = [
	productRLC,
	priceRLC,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		// alphabetical, as n8n lists them
		options: [
			...priceOptionalFields.slice(0, 1), // Allow Out-of-Stock Purchases
			amountField,
			...priceOptionalFields.slice(1, 3), // Available Quantity, Compare At Price
			priceCurrencyField,
			...priceOptionalFields.slice(3, 5), // Description, Dimensions
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Name of the price',
			},
			...priceOptionalFields.slice(5), // SKU, Track Inventory, Variant Option IDs, Weight
		],
	},
];

const displayOptions = { show: { resource: ['price'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const productId = getResourceId(this, 'productId', 'Product', itemIndex);
	const priceId = getResourceId(this, 'priceId', 'Price', itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	if (Object.keys(fields).length === 0) {
		fail(this, itemIndex, 'Update Fields: add at least one field to update');
	}
	const locationId = await getLocationId(this, itemIndex);
	const current = await getPrice(this, locationId, productId, priceId, itemIndex);
	const changes: IDataObject = parsePriceExtras(this, itemIndex, fields, current);
	if (fields.name !== undefined) changes.name = requireText(this, itemIndex, 'Name', fields.name);
	if (fields.currency !== undefined)
		changes.currency = parseCurrency(this, itemIndex, fields.currency);
	if (fields.amount !== undefined) {
		changes.amount = parseAmount(
			this,
			itemIndex,
			'Amount',
			fields.amount,
			'price in major units, e.g. 19.99',
		);
	}
	const body: IDataObject = {
		type: 'one_time',
		...priceBodyOf(current),
		...changes,
		locationId,
	};
	return await highLevelApiRequest<IDataObject>(this, {
		method: 'PUT',
		endpoint: priceEndpoint(productId, priceId),
		body,
		itemIndex,
	});
}
