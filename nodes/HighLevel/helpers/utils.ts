/**
 * Input parsing and error helpers for the HighLevel node. Bad input becomes a NodeOperationError
 * with the item index whose message starts with the field's display name.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { resolveLocationId } from '../../../nodes/shared/highlevel/transport';
import { isHighLevelNotFound } from '../../../nodes/shared/highlevel/carriers';

/** Shared by the action nodes (nodes/shared/actions/fields.ts). */
import { fail } from '../../../nodes/shared/actions/fields';

export { fail };

export interface CarrierService {
	name: string;
	value: string;
}

export interface ZoneCountry {
	code: string;
	states?: Array<{ code: string }>;
}

/** The shared error normaliser (nodes/shared/actions/router.ts). */
export { asNodeError } from '../../../nodes/shared/actions/router';

/** Whether a failed HighLevel call means "no such record" (HTTP 404, or a "not found" message). */
export const isNotFoundError = isHighLevelNotFound;

/** The location to act on: the node's "Location ID", else the credential's. */
export async function getLocationId(ctx: IExecuteFunctions, itemIndex: number): Promise<string> {
	const explicit = ctx.getNodeParameter('locationId', itemIndex, '') as string;
	return await resolveLocationId(ctx, explicit, itemIndex);
}

/** Value of a resource locator parameter (list or ID mode), required. */
export function getResourceId(
	ctx: IExecuteFunctions,
	name: string,
	displayName: string,
	itemIndex: number,
): string {
	const value = ctx.getNodeParameter(name, itemIndex, '', { extractValue: true });
	const id = String(value ?? '').trim();
	if (!id) fail(ctx, itemIndex, `${displayName}: choose one from the list or enter its ID`);
	return id;
}

export function requireText(
	ctx: IExecuteFunctions,
	itemIndex: number,
	displayName: string,
	value: unknown,
): string {
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (!text) fail(ctx, itemIndex, `${displayName}: enter a value`);
	return text;
}

/** An absolute http(s) URL (HighLevel: "This must be a public URL"). */
export function parseCallbackUrl(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
): string {
	const text = requireText(ctx, itemIndex, 'Callback URL', value);
	let url: URL | undefined;
	try {
		url = new URL(text);
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
		fail(
			ctx,
			itemIndex,
			`Callback URL: "${text}" is not an absolute http(s) URL (e.g. https://n8n.example.com/webhook/rates)`,
		);
	}
	return text;
}

/** An absolute http(s) URL (e.g. a tracking link); the message names the field. */
export function parseHttpUrl(
	ctx: IExecuteFunctions,
	itemIndex: number,
	displayName: string,
	value: string,
): string {
	let url: URL | undefined;
	try {
		url = new URL(value);
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
		fail(ctx, itemIndex, `${displayName}: "${value}" is not an absolute http(s) URL`);
	}
	return value;
}

/** The URL without its query string and fragment, for "same URL ignoring query" matching. */
export function urlWithoutQuery(value: string): string {
	return String(value ?? '').split(/[?#]/)[0];
}

/** A 3-letter ISO 4217 code, upper-cased. */
export function parseCurrency(ctx: IExecuteFunctions, itemIndex: number, value: unknown): string {
	const text = String(value ?? '')
		.trim()
		.toUpperCase();
	if (!/^[A-Z]{3}$/.test(text)) {
		fail(
			ctx,
			itemIndex,
			`Currency: "${String(value ?? '')}" is not a 3-letter ISO 4217 code (e.g. USD)`,
		);
	}
	return text;
}

/** A finite number ≥ 0 (money in major units, condition bounds, percentages). */
export function parseNonNegative(
	ctx: IExecuteFunctions,
	itemIndex: number,
	displayName: string,
	value: unknown,
	hint: string,
): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number) || number < 0) {
		fail(ctx, itemIndex, `${displayName}: "${String(value)}" is not a number ≥ 0 (${hint})`);
	}
	return number;
}

