/**
 * nodes/shared/launchMyStore/webhook.ts: the redelivery cache, X-LMS-Triggered-At parsing and the
 * service code split of nodes/shared/dialects/launchMyStore.ts.
 */
import { decodeLaunchMyStoreServiceCode } from '../../../nodes/shared/dialects/launchMyStore';
import { checkTriggeredAt, ExpiringIdSet, parseTriggeredAt, shippingPriceMajor, topicSelected } from '../../../nodes/shared/launchMyStore/webhook';

describe('ExpiringIdSet', () => {
	it('answers false for an id seen within the TTL, true again after it', () => {
		let clock = 0;
		const ids = new ExpiringIdSet(10, 1000, () => clock);
		expect(ids.add('a')).toBe(true);
		clock = 999;
		expect(ids.add('a')).toBe(false);
		clock = 1000;
		expect(ids.has('a')).toBe(false);
		expect(ids.add('a')).toBe(true);
	});

	it('keeps at most capacity ids, dropping the oldest', () => {
		const ids = new ExpiringIdSet(3, 60_000, () => 0);
		for (const id of ['a', 'b', 'c', 'd']) ids.add(id);
		expect(ids.size).toBe(3);
		expect(ids.has('a')).toBe(false);
		expect(ids.has('d')).toBe(true);
		expect(() => new ExpiringIdSet(0)).toThrow(RangeError);
	});
});

describe('X-LMS-Triggered-At', () => {
	const now = Date.parse('2026-06-01T22:51:50.123Z');
	it('reads ISO 8601 and epoch seconds or milliseconds', () => {
		expect(parseTriggeredAt('2026-06-01T22:51:50.123Z')).toBe(now);
		expect(parseTriggeredAt(String(now))).toBe(now);
		expect(parseTriggeredAt('1780354310')).toBe(1780354310000);
		expect(parseTriggeredAt('soon')).toBeUndefined();
	});

	it('allows the window either way, inclusive', () => {
		expect(checkTriggeredAt(new Date(now - 300_000).toISOString(), now, 300)).toEqual({ ok: true, triggeredAtMs: now - 300_000 });
		expect(checkTriggeredAt(new Date(now + 300_001).toISOString(), now, 300)).toEqual({
			ok: false,
			reason: 'X-LMS-Triggered-At outside the 5-minute window',
		});
		expect(checkTriggeredAt(new Date(now - 91_000).toISOString(), now, 90)).toEqual({
			ok: false,
			reason: 'X-LMS-Triggered-At outside the 90-second window',
		});
		expect(checkTriggeredAt('', now, 300)).toEqual({ ok: true });
	});
});

describe('topics, prices and service codes', () => {
	it('selects topics case-insensitively, * selecting all', () => {
		expect(topicSelected('Orders/Create', ['orders/create'])).toBe(true);
		expect(topicSelected('orders/paid', ['orders/create'])).toBe(false);
		expect(topicSelected('products/update', ['*'])).toBe(true);
	});

	it('reads shipping prices: text in major units, integers in minor units, the currency exponent applied', () => {
		expect(shippingPriceMajor({ price: '80.85' }, 'INR')).toBe('80.85');
		expect(shippingPriceMajor({ price: 800 }, 'USD')).toBe('8.00');
		expect(shippingPriceMajor({ price: 800 }, 'JPY')).toBe('800');
		expect(shippingPriceMajor({ price: 7.5 }, 'USD')).toBe('7.50');
		expect(shippingPriceMajor({ priceMinor: 8085 }, 'INR')).toBe('80.85');
		expect(shippingPriceMajor({ price: 'free' }, 'USD')).toBeUndefined();
		expect(shippingPriceMajor({}, 'USD')).toBeUndefined();
	});

	it('splits <prefix>-<service> case-insensitively, leaving other codes whole', () => {
		expect(decodeLaunchMyStoreServiceCode('acme-shipping-express_2d', 'acme-shipping')).toEqual({
			serviceCode: 'express_2d',
			servicePrefix: 'acme-shipping',
		});
		expect(decodeLaunchMyStoreServiceCode('ACME-1', 'acme')).toEqual({ serviceCode: '1', servicePrefix: 'ACME' });
		expect(decodeLaunchMyStoreServiceCode('shiprocket-1', 'acme')).toEqual({ serviceCode: 'shiprocket-1', servicePrefix: '' });
		expect(decodeLaunchMyStoreServiceCode('acme-', 'acme')).toEqual({ serviceCode: 'acme-', servicePrefix: '' });
		expect(decodeLaunchMyStoreServiceCode('flat', '')).toEqual({ serviceCode: 'flat', servicePrefix: '' });
		expect(decodeLaunchMyStoreServiceCode(undefined, 'acme')).toEqual({ serviceCode: '', servicePrefix: '' });
	});
});
