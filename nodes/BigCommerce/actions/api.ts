/**
 * BigCommerce v2 shipping calls shared by the operations
 * (test/standins/specs/bigcommerce/openapi.yaml; doc URLs there):
 * - GET /shipping/zones → every zone, a plain array (no paging).
 * - GET /shipping/zones/{zone_id}/methods → the zone's methods, a plain array.
 * - POST /shipping/zones/{zone_id}/methods → 200 the method created.
 */
import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';
import { isMethodOfCarrier } from '../../../nodes/shared/bigCommerce/carriers';
import { bigCommerceRequest } from '../../../nodes/shared/bigCommerce/transport';

type Context = IExecuteFunctions | ILoadOptionsFunctions;

const asList = (value: unknown): IDataObject[] =>
	Array.isArray(value) ? (value as IDataObject[]) : [];

export const methodsPath = (zoneId: number | string) => `/shipping/zones/${zoneId}/methods`;

export async function listZones(ctx: Context, itemIndex?: number): Promise<IDataObject[]> {
	return asList(await bigCommerceRequest(ctx, 'GET', '/shipping/zones', {}, itemIndex));
}

export async function listMethods(
	ctx: Context,
	zoneId: number | string,
	itemIndex?: number,
): Promise<IDataObject[]> {
	return asList(await bigCommerceRequest(ctx, 'GET', methodsPath(zoneId), {}, itemIndex));
}

/** The body of a carrier's shipping method (`type` = the carrier id, options in `settings.carrier_options`). */
export interface CarrierMethodInput {
	carrierId: string;
	name: string;
	carrierOptions: IDataObject;
	enabled: boolean;
}

export function carrierMethodBody(input: CarrierMethodInput): IDataObject {
	return {
		name: input.name,
		type: input.carrierId,
		settings: { carrier_options: input.carrierOptions },
		enabled: input.enabled,
	};
}

export interface EnsuredMethod {
	method: IDataObject;
	/** false when a method of the carrier was already in the zone (then nothing was sent). */
	created: boolean;
}

/**
 * The carrier's method in a zone: the first existing one (lowest id) when `keepExisting`, else a
 * new one (POST).
 */
export async function ensureCarrierMethod(
	ctx: IExecuteFunctions,
	zoneId: number | string,
	input: CarrierMethodInput,
	keepExisting: boolean,
	itemIndex: number,
): Promise<EnsuredMethod> {
	if (keepExisting) {
		const existing = (await listMethods(ctx, zoneId, itemIndex))
			.filter((method) => isMethodOfCarrier(method, input.carrierId))
			.sort((a, b) => Number(a.id) - Number(b.id))[0];
		if (existing) return { method: existing, created: false };
	}
	const method = await bigCommerceRequest<IDataObject>(
		ctx,
		'POST',
		methodsPath(zoneId),
		{ body: carrierMethodBody(input) },
		itemIndex,
	);
	return { method: method ?? {}, created: true };
}
