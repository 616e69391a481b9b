import {
	decodeOrderReference,
	encodeOrderReference,
	normalizeTrackingStatus,
	TrackingUpdateSchema,
} from '../../../nodes/shared/core/tracking';

describe('order reference hl:<locationId>:<orderId>', () => {
	it('round-trips and is found inside longer metadata', () => {
		const text = encodeOrderReference({ locationId: 'loc123', orderId: '6650f0a1b2c3d4e5f6a7b8c9' });
		expect(text).toBe('hl:loc123:6650f0a1b2c3d4e5f6a7b8c9');
		expect(decodeOrderReference(text)).toEqual({
			platform: 'highlevel',
			locationId: 'loc123',
			orderId: '6650f0a1b2c3d4e5f6a7b8c9',
		});
		expect(decodeOrderReference(`order ${text}, gift`)?.orderId).toBe('6650f0a1b2c3d4e5f6a7b8c9');
	});

	it('finds nothing in other text', () => {
		expect(decodeOrderReference('order 42')).toBeUndefined();
		expect(decodeOrderReference(undefined)).toBeUndefined();
		expect(decodeOrderReference('xhl:a:b')).toBeUndefined();
	});

	it('refuses ids with ":" and references over the limit', () => {
		expect(() => encodeOrderReference({ locationId: 'a:b', orderId: 'o' })).toThrow(/locationId/);
		expect(() => encodeOrderReference({ locationId: 'l', orderId: 'x'.repeat(100) })).toThrow(/more than 100/);
	});
});

describe('tracking status', () => {
	it.each([
		['TRANSIT', 'in_transit'],
		['pre_transit', 'pre_transit'],
		['DELIVERED', 'delivered'],
		['RETURNED', 'returned'],
		['FAILURE', 'failure'],
		['something else', 'unknown'],
		[undefined, 'unknown'],
	])('%p → %p', (input, expected) => {
		expect(normalizeTrackingStatus(input)).toBe(expected);
	});

	it('the schema requires a tracking number and a known status', () => {
		const update = { event: 'track_updated', carrier: 'usps', trackingNumber: '9400', status: 'in_transit' };
		expect(TrackingUpdateSchema.safeParse(update).success).toBe(true);
		expect(TrackingUpdateSchema.safeParse({ ...update, trackingNumber: '' }).success).toBe(false);
		expect(TrackingUpdateSchema.safeParse({ ...update, status: 'lost' }).success).toBe(false);
	});
});
