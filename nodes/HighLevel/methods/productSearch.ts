/**
 * Resource-locator searches (list mode) for products and their prices.
 * Source: GET /products/ (list-invoices = list products, query `search` on the name) and
 * GET /products/{productId}/price (list-prices-for-product), test/standins/specs/highlevel/apps/products.json.
 */
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { locationOf } from '../helpers/api';
import { listPrices, listProducts } from '../helpers/products';
import { idOf } from '../helpers/utils';

/** The location's products (up to 100), narrowed by HighLevel's own name search. */
export async function searchProducts(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const search = String(filter ?? '').trim();
	const products = await listProducts(this, await locationOf(this), search ? { search } : {}, {
		max: 100,
	});
	return {
		results: products.map((product) => ({
			name: String(product.name ?? idOf(product)),
			value: idOf(product),
			description: product.productType ? String(product.productType) : undefined,
		})),
	};
}

/** The prices of the selected product: "Red / M (USD 19.99, SKU TEE-RED-M)". */
export async function searchPrices(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const productId = String(
		this.getCurrentNodeParameter('productId', { extractValue: true }) ?? '',
	).trim();
	if (!productId) throw new NodeOperationError(this.getNode(), 'Product: choose a product first');
	const prices = await listPrices(this, await locationOf(this), productId);
	const needle = String(filter ?? '')
		.trim()
		.toLowerCase();
	const results = prices.map((price) => {
		const sku = price.sku ? `, SKU ${String(price.sku)}` : '';
		return {
			name: `${String(price.name ?? idOf(price))} (${String(price.currency ?? '')} ${String(price.amount ?? '')}${sku})`,
			value: idOf(price),
		};
	});
	return {
		results: needle
			? results.filter(
					(item) => item.name.toLowerCase().includes(needle) || item.value.toLowerCase() === needle,
				)
			: results,
	};
}
