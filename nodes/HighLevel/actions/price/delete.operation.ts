/**
 * Price → Delete.
 * Source: DELETE /products/{productId}/price/{priceId} (delete-price-by-id-for-product), query
 * `locationId`, response 200 `{status: true}` (DeletePriceResponseDto).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { highLevelApiRequest } from '../../../../nodes/shared/highlevel/transport';
import { priceRLC, productRLC } from '../../descriptions/products.description';
import { priceEndpoint } from '../../helpers/products';
import { getLocationId, getResourceId } from '../../helpers/utils';

const properties: INodeProperties[] = [productRLC, priceRLC];

const displayOptions = { show: { resource: ['price'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const productId = getResourceId(this, 'productId', 'Product', itemIndex);
	const priceId = getResourceId(this, 'priceId', 'Price', itemIndex);
	const locationId = await getLocationId(this, itemIndex);
	await highLevelApiRequest(this, {
		method: 'DELETE',
		endpoint: priceEndpoint(productId, priceId),
		qs: { locationId },
		itemIndex,
	});
	return { deleted: true, productId, priceId };
}
