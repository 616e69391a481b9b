/**
 * Rate Quote → Get Rates: the live-rates step. One canonical rate request in, one item out:
 *
 *   { ...item.json, request, quotes: RateQuote[], errors: string[], cached, shipmentId }
 *
 * Shippo call: `POST /shipments` with `async: false` (operationId `CreateShipment`); with a user
 * parcel template also `GET /user-parcel-templates/{UserParcelTemplateObjectId}`
 * (`GetUserParcelTemplate`). Quotes carry money in integer minor units of their currency.
 *
 * Deadline: when the item carries `deadlineAt` (epoch ms, set by the Shipping Rates Trigger), the
 * request timeout is `min(Timeout, deadlineAt - now - 150 ms)`; with no time left Shippo is not
 * called at all. Carrier errors either give `quotes: []` + the message in `errors` (fail open,
 * default) or stop the workflow. Answers with at least one quote are cached in memory (Cache TTL).
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import get from 'lodash/get';
import type { Address, LengthUnit, RateQuote, RateRequest, WeightUnit } from '../../../shared/core';
import {
	AddressSchema,
	RateRequestSchema,
	describeZodError,
	parseLengthUnit,
	toMillimetres,
} from '../../../shared/core';
import type { ParcelShape, ShippoShipment } from '../../../shared/shippo/mapping';
import {
	SHIPPO_DISTANCE_UNITS,
	ShippoMappingError,
	describeShippoMessages,
	filterQuotesByService,
	toRateQuotes,
	toShippoShipmentBody,
} from '../../../shared/shippo/mapping';
import { RateCache, rateCacheKey } from '../../../shared/cache/rateCache';
import { shippoApiRequest } from '../../../shared/shippo/transport';
import { addressFields } from '../common.descriptions';
import {
	addressFromUi,
	credentialFingerprint,
	parseList,
	runPerItem,
	toNodeError,
} from '../../helpers/utils';

/** Time kept back from the deadline for the rest of the workflow to answer, in ms. */
export const DEADLINE_SAFETY_MARGIN_MS = 150;

/** What a cache entry holds: the carrier's answer before the service filter. */
export interface CachedRates {
	quotes: RateQuote[];
	errors: string[];
	shipmentId: string | null;
}

/** Process-wide caches (in memory only; a miss just asks Shippo). */
export const shippoRateCache = new RateCache<CachedRates>({ maxEntries: 500 });
export const userParcelTemplateCache = new RateCache<ParcelShape>({ maxEntries: 100 });

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
					'How long an answer with quotes is reused for an identical request, in seconds (in memory, per n8n process). 0 turns the cache off.',
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
					'Request timeout in milliseconds. With deadlineAt on the item, min(timeout, deadlineAt - now - 150 ms) is used.',
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

interface GetRatesOptions {
	cacheTtl?: number;
	distanceUnit?: LengthUnit;
	metadata?: string;
	rateRequestField?: string;
	serviceFilter?: string;
	timeout?: number;
	weightUnit?: WeightUnit;
}

type ParcelSetting =
	| { kind: 'items' }
	| { kind: 'carrierTemplate'; token: string }
	| { kind: 'userTemplate'; id: string };

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	let fingerprint: string | undefined;
	const getFingerprint = async () => (fingerprint ??= await credentialFingerprint(this));
	// On continue-on-fail the input passes through (deadlineAt, fallbackRates, …) next to `error`.
	return await runPerItem(
		this,
		items,
		async (i) => [await getRatesForItem.call(this, items[i], i, getFingerprint)],
		(i) => ({ ...items[i].json }),
	);
}

