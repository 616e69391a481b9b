import { sleep } from 'n8n-workflow';
import { AdmissionGate, admissionGateFor, resetAdmissionGates } from '../../../nodes/ShippingRatesTrigger/admission';

describe('AdmissionGate', () => {
	it('admits up to the bound and refuses beyond it', () => {
		const gate = new AdmissionGate({ maxInFlight: 3, holdMs: 60_000 });
		const slots = [gate.tryAcquire(), gate.tryAcquire(), gate.tryAcquire()];
		expect(slots.every(Boolean)).toBe(true);
		expect(gate.inFlight).toBe(3);
		expect(gate.tryAcquire()).toBeUndefined();
		expect(gate.stats).toEqual({ inFlight: 3, admitted: 3, refused: 1 });
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
