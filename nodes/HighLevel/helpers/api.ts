/**
 * Lists used by several operations and by the resource-locator searches.
 * Source: test/standins/specs/highlevel/apps/store.json and payments.json (orders, fulfillments).
 */
import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';
import type { HighLevelContext } from '../../../nodes/shared/highlevel/transport';
import {
	HIGHLEVEL_PAGE_SIZE,
	altOf,
	highLevelApiRequest,
	highLevelApiRequestAllItems,
	resolveLocationId,
} from '../../../nodes/shared/highlevel/transport';
import { idOf, unwrapList } from './utils';

export const CARRIERS_ENDPOINT = '/store/shipping-carrier';
export const ZONES_ENDPOINT = '/store/shipping-zone';

export const carrierEndpoint = (carrierId: string) =>
	`${CARRIERS_ENDPOINT}/${encodeURIComponent(carrierId)}`;
export const zoneEndpoint = (zoneId: string) => `${ZONES_ENDPOINT}/${encodeURIComponent(zoneId)}`;
export const ratesEndpoint = (zoneId: string) => `${zoneEndpoint(zoneId)}/shipping-rate`;
export const rateEndpoint = (zoneId: string, rateId: string) =>
	`${ratesEndpoint(zoneId)}/${encodeURIComponent(rateId)}`;

/** The location for list searches and load options: the node's "Location ID", else the credential's. */
export async function locationOf(ctx: ILoadOptionsFunctions): Promise<string> {
	const explicit = ctx.getCurrentNodeParameter('locationId');
	// An expression that could not be resolved here (e.g. from input data) falls back to the credential.
	const usable = typeof explicit === 'string' && !explicit.startsWith('=') ? explicit : '';
	return await resolveLocationId(ctx, usable);
}

/**
 * GET /store/shipping-carrier (list-shipping-carriers): every carrier of the location.
 * The API has no paging; the response is `{status, message, data[]}`.
 */
export async function listShippingCarriers(
	ctx: HighLevelContext,
	locationId: string,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const response = await highLevelApiRequest(ctx, {
		method: 'GET',
		endpoint: CARRIERS_ENDPOINT,
		qs: altOf(locationId),
		itemIndex,
	});
	return unwrapList(response);
}

/** GET /store/shipping-zone (list-shipping-zones): offset-paged `{total, data[]}`. */
export async function listShippingZones(
	ctx: HighLevelContext,
	locationId: string,
	options: { withShippingRate?: boolean; max?: number; itemIndex?: number } = {},
): Promise<IDataObject[]> {
	const qs: IDataObject = { ...altOf(locationId) };
	if (options.withShippingRate) qs.withShippingRate = true;
	return await highLevelApiRequestAllItems(
		ctx,
		{ method: 'GET', endpoint: ZONES_ENDPOINT, qs, itemIndex: options.itemIndex },
		{ max: options.max },
	);
}

/** GET /store/shipping-zone/{shippingZoneId}/shipping-rate (list-shipping-rates): `{total, data[]}`. */
export async function listShippingRates(
	ctx: HighLevelContext,
	locationId: string,
	zoneId: string,
	options: { max?: number; itemIndex?: number } = {},
): Promise<IDataObject[]> {
	return await highLevelApiRequestAllItems(
		ctx,
		{
			method: 'GET',
			endpoint: ratesEndpoint(zoneId),
			qs: altOf(locationId),
			itemIndex: options.itemIndex,
		},
		{ max: options.max },
	);
}

/**
 * Every zone of the location with its rates. Rates come from `withShippingRate=true`; a zone
 * whose `shippingRates` is missing from that answer gets its rates listed separately.
 */
export async function listZonesWithRates(
	ctx: HighLevelContext,
	locationId: string,
	itemIndex?: number,
): Promise<Array<{ zone: IDataObject; rates: IDataObject[] }>> {
	const zones = await listShippingZones(ctx, locationId, { withShippingRate: true, itemIndex });
	const result: Array<{ zone: IDataObject; rates: IDataObject[] }> = [];
	for (const zone of zones) {
		const rates = Array.isArray(zone.shippingRates)
			? (zone.shippingRates as IDataObject[])
			: await listShippingRates(ctx, locationId, idOf(zone), { itemIndex });
		result.push({ zone, rates });
	}
	return result;
}

// ---- Orders and fulfillments (test/standins/specs/highlevel/apps/payments.json) ------------------

export const ORDERS_ENDPOINT = '/payments/orders';
export const orderEndpoint = (orderId: string) =>
	`${ORDERS_ENDPOINT}/${encodeURIComponent(orderId)}`;
export const fulfillmentsEndpoint = (orderId: string) => `${orderEndpoint(orderId)}/fulfillments`;

/**
 * Query identifying the location for the order endpoints: `altId` is required, `locationId`
 * optional and `altType` undeclared (issue #180), so all three are sent (highlevel.md §2).
 */
export const orderLocationQs = (locationId: string): IDataObject => ({
	...altOf(locationId),
	locationId,
});

/**
 * GET /payments/orders (list-orders): offset-paged `{data[], totalCount}` (server default page 10).
 * Stops on an empty page, when `totalCount` is reached (a short page when it is absent), or after
 * `max` orders.
 */
export async function listOrders(
	ctx: HighLevelContext,
	locationId: string,
	filters: IDataObject,
	options: { max?: number; itemIndex?: number } = {},
): Promise<IDataObject[]> {
	const max = options.max !== undefined && options.max > 0 ? options.max : undefined;
	const pageSize = Math.min(HIGHLEVEL_PAGE_SIZE, max ?? Infinity);
	const orders: IDataObject[] = [];
	let offset = 0;
	for (;;) {
		const response = await highLevelApiRequest<IDataObject>(ctx, {
			method: 'GET',
			endpoint: ORDERS_ENDPOINT,
			qs: { ...orderLocationQs(locationId), ...filters, limit: pageSize, offset },
			itemIndex: options.itemIndex,
		});
		const page = unwrapList(response);
		orders.push(...page);
		offset += page.length;
		const total = typeof response?.totalCount === 'number' ? response.totalCount : undefined;
		if (page.length === 0 || page.length > pageSize) break;
		if (max !== undefined && orders.length >= max) break;
		if (total !== undefined ? offset >= total : page.length < pageSize) break;
	}
	return max !== undefined ? orders.slice(0, max) : orders;
}

/** GET /payments/orders/{orderId} (get-order-by-id): the order itself (GetOrderResponseSchema). */
export async function getOrder(
	ctx: HighLevelContext,
	locationId: string,
	orderId: string,
	itemIndex?: number,
): Promise<IDataObject> {
	return await highLevelApiRequest<IDataObject>(ctx, {
		method: 'GET',
		endpoint: orderEndpoint(orderId),
		qs: orderLocationQs(locationId),
		itemIndex,
	});
}

/** GET /payments/orders/{orderId}/fulfillments (list-order-fulfillment): `{status, data[]}`, no paging. */
export async function listFulfillments(
	ctx: HighLevelContext,
	locationId: string,
	orderId: string,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const response = await highLevelApiRequest<IDataObject>(ctx, {
		method: 'GET',
		endpoint: fulfillmentsEndpoint(orderId),
		qs: altOf(locationId),
		itemIndex,
	});
	return unwrapList(response);
}