/** `minCondition`/`maxCondition`: 0 means no bound; a non-zero max must not be below the min. */
export function checkConditionRange(
	ctx: IExecuteFunctions,
	itemIndex: number,
	minCondition: number,
	maxCondition: number,
): void {
	if (maxCondition > 0 && maxCondition < minCondition) {
		fail(
			ctx,
			itemIndex,
			`Max Condition: ${maxCondition} is below Min Condition ${minCondition} (use 0 for no maximum)`,
		);
	}
}

/** Rows of a fixed collection (`{key: [...]}` or `{key: {...}}`) or of a plain array (expression). */
export const asList = (value: unknown, key: string): IDataObject[] => {
	if (Array.isArray(value)) return value as IDataObject[];
	if (value && typeof value === 'object') {
		const inner = (value as IDataObject)[key];
		if (Array.isArray(inner)) return inner as IDataObject[];
		if (inner && typeof inner === 'object') return [inner as IDataObject];
	}
	return [];
};

/**
 * `{service: [{name, value}]}` (fixed collection) or a plain `[{name, value}]` array (expression)
 * → `[{name, value}]`; both parts are required for every row.
 */
export function parseServices(
	ctx: IExecuteFunctions,
	itemIndex: number,
	displayName: string,
	value: unknown,
): CarrierService[] {
	return asList(value, 'service').map((row, index) => {
		const name = String(row.name ?? '').trim();
		const code = String(row.value ?? '').trim();
		if (!name || !code) {
			fail(
				ctx,
				itemIndex,
				`${displayName}: service ${index + 1} needs both a Name and a Value (e.g. Priority Mail / PriorityMail)`,
			);
		}
		return { name, value: code };
	});
}

/**
 * `{country: [{code, states: "CA, NY"}]}` (fixed collection) or `[{code, states: [...]}]`
 * (expression) → `[{code, states?: [{code}]}]` with upper-cased ISO codes; rows without a code
 * are skipped. `required`: at least one country must be given.
 */
export function parseCountries(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	required: boolean,
): ZoneCountry[] {
	const rows = asList(value, 'country');
	const countries = rows
		.filter((row) => String(row.code ?? '').trim() !== '')
		.map((row) => {
			const raw = String(row.code).trim();
			const code = raw.toUpperCase();
			if (!/^[A-Z]{2}$/.test(code)) {
				fail(
					ctx,
					itemIndex,
					`Countries: "${raw}" is not an ISO 3166-1 alpha-2 country code (e.g. US)`,
				);
			}
			const stateCodes = (
				Array.isArray(row.states)
					? (row.states as unknown[]).map((state) =>
							typeof state === 'object' && state !== null ? (state as IDataObject).code : state,
						)
					: String(row.states ?? '').split(',')
			)
				.map((state) =>
					String(state ?? '')
						.trim()
						.toUpperCase(),
				)
				.filter((state) => state !== '');
			for (const state of stateCodes) {
				if (!/^[A-Z0-9]{1,3}(-[A-Z0-9]{1,3})?$/.test(state)) {
					fail(
						ctx,
						itemIndex,
						`Countries: "${state}" (country ${code}) is not a state code (e.g. CA, NSW, CR-SJ)`,
					);
				}
			}
			const country: ZoneCountry = { code };
			if (stateCodes.length) country.states = stateCodes.map((state) => ({ code: state }));
			return country;
		});
	if (required && countries.length === 0) {
		fail(ctx, itemIndex, 'Countries: add at least one country code (ISO 3166-1 alpha-2, e.g. US)');
	}
	return countries;
}

/** The record inside HighLevel's `{status, message, data}` envelope (or the body itself). */
export function unwrapData(response: IDataObject | undefined): IDataObject {
	const data = response?.data;
	if (data && typeof data === 'object' && !Array.isArray(data)) return data as IDataObject;
	return response ?? {};
}

/** The array inside `{data: [...]}` (or `[]`). */
export function unwrapList(response: IDataObject | undefined): IDataObject[] {
	return Array.isArray(response?.data) ? (response.data as IDataObject[]) : [];
}

/** Record id: HighLevel returns `_id`; tolerate `id`. */
export function idOf(record: IDataObject | undefined): string {
	return String(record?._id ?? record?.id ?? '');
}
