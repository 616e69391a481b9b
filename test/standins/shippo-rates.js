'use strict';
/**
 * The Shippo stand-in's catalogue (carrier accounts, carrier parcel templates, service levels) and
 * its rate formula `shippoRatesFor(shipmentBody)`: pure and deterministic, so tests can compute the
 * rates a `POST /shipments` (test/standins/specs/shippo/public-api.yaml, `Rate` schema) will answer.
 */

// prettier-ignore
const CARRIER_ACCOUNTS = [
	{ object_id: 'b741b99f95e841639b54272834bc478c', carrier: 'usps', carrier_name: 'USPS', account_id: 'shippo_usps_account', is_shippo_account: true, active: true },
	{ object_id: 'd2ed2a63bef746218a32e15450ece9d9', carrier: 'ups', carrier_name: 'UPS', account_id: 'shippo_ups_account', is_shippo_account: true, active: true },
	{ object_id: 'f4c8b3e2a1d94f0c9e7b6a5d4c3b2a10', carrier: 'ups', carrier_name: 'UPS', account_id: 'H84X21', is_shippo_account: false, active: false },
];
const ACCOUNT = { USPS: CARRIER_ACCOUNTS[0].object_id, UPS: CARRIER_ACCOUNTS[1].object_id };

// Dimensions as in the spec's ParcelTemplate*Enum tables.
// prettier-ignore
const CARRIER_TEMPLATES = [
	{ token: 'USPS_SmallFlatRateBox', name: 'Small Flat Rate Box', carrier: 'USPS', length: '8.69', width: '5.44', height: '1.75', distance_unit: 'in' },
	{ token: 'USPS_MediumFlatRateBox1', name: 'Medium Flat Rate Box 1', carrier: 'USPS', length: '11.25', width: '8.75', height: '6.00', distance_unit: 'in' },
	{ token: 'USPS_FlatRateEnvelope', name: 'Flat Rate Envelope', carrier: 'USPS', length: '12.50', width: '9.50', height: '0.75', distance_unit: 'in' },
	{ token: 'UPS_Box_10kg', name: 'Box 10kg', carrier: 'UPS', length: '410.00', width: '335.00', height: '265.00', distance_unit: 'mm' },
	{ token: 'UPS_Express_Box', name: 'Express Box', carrier: 'UPS', length: '460.00', width: '315.00', height: '95.00', distance_unit: 'mm' },
	{ token: 'FedEx_Box_Small_1', name: 'FedEx® Small Box (S1)', carrier: 'FedEx', length: '12.38', width: '10.88', height: '1.50', distance_unit: 'in' },
].map((t) => ({ ...t, is_variable_dimensions: false }));

/**
 * Service levels. Price in USD = base + perLb * (billable lb - 1) + perZone * (zone - 1), rounded
 * to cents; billable lb = max(1, ceil(total parcel weight in lb)). `days(zone)` = estimated_days.
 * `only`: destination countries the service is offered to.
 */
// prettier-ignore
const DOMESTIC = [
	{ provider: 'USPS', token: 'usps_ground_advantage', name: 'Ground Advantage', base: 5.4, perLb: 0.9, perZone: 0.35, days: (z) => (z <= 2 ? 2 : z <= 5 ? 3 : 5) },
	{ provider: 'USPS', token: 'usps_priority', name: 'Priority Mail', base: 8.7, perLb: 1.35, perZone: 0.55, days: (z) => (z <= 4 ? 2 : 3) },
	{ provider: 'USPS', token: 'usps_priority_express', name: 'Priority Mail Express', base: 28.75, perLb: 2.6, perZone: 1.1, days: (z) => (z <= 7 ? 1 : 2) },
	{ provider: 'UPS', token: 'ups_ground', name: 'Ground', base: 10.2, perLb: 1.05, perZone: 0.6, days: (z) => Math.min(5, Math.max(1, z - 1)) },
	{ provider: 'UPS', token: 'ups_second_day_air', name: '2nd Day Air', base: 21.4, perLb: 2.25, perZone: 0.95, days: () => 2 },
];
// prettier-ignore
const INTERNATIONAL = [
	{ provider: 'USPS', token: 'usps_priority_mail_international', name: 'Priority Mail International', base: 45.5, perLb: 3.4, perZone: 2, days: () => 8 },
	{ provider: 'USPS', token: 'usps_priority_mail_express_international', name: 'Priority Mail Express International', base: 62.9, perLb: 4.1, perZone: 2.5, days: () => 5 },
	{ provider: 'UPS', token: 'ups_saver', name: 'Worldwide Saver', base: 78, perLb: 5.6, perZone: 3, days: () => 3 },
	{ provider: 'UPS', token: 'ups_standard', name: 'Standard', base: 28, perLb: 2.4, perZone: 1.5, days: () => 5, only: ['CA', 'MX'] },
];
const TO_LB = { lb: 1, oz: 1 / 16, kg: 2.20462262, g: 0.00220462262 };
const CURRENCY_PER_USD = { USD: 1, CAD: 1.37, EUR: 0.92, GBP: 0.79, AUD: 1.52, MXN: 17.1 };

