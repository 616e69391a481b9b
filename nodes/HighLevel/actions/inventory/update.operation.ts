/**
 * Inventory → Update (bulk).
 * Source: POST /products/inventory (update-inventory), body UpdateInventoryDto `{altId, altType:
 * "location", items[{priceId, availableQuantity?, allowOutOfStockPurchases?}]}`, response **201**
 * `{status, message}` (UpdateInventoryResponseDto). Quantities are whole units. One request for all
 * the rows of an input item.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { altOf, highLevelApiRequest } from '../../../../nodes/shared/highlevel/transport';
import { INVENTORY_ENDPOINT, parseQuantity } from '../../helpers/products';
import { asList, fail, getLocationId } from '../../helpers/utils';

export interface InventoryUpdate {
	priceId: string;
	availableQuantity?: number;
	allowOutOfStockPurchases?: boolean;
}

const properties: INodeProperties[] = [
	{
		displayName: 'Items',
		name: 'items',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Item',
		default: {},
		required: true,
		description: 'Stock of each price (variant) to set',
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
						placeholder: 'e.g. 6241712be68f7a98102ba272',
						description: 'ID of the price (variant); the _id of an inventory item',
					},
					{
						displayName: 'Available Quantity',
						name: 'availableQuantity',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 0,
						description: 'Units in stock',
					},
					{
						displayName: 'Out-of-Stock Purchases',
						name: 'allowOutOfStockPurchases',
						type: 'options',
						options: [
							{ name: 'Allow', value: 'allow' },
							{ name: 'Do Not Allow', value: 'deny' },
							{ name: 'Leave Unchanged', value: 'unchanged' },
						],
						default: 'unchanged',
						description: 'Whether buyers can still order at 0 units',
					},
				],
			},
		],
	},
];

const displayOptions = { show: { resource: ['inventory'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, properties);

const text = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';

/**
 * `{item: [{priceId, availableQuantity, allowOutOfStockPurchases}]}` (fixed collection) or
 * `[{priceId, availableQuantity?, allowOutOfStockPurchases? (boolean)}]` (expression) → items.
 */
export function parseInventoryItems(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
): InventoryUpdate[] {
	const items: InventoryUpdate[] = [];
	asList(value, 'item').forEach((row, index) => {
		const priceId = text(row.priceId);
		if (!priceId) fail(ctx, itemIndex, `Items: item ${index + 1} needs a Price ID`);
		const item: InventoryUpdate = { priceId };
		if (row.availableQuantity !== undefined && text(row.availableQuantity) !== '') {
			item.availableQuantity = parseQuantity(
				ctx,
				itemIndex,
				`Items: item ${index + 1} (price ${priceId}) availableQuantity`,
				row.availableQuantity,
			);
		}
		const allow = row.allowOutOfStockPurchases;
		if (allow === true || allow === 'allow') item.allowOutOfStockPurchases = true;
		else if (allow === false || allow === 'deny') item.allowOutOfStockPurchases = false;
		if (item.availableQuantity === undefined && item.allowOutOfStockPurchases === undefined) {
			fail(
				ctx,
				itemIndex,
				`Items: item ${index + 1} (price ${priceId}) sets nothing: give an available quantity or out-of-stock purchases`,
			);
		}
		items.push(item);
	});
	if (items.length === 0) fail(ctx, itemIndex, 'Items: add at least one item');
	return items;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const items = parseInventoryItems(this, itemIndex, this.getNodeParameter('items', itemIndex, {}));
	const locationId = await getLocationId(this, itemIndex);
	const response = await highLevelApiRequest<IDataObject>(this, {
		method: 'POST',
		endpoint: INVENTORY_ENDPOINT,
		body: { ...altOf(locationId), items: items as unknown as IDataObject[] },
		itemIndex,
	});
	return { ...response, items: items as unknown as IDataObject[] };
}
