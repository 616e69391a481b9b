/**
 * Inventory → Get Many.
 * Source: GET /products/inventory (get-list-inventory), query `altId, altType=location, limit,
 * offset, search`, response 200 `{inventory[{_id (the price id), name, sku, availableQuantity,
 * allowOutOfStockPurchases, product (product id), productName, image, updatedAt}], total:
 * {total}}` (GetInventoryResponseDto); paged with `limit`/`offset`.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { limitField, returnAllField } from '../../descriptions/common.description';
import { listInventory } from '../../helpers/products';
import { getLocationId } from '../../helpers/utils';

const properties: INodeProperties[] = [
	returnAllField,
	limitField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: 'e.g. Tee',
				description: 'Text to look for in the variants (names, SKUs)',
			},
		],
	},
];

const displayOptions = { show: { resource: ['inventory'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const search = typeof filters.search === 'string' ? filters.search.trim() : '';
	const locationId = await getLocationId(this, itemIndex);
	return await listInventory(this, locationId, {
		search: search || undefined,
		max: limit === undefined ? undefined : Math.max(1, limit),
		itemIndex,
	});
}
