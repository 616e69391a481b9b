/**
 * Shipping Carrier → Create.
 * Source: POST /store/shipping-carrier (create-shipping-carrier), body CreateShippingCarrierDto
 * `{altId, altType, name, callbackUrl, services[{name, value}], allowsMultipleServiceSelection}`,
 * response 201 `{status, message, data: ShippingCarrierSchema}` (test/standins/specs/highlevel/apps/store.json).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { altOf, highLevelApiRequest } from '../../../../nodes/shared/highlevel/transport';
import { carrierServicesField } from '../../descriptions/common.description';
import { CARRIERS_ENDPOINT } from '../../helpers/api';
import type { CarrierService } from '../../helpers/utils';
import {
	getLocationId,
	parseCallbackUrl,
	parseServices,
	requireText,
	unwrapData,
} from '../../helpers/utils';

/** Fields of a carrier as created (shared with Register). */
export const carrierProperties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Live Rates',
		description: 'Carrier name shown to the seller in HighLevel',
	},
	{
		displayName: 'Callback URL',
		name: 'callbackUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://n8n.example.com/webhook/highlevel/rates',
		description:
			'Public URL HighLevel calls at checkout for live rates (e.g. the production URL of a Shipping Rates Trigger)',
	},
	carrierServicesField(
		'services',
		"Services the seller can pick when adding this carrier's rate to a zone (empty = none)",
	),
	{
		displayName: 'Allows Multiple Service Selection',
		name: 'allowsMultipleServiceSelection',
		type: 'boolean',
		default: false,
		description: 'Whether the seller can choose several services on one carrier rate',
	},
];

export interface CarrierInput {
	name: string;
	callbackUrl: string;
	services: CarrierService[];
	allowsMultipleServiceSelection: boolean;
}

export function readCarrierInput(this: IExecuteFunctions, itemIndex: number): CarrierInput {
	return {
		name: requireText(this, itemIndex, 'Name', this.getNodeParameter('name', itemIndex, '')),
		callbackUrl: parseCallbackUrl(
			this,
			itemIndex,
			this.getNodeParameter('callbackUrl', itemIndex, ''),
		),
		services: parseServices(
			this,
			itemIndex,
			'Services',
			this.getNodeParameter('services', itemIndex, {}),
		),
		allowsMultipleServiceSelection: this.getNodeParameter(
			'allowsMultipleServiceSelection',
			itemIndex,
			false,
		) as boolean,
	};
}

const displayOptions = { show: { resource: ['shippingCarrier'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, carrierProperties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readCarrierInput.call(this, itemIndex);
	const locationId = await getLocationId(this, itemIndex);
	const response = await highLevelApiRequest(this, {
		method: 'POST',
		endpoint: CARRIERS_ENDPOINT,
		body: { ...altOf(locationId), ...input } as unknown as IDataObject,
		itemIndex,
	});
	return unwrapData(response);
}
