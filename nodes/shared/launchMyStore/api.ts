/**
 * The LaunchMyStore REST calls the nodes make, on top of transport.ts.
 *
 * - Get Order: `GET /api/v1/orders/{id}.json` → `{success, data: order}`
 *   (https://docs.launchmystore.io/api-reference/orders/get).
 * - List Orders: `GET /api/v1/orders?page&limit` (no `.json`, as the List Orders page writes it;
 *   page from 1, limit default 50, max 250) →
 *   `{success, data: {items, pagination: {page, limit, total, hasMore}}}`
 *   (https://docs.launchmystore.io/api-reference/orders/list).
 * - List Fulfillments: `GET /api/v1/orders/{id}/fulfillments.json` → `{success, data:
 *   {fulfillments}}` (https://docs.launchmystore.io/api-reference/fulfillments/list).
 * - Create Fulfillment: `POST /api/v1/orders/{id}/fulfillments.json` → 201 `{success, data:
 *   fulfillment}` (https://docs.launchmystore.io/api-reference/fulfillments/create).
 */
import type { IDataObject } from 'n8n-workflow';
import {
	fulfillmentOfAnswer,
	fulfillmentsOfAnswer,
	fulfillmentsPath,
	type LaunchMyStoreLineItem,
	orderPath,
	ORDERS_PATH,
} from './orders';
import { type LaunchMyStoreContext, launchMyStoreRequest } from './transport';

/** Largest page LaunchMyStore serves for orders. */
export const ORDERS_MAX_PAGE_SIZE = 250;

/** Pages read at most by one Get Many (250,000 orders), a guard against a server that never ends. */
const MAX_ORDER_PAGES = 1000;

const asObject = (value: unknown): IDataObject | undefined =>
	typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as IDataObject) : undefined;

/** One order (`data`, or `data.order` when the answer nests it). */
export async function getLaunchMyStoreOrder(
	ctx: LaunchMyStoreContext,
	orderId: string,
	itemIndex?: number,
): Promise<IDataObject> {
	const data = asObject(await launchMyStoreRequest<unknown>(ctx, 'GET', orderPath(orderId), {}, itemIndex)) ?? {};
	const nested = asObject(data.order);
	return nested && data.id === undefined ? nested : data;
}

/** Every fulfillment of an order (the list is not paged). */
export async function listLaunchMyStoreFulfillments(
	ctx: LaunchMyStoreContext,
	orderId: string,
	itemIndex?: number,
): Promise<IDataObject[]> {
	return fulfillmentsOfAnswer(await launchMyStoreRequest<unknown>(ctx, 'GET', fulfillmentsPath(orderId), {}, itemIndex));
}

/** The body of Create Fulfillment; optional fields are left out when empty. */
export interface LaunchMyStoreFulfillmentRequest {
	line_items: LaunchMyStoreLineItem[];
	tracking_number?: string;
	tracking_url?: string;
	tracking_company?: string;
	notify_customer: boolean;
	status?: string;
}

/** Creates one fulfillment (one package) and returns it. */
export async function createLaunchMyStoreFulfillment(
	ctx: LaunchMyStoreContext,
	orderId: string,
	body: LaunchMyStoreFulfillmentRequest,
	itemIndex?: number,
): Promise<IDataObject> {
	const data = await launchMyStoreRequest<unknown>(
		ctx,
		'POST',
		fulfillmentsPath(orderId),
		{ body: body as unknown as IDataObject },
		itemIndex,
	);
	return fulfillmentOfAnswer(data);
}

/** One page of orders: the orders and whether another page follows. */
export async function listLaunchMyStoreOrdersPage(
	ctx: LaunchMyStoreContext,
	page: number,
	limit: number,
	filters: IDataObject = {},
	itemIndex?: number,
): Promise<{ orders: IDataObject[]; hasMore: boolean }> {
	const data = await launchMyStoreRequest<unknown>(ctx, 'GET', ORDERS_PATH, { qs: { ...filters, page, limit } }, itemIndex);
	const object = asObject(data) ?? {};
	const list = Array.isArray(data) ? data : (object.items ?? object.orders ?? []);
	const orders = (Array.isArray(list) ? list : []).map(asObject).filter((o): o is IDataObject => o !== undefined);
	const pagination = asObject(object.pagination) ?? {};
	const hasMore =
		typeof pagination.hasMore === 'boolean'
			? pagination.hasMore && orders.length > 0
			: orders.length >= limit && orders.length > 0;
	return { orders, hasMore };
}

/**
 * Orders page by page until `max` (undefined: all) or the last page. Stops on an empty page, on
 * `hasMore: false`, on a page shorter than asked when the answer has no pagination, on a page
 * longer than asked, and after 1000 pages.
 */
export async function listLaunchMyStoreOrders(
	ctx: LaunchMyStoreContext,
	max: number | undefined,
	filters: IDataObject = {},
	itemIndex?: number,
): Promise<IDataObject[]> {
	const limit = Math.max(1, Math.min(ORDERS_MAX_PAGE_SIZE, max ?? ORDERS_MAX_PAGE_SIZE));
	const orders: IDataObject[] = [];
	for (let page = 1; page <= MAX_ORDER_PAGES; page++) {
		const result = await listLaunchMyStoreOrdersPage(ctx, page, limit, filters, itemIndex);
		orders.push(...result.orders);
		// A page longer than asked means the server ignored `limit`: stop rather than loop.
		if (!result.hasMore || result.orders.length > limit) break;
		if (max !== undefined && orders.length >= max) break;
	}
	return max !== undefined ? orders.slice(0, max) : orders;
}
