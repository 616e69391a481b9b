/**
 * Price → Get.
 * Source: GET /products/{productId}/price/{priceId} (get-price-by-id-for-product), query
 * `locationId`, response 200 the price (GetPriceResponseDto: `_id, product, name, type, currency,
 * amount (major units), variantOptionIds, sku, trackInventory, availableQuantity,
 * allowOutOfStockPurchases, compareAtPrice, shippingOptions, …`).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { priceRLC, productRLC } from '../../descriptions/products.description';
import { getPrice } from '../../helpers/products';
import { getLocationId, getResourceId } from '../../helpers/utils';

const properties: INodeProperties[] = [productRLC, priceRLC];

const displayOptions = { show: { resource: ['price'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const productId = getResourceId(this, 'productId', 'Product', itemIndex);
	const priceId = getResourceId(this, 'priceId', 'Price', itemIndex);
	const locationId = await getLocationId(this, itemIndex);
	return await getPrice(this, locationId, productId, priceId, itemIndex);
}
