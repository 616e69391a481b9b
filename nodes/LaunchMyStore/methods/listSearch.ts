/**
 * Searchable list for the Order ID locator: the shop's orders, 50 per page (`page` from 1), as
 * "#<order_number> — <email> — <created date>", filtered here by the typed text.
 * Source: GET /api/v1/orders (https://docs.launchmystore.io/api-reference/orders/list).
 */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';
import { listLaunchMyStoreOrdersPage } from '../../../nodes/shared/launchMyStore/api';

const ORDERS_PER_PAGE = 50;

const text = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';

/** How an order is shown in the list. */
export function orderLabel(order: IDataObject): string {
	const number = text(order.order_number ?? order.name ?? order.invoiceId);
	const created = text(order.created_at ?? order.createdAt).slice(0, 10);
	return [number ? `#${number}` : text(order.id), text(order.email), created].filter(Boolean).join(' — ');
}

export async function searchOrders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken) > 0 ? Number(paginationToken) : 1;
	const { orders, hasMore } = await listLaunchMyStoreOrdersPage(this, page, ORDERS_PER_PAGE);
	const needle = (filter ?? '').trim().toLowerCase();
	const results: INodeListSearchItems[] = orders
		.filter((order) => text(order.id) !== '')
		.map((order) => ({ name: orderLabel(order), value: text(order.id) }))
		.filter((entry) => !needle || `${entry.name} ${entry.value}`.toLowerCase().includes(needle));
	return { results, paginationToken: hasMore ? String(page + 1) : undefined };
}
