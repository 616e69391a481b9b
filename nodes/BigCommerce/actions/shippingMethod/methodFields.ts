/**
 * Fields of a carrier's shipping method, shared by Create and Add to All Zones. Body sent:
 * `{name, type: <carrier id>, settings: {carrier_options}, enabled}`
 * (https://developer.bigcommerce.com/docs/rest-management/shipping-v2/shipping-method and the
 * Shipping Provider guide's example `"type": "carrier_33"`).
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { CarrierMethodInput } from '../api';
import {
	carrierIdField,
	fail,
	getCarrierId,
	keyValueObjectFields,
	readKeyValueObject,
} from '../common';

export const carrierMethodFields: INodeProperties[] = [
	carrierIdField,
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Example Shipping Carrier',
		description: 'Name of the shipping method in the control panel',
	},
	...keyValueObjectFields(
		'carrierOptions',
		'Carrier Options',
		"Zone options of the carrier (settings.carrier_options), as the carrier's configuration declares them, e.g. account_id. BigCommerce sends them to the Quote URL as zone_options.",
	),
	{
		displayName: 'Enabled',
		name: 'enabled',
		type: 'boolean',
		default: true,
		description: 'Whether the method is offered at checkout',
	},
];

export function readCarrierMethodInput(
	ctx: IExecuteFunctions,
	itemIndex: number,
): CarrierMethodInput {
	const carrierId = getCarrierId(ctx, itemIndex);
	const name = String(ctx.getNodeParameter('name', itemIndex, '') ?? '').trim();
	if (!name) fail(ctx, itemIndex, 'Name: enter the name of the shipping method');
	return {
		carrierId,
		name,
		carrierOptions: readKeyValueObject(ctx, itemIndex, 'carrierOptions', 'Carrier Options'),
		enabled: ctx.getNodeParameter('enabled', itemIndex, true) as boolean,
	};
}
