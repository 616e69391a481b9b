/**
 * Shipping Rate → Update.
 * Source: PUT /store/shipping-zone/{shippingZoneId}/shipping-rate/{shippingRateId}
 * (update-shipping-rate), body UpdateShippingRateDto (fields of CreateShippingRateDto, all
 * optional), response `{status, message, data}`. Money fields are decimals in major units.
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
	shippingRateRLC,
	shippingZoneRLC,
} from '../../descriptions/common.description';
import { rateEndpoint } from '../../helpers/api';
import {
	checkConditionRange,
	fail,
	getLocationId,
	getResourceId,
	parseCurrency,
	parseNonNegative,
	requireText,
	unwrapData,
} from '../../helpers/utils';
import { readOptionalRateFields } from './create.operation';

const properties: INodeProperties[] = [
	shippingZoneRLC,
	shippingRateRLC,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Amount',
				name: 'amount',
				type: 'number',
				default: 0,
				description: `Price of the rate ${MONEY_HINT} (0 = free shipping). For a carrier rate, a fixed handling fee added to the carrier's quote.`,
			},
			conditionTypeField,
			currencyField,
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				description: 'Delivery description shown with the rate',
			},
			{
				displayName: 'Is Carrier Rate',
				name: 'isCarrierRate',
				type: 'boolean',
				default: false,
				description: "Whether the price comes live from a shipping carrier's callback",
			},
			{
				displayName: 'Max Condition',
				name: 'maxCondition',
				type: 'number',
				default: 0,
				description: maxConditionDescription,
			},
			{
				displayName: 'Min Condition',
				name: 'minCondition',
				type: 'number',
				default: 0,
				description: minConditionDescription,
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Name of the rate shown at checkout',
			},
			{
				displayName: 'Percentage of Rate Fee',
				name: 'percentageOfRateFee',
				type: 'number',
				default: 0,
				description: percentageOfRateFeeDescription,
			},
			{
				displayName: 'Shipping Carrier ID',
				name: 'shippingCarrierId',
				type: 'string',
				default: '',
				description: 'ID of the shipping carrier whose live rates this rate uses',
			},
			carrierServicesField(
				'shippingCarrierServices',
				"Carrier rates only: replaces the carrier's services offered by this rate",
			),
		],
	},
];

const displayOptions = { show: { resource: ['shippingRate'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const zoneId = getResourceId(this, 'shippingZoneId', 'Shipping Zone', itemIndex);
	const rateId = getResourceId(this, 'shippingRateId', 'Shipping Rate', itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const changes: IDataObject = {};
	if (fields.name !== undefined) changes.name = requireText(this, itemIndex, 'Name', fields.name);
	if (fields.currency !== undefined)
		changes.currency = parseCurrency(this, itemIndex, fields.currency);
	if (fields.amount !== undefined) {
		changes.amount = parseNonNegative(this, itemIndex, 'Amount', fields.amount, MONEY_HINT);
	}
	if (fields.conditionType !== undefined) changes.conditionType = fields.conditionType;
	if (fields.minCondition !== undefined) {
		changes.minCondition = parseNonNegative(
			this,
			itemIndex,
			'Min Condition',
			fields.minCondition,
			'0 for no minimum',
		);
	}
	if (fields.maxCondition !== undefined) {
		changes.maxCondition = parseNonNegative(
			this,
			itemIndex,
			'Max Condition',
			fields.maxCondition,
			'0 for no maximum',
		);
	}
	if (typeof changes.minCondition === 'number' && typeof changes.maxCondition === 'number') {
		checkConditionRange(this, itemIndex, changes.minCondition, changes.maxCondition);
	}
	if (fields.isCarrierRate !== undefined) changes.isCarrierRate = fields.isCarrierRate === true;
	if (fields.shippingCarrierId !== undefined) {
		changes.shippingCarrierId = String(fields.shippingCarrierId).trim();
	}
	Object.assign(changes, readOptionalRateFields(this, itemIndex, fields));
	if (Object.keys(changes).length === 0) {
		fail(this, itemIndex, 'Update Fields: add at least one field to update');
	}
	const locationId = await getLocationId(this, itemIndex);
	const response = await highLevelApiRequest(this, {
		method: 'PUT',
		endpoint: rateEndpoint(zoneId, rateId),
		body: { ...altOf(locationId), ...changes },
		itemIndex,
	});
	return unwrapData(response);
}