async function getRatesForItem(
	this: IExecuteFunctions,
	item: INodeExecutionData,
	i: number,
	getFingerprint: () => Promise<string>,
): Promise<IDataObject> {
	const options = this.getNodeParameter('options', i, {}) as GetRatesOptions;
	const onCarrierError = this.getNodeParameter('onCarrierError', i, 'failOpen') as string;
	const request = readRateRequest.call(this, item, i, options.rateRequestField);
	const origin = request.origin ? undefined : readOriginOverride.call(this, i);
	if (!request.origin && !origin) {
		throw new NodeOperationError(
			this.getNode(),
			'origin: the rate request has no origin; set Origin Override',
			{ itemIndex: i },
		);
	}
	const parcel = readParcelSetting.call(this, i);
	const carrierAccounts = parseList(this.getNodeParameter('carrierAccounts', i, []));
	const packagingGrams = Number(this.getNodeParameter('packagingWeightGrams', i, 0)) || 0;
	const defaultBox =
		parcel.kind === 'items'
			? {
					lengthMm: toMillimetres(Number(this.getNodeParameter('defaultBoxLengthCm', i, 30)), 'cm'),
					widthMm: toMillimetres(Number(this.getNodeParameter('defaultBoxWidthCm', i, 20)), 'cm'),
					heightMm: toMillimetres(Number(this.getNodeParameter('defaultBoxHeightCm', i, 10)), 'cm'),
				}
			: undefined;
	const massUnit = options.weightUnit ?? 'g';
	const distanceUnit = options.distanceUnit ?? 'cm';
	const metadata = options.metadata?.trim() || undefined;
	const serviceFilter = parseList(options.serviceFilter);
	const ttlMs = Math.max(0, Number(options.cacheTtl ?? 300)) * 1000;
	const timeout = Math.max(1, Number(options.timeout ?? 10000));
	const deadlineAt = readDeadline(item.json.deadlineAt);

	const output = (answer: CachedRates, cached: boolean): IDataObject => ({
		...item.json,
		request,
		quotes: filterQuotesByService(answer.quotes, serviceFilter),
		errors: answer.errors,
		cached,
		shipmentId: answer.shipmentId,
	});

	// 1. Cache (only answers that held quotes are stored).
	let cacheKey: string | undefined;
	if (ttlMs > 0) {
		cacheKey = rateCacheKey({
			v: 1,
			account: await getFingerprint(),
			request,
			origin,
			parcel,
			defaultBox,
			packagingGrams,
			massUnit,
			distanceUnit,
			carrierAccounts,
			metadata,
		});
		const hit = shippoRateCache.get(cacheKey);
		if (hit) return output(hit, true);
	}

	// 2. Time budget for each Shippo call.
	const budget = (): number =>
		deadlineAt === undefined
			? timeout
			: Math.min(timeout, deadlineAt - Date.now() - DEADLINE_SAFETY_MARGIN_MS);

	const carrierFailure = (message: string, error?: unknown): IDataObject => {
		if (onCarrierError === 'stop') {
			throw error ?? new NodeOperationError(this.getNode(), message, { itemIndex: i });
		}
		return output({ quotes: [], errors: [message], shipmentId: null }, false);
	};

	// 3. Ask Shippo.
	let shipment: ShippoShipment;
	try {
		const shape = await resolveParcelShape.call(this, parcel, i, budget, getFingerprint, ttlMs);
		const body = toShippoShipmentBody(request, {
			parcel: shape,
			defaultBox,
			packagingGrams,
			massUnit,
			distanceUnit,
			origin,
			carrierAccounts,
			metadata,
		});
		const timeLeft = budget();
		if (timeLeft <= 0) throw new DeadlineExceeded();
		shipment = await shippoApiRequest<ShippoShipment>(this, {
			method: 'POST',
			endpoint: '/shipments',
			body: body as unknown as IDataObject,
			itemIndex: i,
			timeout: timeLeft,
		});
	} catch (error) {
		if (error instanceof ShippoMappingError) {
			// A request Shippo would refuse is an input problem, not a carrier failure.
			throw new NodeOperationError(this.getNode(), error.message, { itemIndex: i });
		}
		if (error instanceof DeadlineExceeded) {
			return carrierFailure(
				`No time left before the deadline (deadlineAt ${deadlineAt}); Shippo was not called`,
			);
		}
		return carrierFailure((error as Error).message, toNodeError(this, error, i));
	}

	// 4. Map the answer.
	const mapped = toRateQuotes(shipment.rates, { preferCurrency: request.currency });
	const errors = [...describeShippoMessages(shipment.messages), ...mapped.errors];
	if (shipment.status && shipment.status !== 'SUCCESS') {
		errors.push(`Shippo shipment status ${shipment.status}: rates may be incomplete`);
	}
	const answer: CachedRates = {
		quotes: mapped.quotes,
		errors,
		shipmentId: shipment.object_id ?? null,
	};
	if (cacheKey && answer.quotes.length > 0) shippoRateCache.set(cacheKey, answer, ttlMs);
	return output(answer, false);
}

class DeadlineExceeded extends Error {
	constructor() {
		super('deadline exceeded');
		this.name = 'DeadlineExceeded';
	}
}

