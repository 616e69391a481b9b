/**
 * Resource-locator searches (list mode) for carriers, zones, rates and orders.
 * Source: GET /store/shipping-carrier, GET /store/shipping-zone,
 * GET /store/shipping-zone/{shippingZoneId}/shipping-rate (test/standins/specs/highlevel/apps/store.json),
 * GET /payments/orders (test/standins/specs/highlevel/apps/payments.json).
 */
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import {
	listOrders,
	listShippingCarriers,
	listShippingRates,
	listShippingZones,
	locationOf,
} from '../helpers/api';
import { idOf } from '../helpers/utils';

function filterItems(items: INodeListSearchItems[], filter?: string): INodeListSearchResult {
	const needle = String(filter ?? '')
		.trim()
		.toLowerCase();
	const results = needle
		? items.filter(
				(item) =>
					item.name.toLowerCase().includes(needle) || String(item.value).toLowerCase() === needle,
			)
		: items;
	return { results };
}

export async function searchShippingCarriers(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const carriers = await listShippingCarriers(this, await locationOf(this));
	return filterItems(
		carriers.map((carrier) => ({
			name: String(carrier.name ?? idOf(carrier)),
			value: idOf(carrier),
			description: carrier.callbackUrl ? String(carrier.callbackUrl) : undefined,
		})),
		filter,
	);
}

export async function searchShippingZones(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const zones = await listShippingZones(this, await locationOf(this));
	return filterItems(
		zones.map((zone) => ({
			name: String(zone.name ?? idOf(zone)),
			value: idOf(zone),
			description: Array.isArray(zone.countries)
				? (zone.countries as IDataObject[]).map((country) => String(country.code)).join(', ')
				: undefined,
		})),
		filter,
	);
}

export async function searchShippingRates(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const zoneId = String(
		this.getCurrentNodeParameter('shippingZoneId', { extractValue: true }) ?? '',
	).trim();
	if (!zoneId) {
		throw new NodeOperationError(this.getNode(), 'Shipping Zone: choose a zone first');
	}
	const rates = await listShippingRates(this, await locationOf(this), zoneId);
	return filterItems(
		rates.map((rate) => ({
			name: rate.isCarrierRate
				? `${String(rate.name ?? idOf(rate))} (carrier rate)`
				: `${String(rate.name ?? idOf(rate))} (${String(rate.currency ?? '')} ${String(rate.amount ?? '')})`,
			value: idOf(rate),
		})),
		filter,
	);
}

/** The newest orders (HighLevel lists newest first), narrowed by HighLevel's own `search`. */
export async function searchOrders(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const search = String(filter ?? '').trim();
	const orders = await listOrders(this, await locationOf(this), search ? { search } : {}, {
		max: 100,
	});
	return {
		results: orders.map((order) => {
			const who = order.contactName ?? order.contactEmail ?? order.contactId;
			const amount =
				order.amount !== undefined
					? ` ${String(order.currency ?? '')} ${String(order.amount)}`
					: '';
			return {
				name: `${who ? String(who) : idOf(order)}${amount} (${String(order.status ?? 'order')})`,
				value: idOf(order),
				description: order.createdAt ? String(order.createdAt) : undefined,
			};
		}),
	};
}
