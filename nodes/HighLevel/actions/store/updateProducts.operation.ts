/**
 * Store → Include or Exclude Products.
 * Source: POST /products/store/{storeId} (update-store-status), body UpdateProductStoreDto
 * `{altId, altType: "location", action: include|exclude, productIds[]}`, response **201**
 * `{status, message}` (UpdateProductStoreResponseDto).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { altOf, highLevelApiRequest } from '../../../../nodes/shared/highlevel/transport';
import { parseIdList, storeEndpoint } from '../../helpers/products';
import { fail, getLocationId, requireText } from '../../helpers/utils';

const properties: INodeProperties[] = [
	{
		displayName: 'Store ID',
		name: 'storeId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 3SwdhCu3svxI8AKsPJt6',
		description: 'ID of the online store',
	},
	{
		displayName: 'Action',
		name: 'storeAction',
		type: 'options',
		options: [
			{ name: 'Include', value: 'include', description: 'Show the products in the store' },
			{ name: 'Exclude', value: 'exclude', description: 'Hide the products from the store' },
		],
		default: 'include',
	},
	{
		displayName: 'Product IDs',
		name: 'productIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 655b33a82209e60b6adb87a5, 655b33a82209e60b6adb87a6',
		description: 'Comma-separated IDs of the products (or an array from an expression)',
	},
];

const displayOptions = { show: { resource: ['store'], operation: ['updateProducts'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const storeId = requireText(
		this,
		itemIndex,
		'Store ID',
		this.getNodeParameter('storeId', itemIndex, ''),
	);
	const action = this.getNodeParameter('storeAction', itemIndex, 'include') as string;
	if (action !== 'include' && action !== 'exclude') {
		fail(this, itemIndex, `Action: "${action}" is not include or exclude`);
	}
	const productIds = parseIdList(this.getNodeParameter('productIds', itemIndex, ''));
	if (productIds.length === 0) {
		fail(this, itemIndex, 'Product IDs: enter at least one product ID');
	}
	const locationId = await getLocationId(this, itemIndex);
	const response = await highLevelApiRequest<IDataObject>(this, {
		method: 'POST',
		endpoint: storeEndpoint(storeId),
		body: { ...altOf(locationId), action, productIds },
		itemIndex,
	});
	return { ...response, storeId, action, productIds };
}
