/**
 * Searchable lists for resource locators.
 * - searchUserParcelTemplates: `GET /user-parcel-templates` (`ListUserParcelTemplates`, not paged),
 *   filtered by name here.
 * - searchShipments: `GET /shipments` (`ListShipments`), newest first, paged with `page`.
 */
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { shippoApiRequest } from '../../../nodes/shared/shippo/transport';

const SHIPMENTS_PER_PAGE = 25;

export async function searchUserParcelTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const response = await shippoApiRequest<{ results?: IDataObject[] }>(this, {
		method: 'GET',
		endpoint: '/user-parcel-templates',
	});
	const needle = (filter ?? '').trim().toLowerCase();
	const results: INodeListSearchItems[] = (response.results ?? [])
		.filter((template) => typeof template.object_id === 'string')
		.map((template) => {
			const size =
				template.length && template.width && template.height
					? ` — ${String(template.length)}×${String(template.width)}×${String(template.height)} ${String(template.distance_unit ?? '')}`.trimEnd()
					: '';
			return {
				name: `${String(template.name ?? template.object_id)}${size}`,
				value: template.object_id as string,
			};
		})
		.filter((entry) => !needle || entry.name.toLowerCase().includes(needle));
	return { results };
}

export async function searchShipments(
	this: ILoadOptionsFunctions,
	_filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken) > 0 ? Number(paginationToken) : 1;
	const response = await shippoApiRequest<{ results?: IDataObject[]; next?: string | null }>(this, {
		method: 'GET',
		endpoint: '/shipments',
		qs: { page, results: SHIPMENTS_PER_PAGE },
	});
	const results: INodeListSearchItems[] = (response.results ?? [])
		.filter((shipment) => typeof shipment.object_id === 'string')
		.map((shipment) => {
			const to = (shipment.address_to ?? {}) as IDataObject;
			const where = [to.name, to.city, to.country].filter(Boolean).map(String).join(', ');
			const created = shipment.object_created ? String(shipment.object_created).slice(0, 10) : '';
			return {
				name: [created, where || (shipment.object_id as string)].filter(Boolean).join(' — '),
				value: shipment.object_id as string,
			};
		});
	return { results, paginationToken: response.next ? String(page + 1) : undefined };
}
