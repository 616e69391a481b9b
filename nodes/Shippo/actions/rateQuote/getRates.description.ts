/**
 * Parameters of Rate Quote → Get Rates (see getRates.operation.ts for what they do).
 */
import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { SHIPPO_DISTANCE_UNITS } from '../../../../nodes/shared/shippo/mapping';
import { addressFields } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Carrier Account Names or IDs',
		name: 'carrierAccounts',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getCarrierAccounts' },
		default: [],
		description:
			'Carrier accounts to ask for rates (Shippo <code>carrier_accounts</code>); leave empty for all. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Parcel Source',
		name: 'parcelSource',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Carrier Parcel Template',
				value: 'carrierTemplate',
				description: 'A carrier box token such as USPS_SmallFlatRateBox; weight from the items',
			},
			{
				name: 'From Item Weights and Dimensions',
				value: 'items',
				description:
					'Weight = sum of item weights + packaging; size from the items when every line has dimensions, else the default box',
			},
			{
				name: 'User Parcel Template',
				value: 'userTemplate',
				description: 'Size of one of your Shippo parcel templates; weight from the items',
			},
		],
		default: 'items',
	},
	{
		displayName: 'Default Box Length (Cm)',
		name: 'defaultBoxLengthCm',
		type: 'number',
		typeOptions: { minValue: 0.1, numberPrecision: 2 },
		default: 30,
		description: 'Box length in centimetres, used when a cart line has no dimensions',
		displayOptions: { show: { parcelSource: ['items'] } },
	},
	{
		displayName: 'Default Box Width (Cm)',
		name: 'defaultBoxWidthCm',
		type: 'number',
		typeOptions: { minValue: 0.1, numberPrecision: 2 },
		default: 20,
		description: 'Box width in centimetres, used when a cart line has no dimensions',
		displayOptions: { show: { parcelSource: ['items'] } },
	},
	{
		displayName: 'Default Box Height (Cm)',
		name: 'defaultBoxHeightCm',
		type: 'number',
		typeOptions: { minValue: 0.1, numberPrecision: 2 },
		default: 10,
		description: 'Box height in centimetres, used when a cart line has no dimensions',
		displayOptions: { show: { parcelSource: ['items'] } },
	},
	{
		displayName: 'User Parcel Template',
		name: 'userParcelTemplate',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'Parcel template whose dimensions are used (its own weight is ignored)',
		displayOptions: { show: { parcelSource: ['userTemplate'] } },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchUserParcelTemplates', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'b958d3690bb04bb8b2986724872750f5',
			},
		],
	},
	{
		displayName: 'Carrier Parcel Template Token',
		name: 'carrierParcelTemplate',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'USPS_SmallFlatRateBox',
		description:
			'Carrier parcel template token (see Parcel Template → Get Many with Carrier Templates)',
		displayOptions: { show: { parcelSource: ['carrierTemplate'] } },
	},
	{
		displayName: 'Packaging Weight (G)',
		name: 'packagingWeightGrams',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Weight of the box and filling in grams, added once to the item weights',
	},
	{
		displayName: 'Origin Override',
		name: 'originOverride',
		type: 'fixedCollection',
		placeholder: 'Add Origin Address',
		default: {},
		description: 'Sender address used when the rate request has no origin',
		options: [{ displayName: 'Address', name: 'address', values: addressFields }],
	},
	{
		displayName: 'On Carrier Error',
		name: 'onCarrierError',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Return No Quotes (Fail Open)',
				value: 'failOpen',
				description:
					'Output quotes: [] with the message in errors, so the checkout can fall back to other rates',
			},
			{
				name: 'Stop Workflow',
				value: 'stop',
				description: 'Throw the error (use the node setting On Error to route it)',
			},
		],
		default: 'failOpen',
		description: 'What to do when Shippo fails, times out, or there is no time left before the deadline',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Cache TTL (Seconds)',
				name: 'cacheTtl',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 300,
				description:
					'How long carrier quotes are reused, in seconds (in memory, per n8n process): keyed on what Shippo prices (origin and destination postal code, country and residential flag, parcel weight and dimensions, carrier accounts, currency), so different carts that make the same parcel share one Shippo call. 0 turns the cache off.',
			},
			{
				displayName: 'Distance Unit',
				name: 'distanceUnit',
				type: 'options',
				options: SHIPPO_DISTANCE_UNITS.map((unit) => ({ name: unit, value: unit })),
				default: 'cm',
				description: 'Unit of the parcel dimensions sent to Shippo when they come from the items',
			},
			{
				displayName: 'Metadata',
				name: 'metadata',
				type: 'string',
				default: '',
				description: 'Text of up to 100 characters stored on the Shippo shipment',
			},
			{
				displayName: 'Rate Request Field',
				name: 'rateRequestField',
				type: 'string',
				default: '',
				placeholder: 'rateRequest',
				description:
					'Property (dot path) holding the canonical rate request. Leave empty to use the whole item.',
			},
			{
				displayName: 'Service Filter',
				name: 'serviceFilter',
				type: 'string',
				default: '',
				placeholder: 'usps_priority, ups_ground',
				description:
					'Comma-separated Shippo service level tokens to keep; leave empty to keep every service',
			},
			{
				displayName: 'Timeout (Ms)',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 10000,
				description:
					'Request timeout in milliseconds. With deadlineAt on the item, min(timeout, deadlineAt - now - 400 ms) is used.',
			},
			{
				displayName: 'Weight Unit',
				name: 'weightUnit',
				type: 'options',
				options: [
					{ name: 'Gram (G)', value: 'g' },
					{ name: 'Kilogram (Kg)', value: 'kg' },
					{ name: 'Ounce (Oz)', value: 'oz' },
					{ name: 'Pound (Lb)', value: 'lb' },
				],
				default: 'g',
				description: 'Unit of the parcel weight sent to Shippo (Shippo mass_unit)',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['rateQuote'], operation: ['getRates'] } },
	properties,
);
