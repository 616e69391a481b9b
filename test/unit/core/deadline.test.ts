import { callbackAnswered, FALLBACK_LEAD_MS, fallbackAt, readDeadline } from '../../../nodes/shared/liveRates/deadline';

describe('live-rate deadline', () => {
	it('reads deadlineAt as a number or a numeric string', () => {
		expect(readDeadline(1000)).toBe(1000);
		expect(readDeadline('1000')).toBe(1000);
		expect(readDeadline('')).toBeUndefined();
		expect(readDeadline('soon')).toBeUndefined();
	});

	it('counts a callback as answered from the moment the guard sends the fallback', () => {
		expect(fallbackAt(10_000)).toBe(10_000 - FALLBACK_LEAD_MS);
		expect(callbackAnswered({ deadlineAt: 10_000 }, fallbackAt(10_000) - 1)).toBe(false);
		expect(callbackAnswered({ deadlineAt: 10_000 }, fallbackAt(10_000))).toBe(true);
		expect(callbackAnswered({}, 10_000)).toBe(false);
	});
});
