/**
 * Money in ISO 4217 minor units (integers). Sums and rules work on integers only;
 * decimals appear at the edges (parsing a platform's "15.5", formatting HighLevel's `amount`).
 *
 * Source: ISO 4217 currency table (minor unit exponents), https://www.iso.org/iso-4217-currency-codes.html
 */

/** Currencies whose minor-unit exponent is not 2. Everything else uses 2. */
const EXPONENTS: Readonly<Record<string, number>> = {
	BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0,
	UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
	BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
	CLF: 4, UYW: 4,
};

/** Number of decimal places of a currency's minor unit (e.g. USD 2, JPY 0, KWD 3). */
export function currencyExponent(currency: string): number {
	return EXPONENTS[normalizeCurrency(currency)] ?? 2;
}

/** Upper-cases and checks a three-letter ISO 4217 code. Throws on anything else. */
export function normalizeCurrency(currency: string): string {
	const code = String(currency ?? '').trim().toUpperCase();
	if (!/^[A-Z]{3}$/.test(code)) {
		throw new RangeError(`currency must be a three-letter ISO 4217 code, got "${currency}"`);
	}
	return code;
}

/**
 * Converts a decimal amount in major units (number or numeric string, e.g. 15.5 or "15.50")
 * into integer minor units (1550 for USD). Rounds half away from zero at the minor unit.
 * Parsing a string avoids binary float error ("0.29" → 29, not 28.999…).
 * Throws RangeError on a non-numeric or non-finite amount.
 */
export function toMinorUnits(amount: number | string, currency: string): number {
	const exponent = currencyExponent(currency);
	const text = typeof amount === 'number' ? numberToPlainString(amount) : String(amount).trim();
	const match = /^([+-])?(\d*)(?:\.(\d*))?$/.exec(text);
	if (!match || (match[2] === '' && (match[3] ?? '') === '')) {
		throw new RangeError(`amount must be a decimal number, got "${amount}"`);
	}
	const sign = match[1] === '-' ? -1 : 1;
	const whole = match[2] || '0';
	const fraction = match[3] ?? '';
	const kept = (fraction + '0'.repeat(exponent)).slice(0, exponent);
	const nextDigit = fraction.length > exponent ? Number(fraction[exponent]) : 0;
	let minor = Number(whole) * 10 ** exponent + Number(kept || '0');
	if (nextDigit >= 5) minor += 1;
	if (!Number.isSafeInteger(minor)) throw new RangeError(`amount out of range: "${amount}"`);
	return sign * minor === 0 ? 0 : sign * minor;
}

/** Converts integer minor units back to a decimal number in major units (1550 USD → 15.5). */
export function fromMinorUnits(minor: number, currency: string): number {
	assertMinor(minor);
	const exponent = currencyExponent(currency);
	return Number((minor / 10 ** exponent).toFixed(exponent));
}

/** Formats minor units as a fixed-point string in major units (1550 USD → "15.50"). */
export function formatMinorUnits(minor: number, currency: string): string {
	assertMinor(minor);
	const exponent = currencyExponent(currency);
	const negative = minor < 0;
	const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
	const text = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
	return negative ? `-${text}` : text;
}

/** Sums integer minor-unit amounts; throws if any is not a safe integer. */
export function sumMinor(values: readonly number[]): number {
	let total = 0;
	for (const value of values) {
		assertMinor(value);
		total += value;
	}
	assertMinor(total);
	return total;
}

/** Percentage of an amount in minor units, rounded half away from zero (1550 × 10 % → 155). */
export function percentOfMinor(minor: number, percent: number): number {
	assertMinor(minor);
	if (!Number.isFinite(percent)) throw new RangeError(`percent must be finite, got ${percent}`);
	const raw = (minor * percent) / 100;
	return Math.sign(raw) * Math.round(Math.abs(raw) + Number.EPSILON * Math.abs(raw));
}

function assertMinor(value: number): void {
	if (!Number.isSafeInteger(value)) {
		throw new RangeError(`minor-unit amount must be a safe integer, got ${value}`);
	}
}

function numberToPlainString(value: number): string {
	if (!Number.isFinite(value)) throw new RangeError(`amount must be finite, got ${value}`);
	// toPrecision(15) drops float noise (0.1 + 0.2 → "0.300000000000000"); expand exponents.
	const text = Number(value.toPrecision(15)).toString();
	if (!/e/i.test(text)) return text;
	return value.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}
