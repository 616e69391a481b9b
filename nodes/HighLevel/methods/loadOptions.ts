import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { listShippingZones, locationOf } from '../helpers/api';
import { idOf } from '../helpers/utils';

/** Zones of the location for "Only Zone Names or IDs" (GET /store/shipping-zone). */
export async function getShippingZones(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const zones = await listShippingZones(this, await locationOf(this));
	return zones
		.map((zone) => ({ name: String(zone.name ?? idOf(zone)), value: idOf(zone) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
