/**
 * Shipping Zone → Update.
 * Source: PUT /store/shipping-zone/{shippingZoneId} (update-shipping-zone), body
 * UpdateShippingZoneDto `{altId, altType, name?, countries?}`, response `{status, message, data}`.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { altOf, highLevelApiRequest } from '../../../../nodes/shared/highlevel/transport';
import { countriesField, shippingZoneRLC } from '../../descriptions/common.description';
import { zoneEndpoint } from '../../helpers/api';
import {
	fail,
	getLocationId,
	getResourceId,
	parseCountries,
	requireText,
	unwrapData,
} from '../../helpers/utils';

const properties: INodeProperties[] = [
	shippingZoneRLC,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				...countriesField,
				description: 'Replaces the countries (and states) the zone covers',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Name of the shipping zone',
			},
		],
	},
];

const displayOptions = { show: { resource: ['shippingZone'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const zoneId = getResourceId(this, 'shippingZoneId', 'Shipping Zone', itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const changes: IDataObject = {};
	if (fields.name !== undefined) changes.name = requireText(this, itemIndex, 'Name', fields.name);
	if (fields.countries !== undefined) {
		changes.countries = parseCountries(
			this,
			itemIndex,
			fields.countries,
			true,
		) as unknown as IDataObject[];
	}
	if (Object.keys(changes).length === 0) {
		fail(this, itemIndex, 'Update Fields: add at least one field to update');
	}
	const locationId = await getLocationId(this, itemIndex);
	const response = await highLevelApiRequest(this, {
		method: 'PUT',
		endpoint: zoneEndpoint(zoneId),
		body: { ...altOf(locationId), ...changes },
		itemIndex,
	});
	return unwrapData(response);
}
