/**
 * Shipment → Create: `POST /shipments` (operationId `CreateShipment`, body
 * `ShipmentCreateRequest`), always synchronous (`async: false`) so the answer holds the rates.
 * Parcel dimensions and weights are sent as decimal strings (≤ 4 decimals, rounded up) in the
 * units chosen per parcel.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, jsonParse, updateDisplayOptions } from 'n8n-workflow';
import {
	SHIPPO_DISTANCE_UNITS,
	SHIPPO_MASS_UNITS,
	toShippoDecimal,
	validateShipmentBody,
} from '../../../../nodes/shared/shippo/mapping';
import { shippoApiRequest } from '../../../../nodes/shared/shippo/transport';
import { addressFields } from '../common.descriptions';
import { addressFromUi, parseList, runPerItem } from '../../helpers/utils';

const unitOptions = (units: readonly string[]) => units.map((unit) => ({ name: unit, value: unit }));

const properties: INodeProperties[] = [
	{
		displayName: 'Define Shipment',
		name: 'defineShipment',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Using Fields Below', value: 'fields' },
			{ name: 'Using JSON', value: 'json' },
		],
		default: 'fields',
	},
	{
		displayName: 'Sender Address',
		name: 'addressFrom',
		type: 'fixedCollection',
		placeholder: 'Add Sender Address',
		default: {},
		required: true,
		description: 'Shippo address_from',
		displayOptions: { show: { defineShipment: ['fields'] } },
		options: [{ displayName: 'Address', name: 'address', values: addressFields }],
	},
	{
		displayName: 'Recipient Address',
		name: 'addressTo',
		type: 'fixedCollection',
		placeholder: 'Add Recipient Address',
		default: {},
		required: true,
		description: 'Shippo address_to',
		displayOptions: { show: { defineShipment: ['fields'] } },
		options: [{ displayName: 'Address', name: 'address', values: addressFields }],
	},
	{
		displayName: 'Parcels',
		name: 'parcels',
		type: 'fixedCollection',
		placeholder: 'Add Parcel',
		typeOptions: { multipleValues: true },
		default: {},
		required: true,
		displayOptions: { show: { defineShipment: ['fields'] } },
		options: [
			{
				displayName: 'Parcel',
				name: 'parcel',
				values: [
					{
						displayName: 'Carrier Template Token',
						name: 'template',
						type: 'string',
						default: '',
						placeholder: 'USPS_SmallFlatRateBox',
						description: 'Carrier parcel template; when set, length, width and height are ignored',
					},
					{
						displayName: 'Distance Unit',
						name: 'distanceUnit',
						type: 'options',
						options: unitOptions(SHIPPO_DISTANCE_UNITS),
						default: 'cm',
						description: 'Unit of length, width and height',
					},
					{
						displayName: 'Height',
						name: 'height',
						type: 'number',
						typeOptions: { minValue: 0, numberPrecision: 4 },
						default: 0,
					},
					{
						displayName: 'Length',
						name: 'length',
						type: 'number',
						typeOptions: { minValue: 0, numberPrecision: 4 },
						default: 0,
					},
					{
						displayName: 'Mass Unit',
						name: 'massUnit',
						type: 'options',
						options: unitOptions(SHIPPO_MASS_UNITS),
						default: 'g',
						description: 'Unit of the weight',
					},
					{
						displayName: 'Weight',
						name: 'weight',
						type: 'number',
						typeOptions: { minValue: 0, numberPrecision: 4 },
						default: 0,
					},
					{
						displayName: 'Width',
						name: 'width',
						type: 'number',
						typeOptions: { minValue: 0, numberPrecision: 4 },
						default: 0,
					},
				],
			},
		],
	},
	{
		displayName: 'Shipment (JSON)',
		name: 'shipmentJson',
		type: 'json',
		default:
			'{\n  "address_from": { "country": "US" },\n  "address_to": { "country": "US" },\n  "parcels": []\n}',
		required: true,
		description:
			'Body of POST /shipments (Shippo ShipmentCreateRequest). Numeric parcel sizes and weights are turned into strings.',
		displayOptions: { show: { defineShipment: ['json'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Carrier Account Names or IDs',
				name: 'carrierAccounts',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getCarrierAccounts' },
				default: [],
				description:
					'Only return rates of these carrier accounts. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Metadata',
				name: 'metadata',
				type: 'string',
				default: '',
				description: 'Text of up to 100 characters stored on the shipment',
			},
			{
				displayName: 'Shipment Date',
				name: 'shipmentDate',
				type: 'dateTime',
				default: '',
				description: 'When the shipment is handed to the carrier; default now',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['shipment'], operation: ['create'] } },
	properties,
);

const PARCEL_NUMBER_FIELDS = ['length', 'width', 'height', 'weight'] as const;

/** Numeric sizes/weights in a JSON parcel → Shippo decimal strings. */
function normalizeJsonParcel(parcel: unknown): unknown {
	if (typeof parcel !== 'object' || parcel === null || Array.isArray(parcel)) return parcel;
	const copy = { ...(parcel as IDataObject) };
	for (const field of PARCEL_NUMBER_FIELDS) {
		if (typeof copy[field] === 'number') copy[field] = toShippoDecimal(copy[field] as number);
	}
	return copy;
}

