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
 * request timeout is `min(Timeout, deadlineAt - now - 400 ms)`; with no time left Shippo is not
 * called at all. Carrier errors either give `quotes: []` + the message in `errors` (fail open,
 * default) or stop the workflow. Once the deadline has passed (the trigger's guard has answered the
 * callback), Shippo is not called: the execution ends early with no quotes.
 *
 * Cache: answers with at least one quote are kept in memory (Cache TTL), keyed on what Shippo
 * prices (shared/shippo/quoteCache.ts), so carts with other items but the same parcel share them.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import get from 'lodash/get';
import type { Address, LengthUnit, RateRequest, WeightUnit } from '../../../../nodes/shared/core';
import {
	AddressSchema,
	RateRequestSchema,
	describeZodError,
	parseLengthUnit,
	toMillimetres,
} from '../../../../nodes/shared/core';
import type { ParcelShape, ShippoShipment, ShippoShipmentBody } from '../../../../nodes/shared/shippo/mapping';
import {
	ShippoMappingError,
	describeShippoMessages,
	filterQuotesByService,
	toRateQuotes,
	toShippoShipmentBody,
} from '../../../../nodes/shared/shippo/mapping';
import { RateCache, rateCacheKey } from '../../../../nodes/shared/cache/rateCache';
import type { CachedRates } from '../../../../nodes/shared/shippo/quoteCache';
import { carrierQuoteCacheKey, shippoRateCache } from '../../../../nodes/shared/shippo/quoteCache';
import { callbackAnswered, readDeadline } from '../../../../nodes/shared/liveRates/deadline';
import { shippoApiRequest } from '../../../../nodes/shared/shippo/transport';
import {
	addressFromUi,
	credentialFingerprint,
	parseList,
	runPerItem,
	toNodeError,
} from '../../helpers/utils';

export { description } from './getRates.description';

/**
 * Time kept back from the deadline for the rest of the workflow to answer, in ms: the guard
 * answers FALLBACK_LEAD_MS (250 ms) before the deadline, and the Response node needs the rest.
 */
export const DEADLINE_SAFETY_MARGIN_MS = 400;

/** Process-wide caches (in memory only; a miss just asks Shippo). */
export { shippoRateCache };
export type { CachedRates };
export const userParcelTemplateCache = new RateCache<ParcelShape>({ maxEntries: 100 });

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

	// 1. Time budget for each Shippo call.
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
	const deadlineOrCarrierFailure = (error: unknown): IDataObject =>
		error instanceof DeadlineExceeded
			? carrierFailure(
					`No time left before the deadline (deadlineAt ${deadlineAt}); Shippo was not called`,
				)
			: carrierFailure((error as Error).message, toNodeError(this, error, i));

	// 2. The shipment Shippo would price, then the carrier-quote cache keyed on what it prices
	//    (only answers that held quotes are stored).
	let body: ShippoShipmentBody;
	let cacheKey: string | undefined;
	try {
		const shape = await resolveParcelShape.call(this, parcel, i, budget, getFingerprint, ttlMs);
		body = toShippoShipmentBody(request, {
			parcel: shape,
			defaultBox,
			packagingGrams,
			massUnit,
			distanceUnit,
			origin,
			carrierAccounts,
			metadata,
		});
		if (ttlMs > 0) {
			cacheKey = carrierQuoteCacheKey(await getFingerprint(), body, request.currency);
			const hit = shippoRateCache.get(cacheKey);
			if (hit) return output(hit, true);
		}
	} catch (error) {
		if (error instanceof ShippoMappingError) {
			// A request Shippo would refuse is an input problem, not a carrier failure.
			throw new NodeOperationError(this.getNode(), error.message, { itemIndex: i });
		}
		return deadlineOrCarrierFailure(error);
	}

	// 3. An execution whose callback was already answered (deadline passed) does no carrier work.
	if (callbackAnswered(item.json)) {
		return carrierFailure('The callback was already answered (deadline passed); Shippo was not called');
	}

	// 4. Ask Shippo.
	let shipment: ShippoShipment;
	try {
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
		return deadlineOrCarrierFailure(error);
	}

	// 5. Map the answer.
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
