/**
 * Price → Get Many.
 * Source: GET /products/{productId}/price (list-prices-for-product), query `locationId, limit,
 * offset, ids` (comma-separated price ids), response 200 `{prices[], total}`
 * (ListPricesResponseDto); paged with `limit`/`offset`.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { limitField, returnAllField } from '../../descriptions/common.description';
import { productRLC } from '../../descriptions/products.description';
import { listPrices, parseIdList } from '../../helpers/products';
import { getLocationId, getResourceId } from '../../helpers/utils';

const properties: INodeProperties[] = [
	productRLC,
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
				displayName: 'Price IDs',
				name: 'ids',
				type: 'string',
				default: '',
				placeholder: 'e.g. 6241712be68f7a98102ba272, 632027d51f7876cd3020213d',
				description: 'Comma-separated IDs of the prices to return',
			},
		],
	},
];

const displayOptions = { show: { resource: ['price'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const productId = getResourceId(this, 'productId', 'Product', itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const locationId = await getLocationId(this, itemIndex);
	return await listPrices(this, locationId, productId, {
		ids: parseIdList(filters.ids),
		max: limit === undefined ? undefined : Math.max(1, limit),
		itemIndex,
	});
}