function readRateRequest(
	this: IExecuteFunctions,
	item: INodeExecutionData,
	i: number,
	field: string | undefined,
): RateRequest {
	const path = field?.trim();
	const raw: unknown = path ? get(item.json, path) : item.json;
	if (raw === undefined || raw === null) {
		throw new NodeOperationError(
			this.getNode(),
			`Rate Request Field "${path}" is not on the input item`,
			{ itemIndex: i },
		);
	}
	const parsed = RateRequestSchema.safeParse(raw);
	if (!parsed.success) {
		throw new NodeOperationError(
			this.getNode(),
			`Invalid rate request: ${describeZodError(parsed.error)}`,
			{
				itemIndex: i,
				description:
					'The input must be a canonical rate request (destination, items with unitWeightGrams and unitPriceMinor, currency), as the Shipping Rates Trigger outputs',
			},
		);
	}
	return parsed.data;
}

function readOriginOverride(this: IExecuteFunctions, i: number): Address | undefined {
	const values = this.getNodeParameter('originOverride.address', i, {}) as IDataObject;
	const address = addressFromUi(values);
	if (!address) return undefined;
	const { zip, ...rest } = address;
	const parsed = AddressSchema.safeParse({ ...rest, postalCode: zip });
	if (!parsed.success) {
		throw new NodeOperationError(
			this.getNode(),
			`Origin Override: ${describeZodError(parsed.error)}`,
			{ itemIndex: i },
		);
	}
	return parsed.data;
}

function readParcelSetting(this: IExecuteFunctions, i: number): ParcelSetting {
	const source = this.getNodeParameter('parcelSource', i, 'items') as string;
	if (source === 'carrierTemplate') {
		const token = String(this.getNodeParameter('carrierParcelTemplate', i, '')).trim();
		if (!token) {
			throw new NodeOperationError(this.getNode(), 'Carrier Parcel Template Token is empty', {
				itemIndex: i,
			});
		}
		return { kind: 'carrierTemplate', token };
	}
	if (source === 'userTemplate') {
		const id = String(
			this.getNodeParameter('userParcelTemplate', i, '', { extractValue: true }),
		).trim();
		if (!id) {
			throw new NodeOperationError(this.getNode(), 'User Parcel Template is empty', {
				itemIndex: i,
			});
		}
		return { kind: 'userTemplate', id };
	}
	return { kind: 'items' };
}

/** Resolves a user parcel template to a box (or its carrier template token); cached like rates. */
async function resolveParcelShape(
	this: IExecuteFunctions,
	parcel: ParcelSetting,
	i: number,
	budget: () => number,
	getFingerprint: () => Promise<string>,
	ttlMs: number,
): Promise<ParcelShape> {
	if (parcel.kind !== 'userTemplate') return parcel;
	const key = ttlMs > 0 ? rateCacheKey({ account: await getFingerprint(), template: parcel.id }) : '';
	const cached = key ? userParcelTemplateCache.get(key) : undefined;
	if (cached) return cached;
	const timeLeft = budget();
	if (timeLeft <= 0) throw new DeadlineExceeded();
	const template = await shippoApiRequest<IDataObject>(this, {
		method: 'GET',
		endpoint: `/user-parcel-templates/${encodeURIComponent(parcel.id)}`,
		itemIndex: i,
		timeout: timeLeft,
	});
	const shape = parcelShapeFromTemplate(template, parcel.id);
	if (key) userParcelTemplateCache.set(key, shape, ttlMs);
	return shape;
}

/** Spec `UserParcelTemplate` → box in its own unit, else its carrier template token. */
export function parcelShapeFromTemplate(template: IDataObject, id: string): ParcelShape {
	const length = Number(template.length);
	const width = Number(template.width);
	const height = Number(template.height);
	if (
		template.distance_unit &&
		[length, width, height].every((value) => Number.isFinite(value) && value > 0)
	) {
		return {
			kind: 'box',
			length,
			width,
			height,
			unit: parseLengthUnit(String(template.distance_unit)),
		};
	}
	const carrierTemplate = template.template as IDataObject | undefined;
	if (carrierTemplate && typeof carrierTemplate.token === 'string' && carrierTemplate.token) {
		return { kind: 'carrierTemplate', token: carrierTemplate.token };
	}
	throw new ShippoMappingError(
		`user parcel template ${id} has neither dimensions nor a carrier template`,
	);
}

function readDeadline(value: unknown): number | undefined {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}
