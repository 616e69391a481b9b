/**
 * Product → Delete.
 * Source: DELETE /products/{productId} (delete-product-by-id), query `locationId`, response 200
 * `{status: true}` (DeleteProductResponseDto). The product's prices go with it.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { highLevelApiRequest } from '../../../../nodes/shared/highlevel/transport';
import { productRLC } from '../../descriptions/products.description';
import { productEndpoint } from '../../helpers/products';
import { getLocationId, getResourceId } from '../../helpers/utils';

const properties: INodeProperties[] = [productRLC];

const displayOptions = { show: { resource: ['product'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const productId = getResourceId(this, 'productId', 'Product', itemIndex);
	const locationId = await getLocationId(this, itemIndex);
	await highLevelApiRequest(this, {
		method: 'DELETE',
		endpoint: productEndpoint(productId),
		qs: { locationId },
		itemIndex,
	});
	return { deleted: true, productId };
}
