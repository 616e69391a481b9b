/**
 * Product → Get Many.
 * Source: GET /products/ (operationId `list-invoices`, i.e. list products), query `locationId,
 * limit, offset, search, storeId, includedInStore, availableInStore, sortOrder`, response 200
 * `{products[], total: [{total}]}` (ListProductsResponseDto); paged with `limit`/`offset`. The list
 * leaves out `medias` (GoHighLevel/highlevel-api-docs#111): Get returns them.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { limitField, returnAllField } from '../../descriptions/common.description';
import type { ProductFilters } from '../../helpers/products';
import { listProducts } from '../../helpers/products';
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
				displayName: 'Available In Store',
				name: 'availableInStore',
				type: 'boolean',
				default: true,
				description:
					'Whether to return only products available (true) or not available (false) in the online store',
			},
			{
				displayName: 'Included In Store',
				name: 'includedInStore',
				type: 'boolean',
				default: true,
				description:
					'Whether to return only products included (true) or not included (false) in the store given by Store ID',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: 'e.g. Tee',
				description: 'Text the product name contains',
			},
			{
				displayName: 'Sort Order',
				name: 'sortOrder',
				type: 'options',
				options: [
					{ name: 'Newest First', value: 'desc' },
					{ name: 'Oldest First', value: 'asc' },
				],
				default: 'desc',
				description: 'Order of the products by creation date',
			},
			{
				displayName: 'Store ID',
				name: 'storeId',
				type: 'string',
				default: '',
				description: 'Only products of this store (see Included In Store)',
			},
		],
	},
];

const displayOptions = { show: { resource: ['product'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const query: ProductFilters = {};
	if (typeof filters.search === 'string' && filters.search.trim())
		query.search = filters.search.trim();
	if (typeof filters.storeId === 'string' && filters.storeId.trim()) {
		query.storeId = filters.storeId.trim();
	}
	if (typeof filters.includedInStore === 'boolean') query.includedInStore = filters.includedInStore;
	if (typeof filters.availableInStore === 'boolean')
		query.availableInStore = filters.availableInStore;
	if (filters.sortOrder === 'asc' || filters.sortOrder === 'desc')
		query.sortOrder = filters.sortOrder;
	const locationId = await getLocationId(this, itemIndex);
	return await listProducts(this, locationId, query, {
		max: limit === undefined ? undefined : Math.max(1, limit),
		itemIndex,
	});
}
