/**
 * Shipping Carrier → Update.
 * Source: PUT /store/shipping-carrier/{shippingCarrierId} (update-shipping-carrier), body
 * UpdateShippingCarrierDto (every field optional), response `{status, message, data}`.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { altOf, highLevelApiRequest } from '../../../../nodes/shared/highlevel/transport';
import { carrierServicesField, shippingCarrierRLC } from '../../descriptions/common.description';
import { carrierEndpoint } from '../../helpers/api';
import {
	fail,
	getLocationId,
	getResourceId,
	parseCallbackUrl,
	parseServices,
	requireText,
	unwrapData,
} from '../../helpers/utils';

const properties: INodeProperties[] = [
	shippingCarrierRLC,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Allows Multiple Service Selection',
				name: 'allowsMultipleServiceSelection',
				type: 'boolean',
				default: false,
				description: 'Whether the seller can choose several services on one carrier rate',
			},
			{
				displayName: 'Callback URL',
				name: 'callbackUrl',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://n8n.example.com/webhook/highlevel/rates',
				description: 'Public URL HighLevel calls at checkout for live rates',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Carrier name shown to the seller in HighLevel',
			},
			carrierServicesField('services', 'Replaces the services of the carrier'),
		],
	},
];

const displayOptions = { show: { resource: ['shippingCarrier'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const carrierId = getResourceId(this, 'shippingCarrierId', 'Shipping Carrier', itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const changes: IDataObject = {};
	if (fields.name !== undefined) changes.name = requireText(this, itemIndex, 'Name', fields.name);
	if (fields.callbackUrl !== undefined) {
		changes.callbackUrl = parseCallbackUrl(this, itemIndex, fields.callbackUrl);
	}
	if (fields.services !== undefined) {
		changes.services = parseServices(
			this,
			itemIndex,
			'Services',
			fields.services,
		) as unknown as IDataObject[];
	}
	if (fields.allowsMultipleServiceSelection !== undefined) {
		changes.allowsMultipleServiceSelection = fields.allowsMultipleServiceSelection === true;
	}
	if (Object.keys(changes).length === 0) {
		fail(this, itemIndex, 'Update Fields: add at least one field to update');
	}
	const locationId = await getLocationId(this, itemIndex);
	const response = await highLevelApiRequest(this, {
		method: 'PUT',
		endpoint: carrierEndpoint(carrierId),
		body: { ...altOf(locationId), ...changes },
		itemIndex,
	});
	return unwrapData(response);
}
