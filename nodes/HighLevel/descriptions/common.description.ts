/**
 * Fields shared by several HighLevel operations: the location, resource locators for carriers,
 * zones and rates, paging, carrier services, zone countries and the money fields.
 *
 * Field names follow test/standins/specs/highlevel/apps/store.json (CreateShippingCarrierDto,
 * CreateShippingZoneDto, CreateShippingRateDto).
 */
import type { INodeProperties } from 'n8n-workflow';

/** Shared by the action nodes (nodes/shared/actions/fields.ts). */
import { returnAllField, limitField } from '../../../nodes/shared/actions/fields';

export { returnAllField, limitField };

export const MONEY_HINT = "in the location's currency, e.g. 4.99";

export const locationIdField: INodeProperties = {
	displayName: 'Location ID',
	name: 'locationId',
	type: 'string',
	default: '',
	placeholder: 'e.g. ve9EPM428h8vShlRW1KT',
	description:
		"ID of the HighLevel sub-account (location) to act on. Leave empty to use the credential's location (the OAuth2 token's location, or the Private Integration credential's Location ID).",
};

/** A resource locator picking a HighLevel object from a searchable list or by its ID. */
export function idLocator(
	displayName: string,
	name: string,
	searchListMethod: string,
	description: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 655b33a82209e60b6adb87a5',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\S+$', errorMessage: 'The ID must not contain spaces' },
					},
				],
			},
		],
	};
}

export const shippingCarrierRLC = idLocator(
	'Shipping Carrier',
	'shippingCarrierId',
	'searchShippingCarriers',
	'The shipping carrier registered on the location',
);

export const shippingZoneRLC = idLocator(
	'Shipping Zone',
	'shippingZoneId',
	'searchShippingZones',
	'The shipping zone of the location',
);

export const shippingRateRLC = idLocator(
	'Shipping Rate',
	'shippingRateId',
	'searchShippingRates',
	'The shipping rate of the selected zone',
);

export const orderRLC = idLocator(
	'Order',
	'orderId',
	'searchOrders',
	'The order of the location (store, funnel or invoice order)',
);

/** `services[{name, value}]` of a carrier, or `shippingCarrierServices` of a carrier rate. */
export function carrierServicesField(
	name: 'services' | 'shippingCarrierServices',
	description: string,
): INodeProperties {
	return {
		displayName: name === 'services' ? 'Services' : 'Shipping Carrier Services',
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Service',
		default: {},
		description,
		options: [
			{
				displayName: 'Service',
				name: 'service',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. Priority Mail Express International',
						description: 'Service name shown to the seller',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'e.g. PriorityMailExpressInternational',
						description: 'Service code your live-rate callback understands',
					},
				],
			},
		],
	};
}

/** `countries[{code, states[{code}]}]` of a shipping zone. */
export const countriesField: INodeProperties = {
	displayName: 'Countries',
	name: 'countries',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Country',
	default: {},
	description: 'Countries (and optionally states) the zone covers',
	options: [
		{
			displayName: 'Country',
			name: 'country',
			values: [
				{
					displayName: 'Country Code',
					name: 'code',
					type: 'string',
					default: '',
					placeholder: 'e.g. US',
					description: 'ISO 3166-1 alpha-2 country code',
				},
				{
					displayName: 'State Codes',
					name: 'states',
					type: 'string',
					default: '',
					placeholder: 'e.g. CA, NY',
					description:
						'Comma-separated state or province codes (e.g. CA, NY for the US; ON for Canada). Leave empty to cover the whole country.',
				},
			],
		},
	],
};

export const currencyField: INodeProperties = {
	displayName: 'Currency',
	name: 'currency',
	type: 'string',
	default: 'USD',
	placeholder: 'e.g. USD',
	description: "ISO 4217 code of the rate's amount, normally the location's currency",
};

export const conditionTypeField: INodeProperties = {
	displayName: 'Condition Type',
	name: 'conditionType',
	type: 'options',
	options: [
		{
			name: 'None',
			value: 'none',
			description: 'The rate applies to every order',
		},
		{
			name: 'Order Price',
			value: 'price',
			description:
				"The rate applies when the order subtotal is within the min/max (location's currency)",
		},
		{
			name: 'Order Weight',
			value: 'weight',
			description: 'The rate applies when the order weight is within the min/max',
		},
	],
	default: 'none',
	description: 'Whether the rate only applies to orders within a price or weight range',
};

export const minConditionDescription =
	"Lower bound of the condition: for Order Price an amount in the location's currency, e.g. 4.99; for Order Weight the order weight in the store's weight unit. 0 means no minimum.";
export const maxConditionDescription =
	"Upper bound of the condition: for Order Price an amount in the location's currency, e.g. 49.99; for Order Weight the order weight in the store's weight unit. 0 means no maximum.";
export const percentageOfRateFeeDescription =
	"Carrier rates only: a fee added as a percentage of the carrier's quote, e.g. 10 for 10%";
