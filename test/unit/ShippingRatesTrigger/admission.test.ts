import { sleep } from 'n8n-workflow';
import { AdmissionGate, admissionGateFor, MIN_LIMIT, resetAdmissionGates } from '../../../nodes/ShippingRatesTrigger/admission';

describe('AdmissionGate', () => {
	it('admits up to the bound and refuses beyond it', () => {
		const gate = new AdmissionGate({ maxInFlight: 3, holdMs: 60_000 });
		const slots = [gate.tryAcquire(), gate.tryAcquire(), gate.tryAcquire()];
		expect(slots.every(Boolean)).toBe(true);
		expect(gate.inFlight).toBe(3);
		expect(gate.tryAcquire()).toBeUndefined();
		expect(gate.stats).toEqual({ inFlight: 3, limit: 3, admitted: 3, refused: 1 });
		slots.forEach((slot) => slot?.release());
	});

	it('gives a slot back once, however often it is released', () => {
		const gate = new AdmissionGate({ maxInFlight: 1, holdMs: 60_000 });
		const slot = gate.tryAcquire();
		expect(gate.tryAcquire()).toBeUndefined();
		expect(slot?.release()).toBe(true);
		expect(slot?.release()).toBe(false);
		expect(slot?.released).toBe(true);
		expect(gate.inFlight).toBe(0);
		const next = gate.tryAcquire();
		expect(next).toBeDefined();
		expect(gate.inFlight).toBe(1);
		next?.release();
	});

	it('gives a slot back by itself after the hold limit when its execution never answers', async () => {
		const gate = new AdmissionGate({ maxInFlight: 1, holdMs: 30 });
		const slot = gate.tryAcquire();
		expect(gate.tryAcquire()).toBeUndefined();
		await sleep(60);
		expect(slot?.released).toBe(true);
		expect(gate.inFlight).toBe(0);
		gate.tryAcquire()?.release();
	});

	it('admits everything with a bound of 0', () => {
		const gate = new AdmissionGate({ maxInFlight: 0, holdMs: 60_000 });
		const slots = Array.from({ length: 100 }, () => gate.tryAcquire());
		expect(slots.every(Boolean)).toBe(true);
		expect(gate.inFlight).toBe(100);
		slots.forEach((slot) => slot?.release());
		expect(gate.inFlight).toBe(0);
	});

	it('keeps one gate per trigger key and applies a changed bound to it', () => {
		resetAdmissionGates();
		const first = admissionGateFor('wf\nTrigger', { maxInFlight: 1, holdMs: 60_000 });
		const slot = first.tryAcquire();
		const again = admissionGateFor('wf\nTrigger', { maxInFlight: 2, holdMs: 60_000 });
		expect(again).toBe(first);
		expect(again.inFlight).toBe(1);
		expect(again.tryAcquire()).toBeDefined();
		expect(admissionGateFor('wf\nOther Trigger', { maxInFlight: 1, holdMs: 60_000 })).not.toBe(first);
		slot?.release();
		resetAdmissionGates();
	});
});

describe('AdmissionGate adaptive bound', () => {
	function clockedGate(maxInFlight: number) {
		let now = 0;
		const gate = new AdmissionGate({ maxInFlight, holdMs: 60_000, targetLatencyMs: 2000 }, () => now);
		return { gate, advance: (ms: number) => (now += ms) };
	}

	it('shrinks by a fifth, at most once per target time, when executions take longer than the target', () => {
		const { gate, advance } = clockedGate(32);
		const slots = Array.from({ length: 10 }, () => gate.tryAcquire());
		advance(2500);
		slots.forEach((slot) => slot?.release());
		expect(gate.currentLimit).toBe(25); // 32 × 0.8, once for the ten late ones
		const later = gate.tryAcquire();
		advance(2500);
		later?.release();
		expect(gate.currentLimit).toBe(20);
	});

	it('never shrinks below MIN_LIMIT, and refuses beyond the shrunk bound', () => {
		const { gate, advance } = clockedGate(32);
		for (let i = 0; i < 30; i++) {
			const slot = gate.tryAcquire();
			advance(2500);
			slot?.release();
		}
		expect(gate.currentLimit).toBe(MIN_LIMIT);
		const held = Array.from({ length: MIN_LIMIT }, () => gate.tryAcquire());
		expect(held.every(Boolean)).toBe(true);
		expect(gate.tryAcquire()).toBeUndefined();
		held.forEach((slot) => slot?.release());
	});

	it('grows back by about one slot per bound’s worth of executions finished in time, up to the ceiling', () => {
		const { gate, advance } = clockedGate(32);
		const slow = gate.tryAcquire();
		advance(2500);
		slow?.release();
		expect(gate.currentLimit).toBe(25);
		for (let i = 0; i < 26; i++) {
			const slot = gate.tryAcquire();
			advance(100);
			slot?.release();
		}
		expect(gate.currentLimit).toBe(26);
		for (let i = 0; i < 1000; i++) gate.tryAcquire()?.release();
		expect(gate.currentLimit).toBe(32);
	});

	it('keeps a fixed bound without a target time, and a slow carrier within the target leaves it alone', () => {
		const fixed = new AdmissionGate({ maxInFlight: 8, holdMs: 60_000 });
		const slot = fixed.tryAcquire();
		slot?.release();
		expect(fixed.currentLimit).toBe(8);
		const { gate, advance } = clockedGate(8);
		for (let i = 0; i < 20; i++) {
			const s = gate.tryAcquire();
			advance(1900);
			s?.release();
		}
		expect(gate.currentLimit).toBe(8);
	});
});
