/**
 * Parameter descriptions shared by several Shippo operations.
 */
import type { INodeProperties } from 'n8n-workflow';

/** Address fields (Shippo `AddressCreateRequest` names), used inside fixed collections. */
export const addressFields: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		description: 'First and last name of the addressee (required to buy a label)',
	},
	{
		displayName: 'Company',
		name: 'company',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Street 1',
		name: 'street1',
		type: 'string',
		default: '',
		description: 'First street line, up to 35 characters',
	},
	{
		displayName: 'Street 2',
		name: 'street2',
		type: 'string',
		default: '',
		description: 'Second street line, up to 35 characters',
	},
	{
		displayName: 'City',
		name: 'city',
		type: 'string',
		default: '',
	},
	{
		displayName: 'State',
		name: 'state',
		type: 'string',
		default: '',
		description: 'State or province code; required for the US, Canada and Australia',
	},
	{
		displayName: 'ZIP / Postal Code',
		name: 'zip',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Country',
		name: 'country',
		type: 'string',
		default: '',
		placeholder: 'US',
		description: 'ISO 3166-1 alpha-2 country code, e.g. US or DE',
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
	},
];

/** Resource locator for a shipment `object_id` (32 hex characters). */
export const shipmentRLC: INodeProperties = {
	displayName: 'Shipment',
	name: 'shipmentId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The shipment (Shippo shipment object ID)',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: {
				searchListMethod: 'searchShipments',
				searchable: false,
			},
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'adcfdddf8ec64b84ad22772bce3ea37a',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^[A-Za-z0-9_-]+$',
						errorMessage: 'Not a valid Shippo object ID',
					},
				},
			],
		},
	],
};

/** "Return All" + "Limit" for a Get Many operation. */
export function returnAllOrLimit(resource: string, operation: string): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show: { resource: [resource], operation: [operation] } },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			description: 'Max number of results to return',
			displayOptions: {
				show: { resource: [resource], operation: [operation], returnAll: [false] },
			},
		},
	];
}
