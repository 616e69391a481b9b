/**
 * Shipping Zone → Create.
 * Source: POST /store/shipping-zone (create-shipping-zone), body CreateShippingZoneDto
 * `{altId, altType, name, countries[{code, states[{code}]}]}`, response 201 `{status, message,
 * data: ShippingZoneSchema}`. The spec types `countries[].code` as a number with a nested enum of
 * ISO-2 strings (spec bug, docs/reference/highlevel.md §4.2): ISO-2 strings are sent.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { altOf, highLevelApiRequest } from '../../../../nodes/shared/highlevel/transport';
import { countriesField } from '../../descriptions/common.description';
import { ZONES_ENDPOINT } from '../../helpers/api';
import { getLocationId, parseCountries, requireText, unwrapData } from '../../helpers/utils';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Domestic',
		description: 'Name of the shipping zone',
	},
	countriesField,
];

const displayOptions = { show: { resource: ['shippingZone'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = requireText(this, itemIndex, 'Name', this.getNodeParameter('name', itemIndex, ''));
	const countries = parseCountries(
		this,
		itemIndex,
		this.getNodeParameter('countries', itemIndex, {}),
		true,
	);
	const locationId = await getLocationId(this, itemIndex);
	const response = await highLevelApiRequest(this, {
		method: 'POST',
		endpoint: ZONES_ENDPOINT,
		body: { ...altOf(locationId), name, countries } as unknown as IDataObject,
		itemIndex,
	});
	return unwrapData(response);
}
