/**
 * Fields and parameter readers shared by the BigCommerce Shipping operations: the zone and method
 * locators, the carrier id, key/value-or-JSON objects (carrier options, connection settings) and
 * paging. Every reader throws NodeOperationError naming the field.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { CarrierIdError, normalizeCarrierId } from '../../../nodes/shared/bigCommerce/carriers';

/** Shared by the action nodes (nodes/shared/actions/fields.ts). */
import { returnAllField, limitField, fail } from '../../../nodes/shared/actions/fields';

export { returnAllField, limitField, fail };

/** A resource locator of a numeric BigCommerce id: a searchable list, or the id. */
function idLocator(
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
				placeholder: 'e.g. 1',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*\\d+\\s*$',
							errorMessage: 'The ID is a whole number, e.g. 1',
						},
					},
				],
			},
		],
	};
}

export const zoneLocator = idLocator(
	'Shipping Zone',
	'zoneId',
	'searchShippingZones',
	'The shipping zone of the store',
);

export const methodLocator = idLocator(
	'Shipping Method',
	'methodId',
	'searchShippingMethods',
	'The shipping method of the selected zone',
);

export const carrierIdField: INodeProperties = {
	displayName: 'Carrier ID',
	name: 'carrierId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 33 or carrier_33',
	description:
		"The carrier ID BigCommerce gave the app (33 and carrier_33 both mean carrier_33, the type of the carrier's shipping methods). Built-in carriers by name, e.g. fedex.",
};

/**
 * Three fields for an object given as key/value pairs or as JSON: `<name>Input` (fields | json),
 * `<name>` (fixedCollection `values[{key, value}]`, values sent as text) and `<name>Json`.
 */
export function keyValueObjectFields(
	name: string,
	displayName: string,
	description: string,
): INodeProperties[] {
	return [
		{
			displayName: `${displayName} Input`,
			name: `${name}Input`,
			type: 'options',
			options: [
				{ name: 'Key-Value Pairs', value: 'fields', description: 'Each value is sent as text' },
				{ name: 'JSON', value: 'json', description: 'An object; values keep their JSON types' },
			],
			default: 'fields',
			description: `How to give the ${displayName.toLowerCase()}`,
		},
		{
			displayName,
			name,
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Value',
			default: {},
			description,
			displayOptions: { show: { [`${name}Input`]: ['fields'] } },
			options: [
				{
					displayName: 'Value',
					name: 'values',
					values: [
						{
							displayName: 'Key',
							name: 'key',
							type: 'string',
							default: '',
							placeholder: 'e.g. account_id',
						},
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
		{
			displayName: `${displayName} (JSON)`,
			name: `${name}Json`,
			type: 'json',
			default: '{}',
			description,
			displayOptions: { show: { [`${name}Input`]: ['json'] } },
		},
	];
}

/** The object of `keyValueObjectFields(name, displayName)`; `{}` when nothing is given. */
export function readKeyValueObject(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	displayName: string,
): IDataObject {
	const input = ctx.getNodeParameter(`${name}Input`, itemIndex, 'fields') as string;
	if (input === 'json') {
		const raw = ctx.getNodeParameter(`${name}Json`, itemIndex, '{}') as unknown;
		let value: unknown = raw;
		if (typeof raw === 'string') {
			if (raw.trim() === '') return {};
			try {
				value = JSON.parse(raw);
			} catch (error) {
				fail(
					ctx,
					itemIndex,
					`${displayName} (JSON) is not valid JSON: ${(error as Error).message}`,
				);
			}
		}
		if (typeof value !== 'object' || value === null || Array.isArray(value)) {
			fail(ctx, itemIndex, `${displayName} (JSON) must be an object, e.g. {"account_id": "a1"}`);
		}
		return value as IDataObject;
	}
	const pairs = ctx.getNodeParameter(`${name}.values`, itemIndex, []) as Array<{
		key?: string;
		value?: unknown;
	}>;
	const out: IDataObject = {};
	for (const [index, pair] of pairs.entries()) {
		const key = String(pair.key ?? '').trim();
		if (!key) fail(ctx, itemIndex, `${displayName}: the key of value ${index + 1} is empty`);
		if (Object.prototype.hasOwnProperty.call(out, key))
			fail(ctx, itemIndex, `${displayName}: the key "${key}" is given twice`);
		out[key] = pair.value === undefined || pair.value === null ? '' : String(pair.value);
	}
	return out;
}

/** The carrier id as BigCommerce names it (`carrier_33`), from the "Carrier ID" field. */
export function getCarrierId(ctx: IExecuteFunctions, itemIndex: number): string {
	try {
		return normalizeCarrierId(ctx.getNodeParameter('carrierId', itemIndex, ''));
	} catch (error) {
		if (error instanceof CarrierIdError) fail(ctx, itemIndex, `Carrier ID: ${error.message}`);
		throw new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
	}
}

/** A whole-number id out of a resource locator (list or ID mode). */
export function getLocatorId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	displayName: string,
): number {
	const raw = String(
		ctx.getNodeParameter(name, itemIndex, '', { extractValue: true }) ?? '',
	).trim();
	if (!raw) fail(ctx, itemIndex, `${displayName}: choose one from the list or enter its ID`);
	if (!/^\d+$/.test(raw) || Number(raw) < 1) {
		fail(ctx, itemIndex, `${displayName}: "${raw}" is not an ID (a whole number, e.g. 1)`);
	}
	return Number(raw);
}

/** `limit` when Return All is off (at least 1), else undefined. */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	if (returnAll) return undefined;
	return Math.max(1, Math.floor(Number(ctx.getNodeParameter('limit', itemIndex, 50)) || 1));
}
