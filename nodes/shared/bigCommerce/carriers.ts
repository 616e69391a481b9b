/**
 * BigCommerce carrier ids and the signed URLs a carrier app registers with BigCommerce.
 *
 * A carrier registered through the Shipping Provider API has an id like `33`; BigCommerce names it
 * `carrier_33` in the carrier connection (`carrier_id`) and as the type of its shipping methods
 * (https://developer.bigcommerce.com/docs/integrations/shipping, "Connecting the carrier" and
 * "Creating shipping methods"). Built-in carriers keep their names (`fedex`, `royalmail`, …).
 */
import { signLocation } from '../signatures/callbackToken';

/** Thrown for a value that is not a carrier id; the message names what was given. */
export class CarrierIdError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CarrierIdError';
	}
}

/**
 * The carrier id BigCommerce uses: `33` and `carrier_33` both give `carrier_33`; a built-in
 * carrier name (letters, digits, `_`) is kept in lower case. Throws CarrierIdError otherwise.
 */
export function normalizeCarrierId(input: unknown): string {
	const value = String(input ?? '')
		.trim()
		.toLowerCase();
	if (/^\d+$/.test(value)) return `carrier_${value}`;
	if (/^carrier_\d+$/.test(value)) return value;
	if (/^[a-z][a-z0-9_]*$/.test(value) && !value.startsWith('carrier_')) return value;
	throw new CarrierIdError(
		value
			? `"${String(input).trim()}" is not a carrier id (e.g. 33 or carrier_33)`
			: 'it is empty (e.g. 33 or carrier_33)',
	);
}

/** Whether a shipping method (`{type}`) belongs to the carrier (`carrier_33`). */
export function isMethodOfCarrier(
	method: { type?: unknown } | null | undefined,
	carrierId: string,
): boolean {
	return String(method?.type ?? '').toLowerCase() === carrierId;
}

/** Path segment of the Shipping Rates Trigger's quote webhook and of its connection check. */
export const QUOTE_PATH_SEGMENT = 'rates';
export const CHECK_CONNECTION_PATH_SEGMENT = 'check-connection';

/** Thrown by `signBigCommerceUrls` for a URL or secret it cannot sign; the message names the value. */
export class CallbackUrlError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CallbackUrlError';
	}
}

export interface SignedBigCommerceUrls {
	/** Register as the carrier's Quote URL. */
	quoteUrl: string;
	/** Register as the carrier's Check Connection Options URL. */
	checkConnectionUrl: string;
}

function parseUrl(text: string): URL | undefined {
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
}

/**
 * The Quote URL and the Check Connection Options URL of a store, from the trigger's Production URL
 * (`…/webhook/<id>/rates`): both get `?loc=<storeHash>&t=<token>` (token: `signLocation` of
 * nodes/shared/signatures/callbackToken.ts with `secret`); the check URL ends in
 * `/check-connection` instead of `/rates`. Throws CallbackUrlError (message without the field name)
 * for a URL that is not http(s) or whose last path segment is not `rates`, and for an empty secret.
 */
export function signBigCommerceUrls(
	productionUrl: string,
	secret: string,
	storeHash: string,
): SignedBigCommerceUrls {
	const url = parseUrl(productionUrl.trim());
	if (!url) throw new CallbackUrlError(`"${productionUrl}" is not a URL`);
	if (url.protocol !== 'https:' && url.protocol !== 'http:')
		throw new CallbackUrlError(`"${productionUrl}" is not an http(s) URL`);
	const segments = url.pathname.replace(/\/+$/, '').split('/');
	if (segments[segments.length - 1] !== QUOTE_PATH_SEGMENT) {
		throw new CallbackUrlError(
			`"${productionUrl}" does not end in /${QUOTE_PATH_SEGMENT}: use the Shipping Rates Trigger's Production URL`,
		);
	}
	if (!secret) throw new CallbackUrlError('the signing secret is empty');
	const token = signLocation(secret, storeHash);
	const signed = (pathname: string) => {
		const out = new URL(url.href);
		out.pathname = pathname;
		out.searchParams.set('loc', storeHash);
		out.searchParams.set('t', token);
		return out.href;
	};
	const quotePath = segments.join('/');
	segments[segments.length - 1] = CHECK_CONNECTION_PATH_SEGMENT;
	return { quoteUrl: signed(quotePath), checkConnectionUrl: signed(segments.join('/')) };
}
