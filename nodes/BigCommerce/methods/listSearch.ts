/**
 * Resource-locator searches (list mode) for zones and the methods of the chosen zone.
 * Source: GET /stores/{store_hash}/v2/shipping/zones and …/zones/{zone_id}/methods
 * (test/standins/specs/bigcommerce/openapi.yaml).
 */
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { listMethods, listZones } from '../actions/api';

function filterItems(items: INodeListSearchItems[], filter?: string): INodeListSearchResult {
	const needle = String(filter ?? '')
		.trim()
		.toLowerCase();
	const results = needle
		? items.filter(
				(item) => item.name.toLowerCase().includes(needle) || String(item.value) === needle,
			)
		: items;
	return { results };
}

/** "country: US, CA" style summary of a zone's locations. */
function zoneSummary(zone: IDataObject): string {
	const locations = Array.isArray(zone.locations) ? (zone.locations as IDataObject[]) : [];
	const codes = locations
		.map((location) =>
			[location.country_iso2, location.state_iso2, location.zip].filter(Boolean).join(' '),
		)
		.filter(Boolean);
	return codes.length ? `${String(zone.type)}: ${codes.join(', ')}` : String(zone.type ?? '');
}

export async function searchShippingZones(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const zones = await listZones(this);
	return filterItems(
		zones.map((zone) => ({
			name: String(zone.name ?? zone.id),
			value: String(zone.id),
			description: zoneSummary(zone),
		})),
		filter,
	);
}

export async function searchShippingMethods(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const zoneId = String(
		this.getCurrentNodeParameter('zoneId', { extractValue: true }) ?? '',
	).trim();
	if (!/^\d+$/.test(zoneId))
		throw new NodeOperationError(this.getNode(), 'Shipping Zone: choose a zone first');
	const methods = await listMethods(this, zoneId);
	return filterItems(
		methods.map((method) => ({
			name: `${String(method.name ?? method.id)} (${String(method.type ?? '')})`,
			value: String(method.id),
		})),
		filter,
	);
}
