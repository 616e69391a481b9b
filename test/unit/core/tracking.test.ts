import {
	decodeOrderReference,
	encodeOrderReference,
	encodeReferencedLineItems,
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

describe('order references of other platforms (lms:, bc:) and the line items of a label', () => {
	it('encodes and decodes a LaunchMyStore and a BigCommerce reference', () => {
		const lms = encodeOrderReference({ platform: 'launchmystore', locationId: 'demo-shop.launchmystore.io', orderId: 'ord_1' });
		expect(lms).toBe('lms:demo-shop.launchmystore.io:ord_1');
		expect(decodeOrderReference(lms)).toEqual({ platform: 'launchmystore', locationId: 'demo-shop.launchmystore.io', orderId: 'ord_1' });
		expect(decodeOrderReference('bc:ru7t7fv9:118')).toEqual({ platform: 'bigcommerce', locationId: 'ru7t7fv9', orderId: '118' });
		expect(decodeOrderReference('xlms:a:b')).toBeUndefined();
	});

	it('reads the line items a label ships from an items= word', () => {
		const metadata = `lms:shop:ord_1 ${encodeReferencedLineItems([{ id: 'li_1', quantity: 2 }, { id: 'li_3' }])}`;
		expect(metadata).toBe('lms:shop:ord_1 items=li_1*2+li_3');
		expect(decodeOrderReference(metadata)?.lineItems).toEqual([{ id: 'li_1', quantity: 2 }, { id: 'li_3' }]);
		expect(decodeOrderReference('lms:shop:ord_1')?.lineItems).toBeUndefined();
		// A malformed quantity names no items rather than wrong ones.
		expect(decodeOrderReference('lms:shop:ord_1 items=li_1*0')?.lineItems).toBeUndefined();
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