const templateByToken = (t) => CARRIER_TEMPLATES.find((x) => x.token === t);
const cents = (n) => (Math.round(n * 100) / 100).toFixed(2);
const isObj = (v) => v && typeof v === 'object' && !Array.isArray(v);

/** Total parcel weight in pounds (parcels given by object_id count 0). */
function totalWeightLb(parcels) {
	return (parcels || []).reduce((sum, p) => {
		if (!isObj(p)) return sum;
		return sum + (parseFloat(p.weight) || 0) * (TO_LB[p.mass_unit] || 1);
	}, 0);
}

/** Zone: domestic 1-8 from the first zip digits' distance; international CA 1, MX 2, other 5. */
function zoneFor(from, to) {
	const country = String((to && to.country) || '').toUpperCase();
	if (country && country !== 'US') return country === 'CA' ? 1 : country === 'MX' ? 2 : 5;
	const digit = (addr) => parseInt(String((addr && addr.zip) || '').trim()[0], 10);
	const a = digit(from);
	const b = digit(to);
	return Number.isNaN(a) || Number.isNaN(b) ? 5 : 1 + Math.min(7, Math.abs(a - b));
}

/**
 * The stand-in's rate formula (pure, deterministic). Returns the rates a `POST /shipments` with
 * this body answers, without the per-object fields (object_id, object_created, object_owner,
 * shipment, messages, test), sorted by amount. Destination country US = domestic services, else
 * international ones; `carrier_accounts` in the body filters by account id.
 */
function shippoRatesFor(body) {
	const to = isObj(body.address_to) ? body.address_to : {};
	const from = isObj(body.address_from) ? body.address_from : {};
	const country = String(to.country || 'US').toUpperCase();
	const zone = zoneFor(from, to);
	const lb = Math.max(1, Math.ceil(totalWeightLb(body.parcels) - 1e-9));
	const filter =
		Array.isArray(body.carrier_accounts) && body.carrier_accounts.length
			? body.carrier_accounts
			: null;
	const services = (country === 'US' ? DOMESTIC : INTERNATIONAL).filter(
		(s) =>
			(!s.only || s.only.includes(country)) && (!filter || filter.includes(ACCOUNT[s.provider])),
	);
	const rates = services.map((s) => {
		const amount = cents(s.base + s.perLb * (lb - 1) + s.perZone * (zone - 1));
		const days = s.days(zone);
		return {
			amount,
			currency: 'USD',
			amount_local: amount,
			currency_local: 'USD',
			provider: s.provider,
			provider_image_75: `https://shippo-static.s3.amazonaws.com/providers/75/${s.provider}.png`,
			provider_image_200: `https://shippo-static.s3.amazonaws.com/providers/200/${s.provider}.png`,
			servicelevel: { name: s.name, token: s.token, terms: '' },
			estimated_days: days,
			duration_terms: `Delivery in ${days} business day${days === 1 ? '' : 's'}.`,
			carrier_account: ACCOUNT[s.provider],
			attributes: [],
			zone: String(zone),
		};
	});
	rates.sort((a, b) => Number(a.amount) - Number(b.amount) || a.estimated_days - b.estimated_days);
	const best = (score) => rates.reduce((m, r) => (m === null || score(r) < score(m) ? r : m), null);
	if (rates.length) {
		// CHEAPEST: lowest amount. FASTEST: fewest days, then cheapest. BESTVALUE: lowest amount + $3/day.
		best((r) => Number(r.amount)).attributes.push('CHEAPEST');
		best((r) => r.estimated_days * 1e6 + Number(r.amount)).attributes.push('FASTEST');
		best((r) => Number(r.amount) + 3 * r.estimated_days).attributes.push('BESTVALUE');
	}
	return rates;
}

module.exports = {
	shippoRatesFor,
	totalWeightLb,
	zoneFor,
	templateByToken,
	cents,
	CARRIER_ACCOUNTS,
	CARRIER_TEMPLATES,
	DOMESTIC,
	INTERNATIONAL,
	CURRENCY_PER_USD,
};
