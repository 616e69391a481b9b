/**
 * Product → Get.
 * Source: GET /products/{productId} (get-product-by-id), query `locationId`, response 200 the
 * product (GetProductResponseDto: `_id, name, productType, description, image, variants[{id, name,
 * options[{id, name}]}], medias, availableInStore, …`); an unknown id answers 400 "Product not found".
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { productRLC } from '../../descriptions/products.description';
import { getProduct } from '../../helpers/products';
import { getLocationId, getResourceId } from '../../helpers/utils';

const properties: INodeProperties[] = [productRLC];

const displayOptions = { show: { resource: ['product'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const productId = getResourceId(this, 'productId', 'Product', itemIndex);
	const locationId = await getLocationId(this, itemIndex);
	return await getProduct(this, locationId, productId, itemIndex);
}
