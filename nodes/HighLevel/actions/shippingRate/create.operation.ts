/**
 * Shipping Rate → Create (a flat, conditional or carrier rate in a zone).
 * Source: POST /store/shipping-zone/{shippingZoneId}/shipping-rate (create-shipping-rate), body
 * CreateShippingRateDto: required `altId, altType, name, currency, amount, conditionType,
 * minCondition, maxCondition, shippingCarrierId`; optional `description, isCarrierRate,
 * percentageOfRateFee, shippingCarrierServices[{name, value}]`; response 201
 * `{status, message, data: ShippingRateSchema}`. `amount`, `minCondition`, `maxCondition` are
 * decimals in major units. The spec requires `shippingCarrierId` even for a non-carrier rate, so
 * an empty string is sent then (docs/reference/highlevel.md §4.3).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { altOf, highLevelApiRequest } from '../../../../nodes/shared/highlevel/transport';
import {
	MONEY_HINT,
	carrierServicesField,
	conditionTypeField,
	currencyField,
	maxConditionDescription,
	minConditionDescription,
	percentageOfRateFeeDescription,
	shippingCarrierRLC,
	shippingZoneRLC,
} from '../../descriptions/common.description';
import { ratesEndpoint } from '../../helpers/api';
import {
	checkConditionRange,
	getLocationId,
	getResourceId,
	parseCurrency,
	parseNonNegative,
	parseServices,
	requireText,
	unwrapData,
} from '../../helpers/utils';

export type ConditionType = 'none' | 'price' | 'weight';

const properties: INodeProperties[] = [
	shippingZoneRLC,
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Standard Shipping',
		description: 'Name of the rate shown at checkout',
	},
	{ ...currencyField, required: true },
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		required: true,
		default: 0,
		description: `Price of the rate ${MONEY_HINT} (0 = free shipping). For a carrier rate, a fixed handling fee added to the carrier's quote.`,
	},
	conditionTypeField,
	{
		displayName: 'Min Condition',
		name: 'minCondition',
		type: 'number',
		default: 0,
		description: minConditionDescription,
		displayOptions: { show: { conditionType: ['price', 'weight'] } },
	},
	{
		displayName: 'Max Condition',
		name: 'maxCondition',
		type: 'number',
		default: 0,
		description: maxConditionDescription,
		displayOptions: { show: { conditionType: ['price', 'weight'] } },
	},
	{
		displayName: 'Is Carrier Rate',
		name: 'isCarrierRate',
		type: 'boolean',
		default: false,
		description:
			"Whether the price comes live from a shipping carrier's callback (Amount is then a handling fee)",
	},
	{
		...shippingCarrierRLC,
		displayOptions: { show: { isCarrierRate: [true] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				placeholder: 'e.g. Ships next day',
				description: 'Delivery description shown with the rate',
			},
			{
				displayName: 'Percentage of Rate Fee',
				name: 'percentageOfRateFee',
				type: 'number',
				default: 0,
				description: percentageOfRateFeeDescription,
			},
			carrierServicesField(
				'shippingCarrierServices',
				"Carrier rates only: the carrier's services offered by this rate",
			),
		],
	},
];

const displayOptions = { show: { resource: ['shippingRate'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Optional rate fields shared by Create, Update and Add Carrier Rate to All Zones. */
export function readOptionalRateFields(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
): IDataObject {
	const body: IDataObject = {};
	if (typeof fields.description === 'string' && fields.description.trim() !== '') {
		body.description = fields.description.trim();
	}
	if (fields.percentageOfRateFee !== undefined) {
		body.percentageOfRateFee = parseNonNegative(
			ctx,
			itemIndex,
			'Percentage of Rate Fee',
			fields.percentageOfRateFee,
			'a percent, e.g. 10 for 10%',
		);
	}
	if (fields.shippingCarrierServices !== undefined) {
		const services = parseServices(
			ctx,
			itemIndex,
			'Shipping Carrier Services',
			fields.shippingCarrierServices,
		);
		if (services.length) body.shippingCarrierServices = services as unknown as IDataObject[];
	}
	return body;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const zoneId = getResourceId(this, 'shippingZoneId', 'Shipping Zone', itemIndex);
	const name = requireText(this, itemIndex, 'Name', this.getNodeParameter('name', itemIndex, ''));
	const currency = parseCurrency(this, itemIndex, this.getNodeParameter('currency', itemIndex, ''));
	const amount = parseNonNegative(
		this,
		itemIndex,
		'Amount',
		this.getNodeParameter('amount', itemIndex, 0),
		MONEY_HINT,
	);
	const conditionType = this.getNodeParameter('conditionType', itemIndex, 'none') as ConditionType;
	let minCondition = 0;
	let maxCondition = 0;
	if (conditionType !== 'none') {
		minCondition = parseNonNegative(
			this,
			itemIndex,
			'Min Condition',
			this.getNodeParameter('minCondition', itemIndex, 0),
			'0 for no minimum',
		);
		maxCondition = parseNonNegative(
			this,
			itemIndex,
			'Max Condition',
			this.getNodeParameter('maxCondition', itemIndex, 0),
			'0 for no maximum',
		);
		checkConditionRange(this, itemIndex, minCondition, maxCondition);
	}
	const isCarrierRate = this.getNodeParameter('isCarrierRate', itemIndex, false) as boolean;
	const shippingCarrierId = isCarrierRate
		? getResourceId(this, 'shippingCarrierId', 'Shipping Carrier', itemIndex)
		: '';
	const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const locationId = await getLocationId(this, itemIndex);
	const response = await highLevelApiRequest(this, {
		method: 'POST',
		endpoint: ratesEndpoint(zoneId),
		body: {
			...altOf(locationId),
			name,
			currency,
			amount,
			conditionType,
			minCondition,
			maxCondition,
			isCarrierRate,
			shippingCarrierId,
			...readOptionalRateFields(this, itemIndex, additionalFields),
		},
		itemIndex,
	});
	return unwrapData(response);
}
