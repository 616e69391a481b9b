/**
 * nodes/shared/launchMyStore/orders.ts: what is left to fulfil and tracking numbers, in both the
 * snake_case (REST) and camelCase (newer Create Fulfillment page) spellings.
 */
import {
	findFulfillmentByTracking,
	mergeFulfillments,
	remainingLineItems,
	trackingNumbersOf,
} from '../../../nodes/shared/launchMyStore/orders';

describe('remainingLineItems', () => {
	const order = {
		line_items: [
			{ id: 'a', quantity: 3 },
			{ id: 'b', quantity: '2' },
			{ title: 'no id', quantity: 1 },
		],
	};

	it('subtracts shipping fulfillments (any spelling), not failed or cancelled ones, never below zero', () => {
		const fulfillments = [
			{ status: 'success', line_items: [{ id: 'a', quantity: 1 }] },
			{ status: 'pending', lineItems: [{ id: 'a', quantity: 1 }, { id: 'x', quantity: 5 }] },
			{ status: 'FAILED', line_items: [{ id: 'b', quantity: 2 }] },
			{ status: 'cancelled', line_items: [{ id: 'b', quantity: 2 }] },
			{ status: 'delivered', line_items: [{ id: 'b', quantity: 9 }] },
		];
		expect(remainingLineItems(order, fulfillments)).toEqual([{ id: 'a', quantity: 1 }]);
		expect(remainingLineItems(order, [])).toEqual([
			{ id: 'a', quantity: 3 },
			{ id: 'b', quantity: 2 },
		]);
		expect(remainingLineItems({}, [])).toEqual([]);
	});

	it('adds embedded fulfillments whose id is not listed', () => {
		const listed = [{ id: 'f1', line_items: [{ id: 'a', quantity: 1 }] }];
		const merged = mergeFulfillments(listed, {
			fulfillments: [
				{ id: 'f1', line_items: [{ id: 'a', quantity: 1 }] },
				{ fulfillmentId: 'f2', lineItems: [{ id: 'a', quantity: 1 }] },
			],
		});
		expect(merged).toHaveLength(2);
		expect(remainingLineItems(order, merged)).toEqual([
			{ id: 'a', quantity: 1 },
			{ id: 'b', quantity: 2 },
		]);
	});
});

describe('tracking numbers', () => {
	it('reads tracking_number, trackingNumber and tracking_numbers, normalised', () => {
		expect(
			trackingNumbersOf({
				tracking_number: '1z 999',
				trackingNumber: '1Z999',
				tracking_numbers: ['ab-1', { number: 'cd 2' }, { tracking_number: 'ef3' }, null],
			}),
		).toEqual(['1Z999', 'AB-1', 'CD2', 'EF3']);
		expect(trackingNumbersOf({ tracking_number: null })).toEqual([]);
	});

	it('finds the fulfillment carrying a number, and nothing for an empty one', () => {
		const list = [{ id: 'f1', tracking_number: 'A1' }, { id: 'f2', tracking_numbers: ['B 2'] }];
		expect(findFulfillmentByTracking(list, 'b2')?.id).toBe('f2');
		expect(findFulfillmentByTracking(list, 'C3')).toBeUndefined();
		expect(findFulfillmentByTracking([{ tracking_number: '' }], ' ')).toBeUndefined();
	});
});
