/**
 * Shipping Rate → Add Carrier Rate to All Zones (idempotent).
 *
 * 1. GET /store/shipping-zone?withShippingRate=true (list-shipping-zones, paged); a zone without
 *    `shippingRates` in that answer gets GET /store/shipping-zone/{id}/shipping-rate.
 * 2. For each zone (optionally only the chosen ones) that has no rate with this
 *    `shippingCarrierId`: POST /store/shipping-zone/{id}/shipping-rate (create-shipping-rate) with
 *    `{isCarrierRate: true, shippingCarrierId, amount: <handling fee>, conditionType: "none",
 *    minCondition: 0, maxCondition: 0, currency, name, shippingCarrierServices?,
 *    percentageOfRateFee?, description?}` (docs/reference/highlevel.md §4.3).
 * Output: one item per zone, `outcome` "created" or "existing".
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { altOf, highLevelApiRequest } from '../../../../nodes/shared/highlevel/transport';
import {
	MONEY_HINT,
	carrierServicesField,
	currencyField,
	percentageOfRateFeeDescription,
	shippingCarrierRLC,
} from '../../descriptions/common.description';
import { listZonesWithRates, ratesEndpoint } from '../../helpers/api';
import {
	fail,
	getLocationId,
	getResourceId,
	idOf,
	parseCurrency,
	parseNonNegative,
	requireText,
	unwrapData,
} from '../../helpers/utils';
import { readOptionalRateFields } from './create.operation';

const properties: INodeProperties[] = [
	shippingCarrierRLC,
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Live Shipping Rates',
		description: 'Name of the carrier rate created in each zone',
	},
	{ ...currencyField, required: true },
	{
		displayName: 'Handling Fee',
		name: 'amount',
		type: 'number',
		default: 0,
		description: `Fixed fee added to every carrier quote, ${MONEY_HINT} (0 = none)`,
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				description: 'Delivery description shown with the rate',
			},
			{
				displayName: 'Only Zone Names or IDs',
				name: 'zones',
				type: 'multiOptions',
				typeOptions: {
					loadOptionsMethod: 'getShippingZones',
					loadOptionsDependsOn: ['locationId'],
				},
				default: [],
				description:
					'Add the rate only to these zones (default: every zone). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
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
				"The carrier's services offered by the rate (empty = HighLevel's default)",
			),
		],
	},
];

const displayOptions = {
	show: { resource: ['shippingRate'], operation: ['addCarrierRateToAllZones'] },
};

export const description = updateDisplayOptions(displayOptions, properties);

/** Zones picked by id or (case-insensitive) name; every entry must match a zone. */
export function selectZones(
	ctx: IExecuteFunctions,
	itemIndex: number,
	zones: IDataObject[],
	wanted: string[],
): IDataObject[] {
	if (wanted.length === 0) return zones;
	const key = (value: unknown) =>
		String(value ?? '')
			.trim()
			.toLowerCase();
	const unknown = wanted.filter(
		(entry) =>
			!zones.some((zone) => key(idOf(zone)) === key(entry) || key(zone.name) === key(entry)),
	);
	if (unknown.length) {
		const known = zones.map((zone) => `${String(zone.name)} (${idOf(zone)})`).join(', ') || 'none';
		fail(
			ctx,
			itemIndex,
			`Only Zone Names or IDs: no zone "${unknown.join('", "')}" in this location (zones: ${known})`,
		);
	}
	const set = new Set(wanted.map(key));
	return zones.filter((zone) => set.has(key(idOf(zone))) || set.has(key(zone.name)));
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const carrierId = getResourceId(this, 'shippingCarrierId', 'Shipping Carrier', itemIndex);
	const name = requireText(this, itemIndex, 'Name', this.getNodeParameter('name', itemIndex, ''));
	const currency = parseCurrency(this, itemIndex, this.getNodeParameter('currency', itemIndex, ''));
	const amount = parseNonNegative(
		this,
		itemIndex,
		'Handling Fee',
		this.getNodeParameter('amount', itemIndex, 0),
		MONEY_HINT,
	);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const wanted = (Array.isArray(options.zones) ? options.zones : [])
		.map((zone) => String(zone).trim())
		.filter((zone) => zone !== '');
	const optional = readOptionalRateFields(this, itemIndex, options);
	const locationId = await getLocationId(this, itemIndex);

	const all = await listZonesWithRates(this, locationId, itemIndex);
	if (all.length === 0) {
		fail(
			this,
			itemIndex,
			'Shipping Zone: the location has no shipping zones yet; create one first (Shipping Zone → Create)',
		);
	}
	const chosen = new Set(
		selectZones(
			this,
			itemIndex,
			all.map(({ zone }) => zone),
			wanted,
		),
	);

	const result: IDataObject[] = [];
	for (const { zone, rates } of all) {
		if (!chosen.has(zone)) continue;
		const zoneId = idOf(zone);
		const summary = { shippingZoneId: zoneId, shippingZoneName: zone.name ?? null };
		const existing = rates.find((rate) => String(rate.shippingCarrierId ?? '') === carrierId);
		if (existing) {
			result.push({
				outcome: 'existing',
				...summary,
				shippingRateId: idOf(existing),
				shippingRate: existing,
			});
			continue;
		}
		const response = await highLevelApiRequest(this, {
			method: 'POST',
			endpoint: ratesEndpoint(zoneId),
			body: {
				...altOf(locationId),
				name,
				currency,
				amount,
				conditionType: 'none',
				minCondition: 0,
				maxCondition: 0,
				isCarrierRate: true,
				shippingCarrierId: carrierId,
				...optional,
			},
			itemIndex,
		});
		const rate = unwrapData(response);
		result.push({ outcome: 'created', ...summary, shippingRateId: idOf(rate), shippingRate: rate });
	}
	return result;
}