function bodyFromFields(this: IExecuteFunctions, i: number): IDataObject {
	const parcels = (this.getNodeParameter('parcels.parcel', i, []) as IDataObject[]).map(
		(parcel) => {
			const weight = toShippoDecimal(Number(parcel.weight ?? 0));
			const massUnit = String(parcel.massUnit ?? 'g');
			const template = String(parcel.template ?? '').trim();
			if (template) return { template, weight, mass_unit: massUnit };
			return {
				length: toShippoDecimal(Number(parcel.length ?? 0)),
				width: toShippoDecimal(Number(parcel.width ?? 0)),
				height: toShippoDecimal(Number(parcel.height ?? 0)),
				distance_unit: String(parcel.distanceUnit ?? 'cm'),
				weight,
				mass_unit: massUnit,
			};
		},
	);
	return {
		address_from: addressFromUi(this.getNodeParameter('addressFrom.address', i, {}) as IDataObject),
		address_to: addressFromUi(this.getNodeParameter('addressTo.address', i, {}) as IDataObject),
		parcels,
	} as IDataObject;
}

function bodyFromJson(this: IExecuteFunctions, i: number): IDataObject {
	const raw = this.getNodeParameter('shipmentJson', i, '{}') as string | IDataObject;
	const body =
		typeof raw === 'string'
			? jsonParse<IDataObject>(raw, {
					errorMessage: 'Shipment (JSON) is not valid JSON',
				})
			: { ...raw };
	if (Array.isArray(body.parcels)) body.parcels = body.parcels.map(normalizeJsonParcel);
	return body;
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await runPerItem(this, items, async (i) => {
		const mode = this.getNodeParameter('defineShipment', i, 'fields') as string;
		const body = mode === 'json' ? bodyFromJson.call(this, i) : bodyFromFields.call(this, i);
		const additional = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const carrierAccounts = parseList(additional.carrierAccounts);
		if (carrierAccounts.length) body.carrier_accounts = carrierAccounts;
		if (additional.metadata) body.metadata = String(additional.metadata);
		if (additional.shipmentDate) {
			body.shipment_date = new Date(String(additional.shipmentDate)).toISOString();
		}
		if (body.async === undefined) body.async = false;

		let validated: IDataObject;
		try {
			validated = validateShipmentBody(body) as unknown as IDataObject;
		} catch (error) {
			throw new NodeOperationError(this.getNode(), `Invalid shipment: ${(error as Error).message}`, {
				itemIndex: i,
			});
		}
		const shipment = await shippoApiRequest<IDataObject>(this, {
			method: 'POST',
			endpoint: '/shipments',
			body: validated,
			itemIndex: i,
		});
		return [shipment];
	});
}
