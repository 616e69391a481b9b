/**
 * Admission control of the Shipping Rates Trigger: a bound on the executions in flight per trigger
 * (workflow id + node name) and per n8n process.
 *
 * Why: once the fail-open guard has answered a callback at its deadline, the buyer's next call can
 * arrive while the execution behind the first is still running. Without a bound, a burst beyond
 * what the machine can do starts executions faster than they finish (an open loop): each is slower
 * than the last, every answer becomes the fallback, and n8n's memory runs away. With the bound, a
 * callback that finds every slot taken is answered at once (from the answer cache, else with the
 * fallback rates) and starts no execution, so the work in flight, its latency and its memory stay
 * bounded whatever the load.
 *
 * A slot is taken when the trigger starts an execution and given back exactly once, when the first
 * of these happens:
 *  - the execution's own answer reaches the callback's response (the Shipping Rates Response node,
 *    or n8n's answer when the workflow fails or ends without one): the execution is done;
 *  - the hold limit passes (`holdMs` after the slot was taken): a safety net for an execution
 *    that never answers, so that a lost answer can never shrink the bound for good. Expiry is
 *    checked when the gate is next asked (a callback, `inFlight`, `released`), not by a timer, so
 *    an admitted callback leaves nothing pending in the process once its execution has answered.
 * The bound adapts below its ceiling (`maxInFlight`) to what the machine finishes in time: an
 * execution that takes longer than `targetLatencyMs` from admission to its answer shrinks the
 * bound by a fifth (at most once per `targetLatencyMs`), one that finishes in time lets it grow
 * by 1/bound (about one slot per bound's worth of completions), never below `MIN_LIMIT`. Under a
 * burst the executions admitted then finish inside the deadline with carrier rates instead of
 * all reaching it together; on a machine that keeps up the bound stays at its ceiling.
 * In memory, per process: in queue mode each webhook process bounds its own callbacks.
 */
/** One execution's claim on a gate. */
export interface AdmissionSlot {
	/** Gives the slot back; true the first time, false (and nothing happens) after that. */
	release(): boolean;
	readonly released: boolean;
}

export interface AdmissionGateOptions {
	/** Most executions in flight (the ceiling); 0 or less turns admission control off. */
	maxInFlight: number;
	/** Milliseconds after which a slot is given back even if its execution never answered. */
	holdMs: number;
	/** Execution time (ms, admission to answer) above which the bound shrinks; 0 or absent = fixed bound. */
	targetLatencyMs?: number;
}

/** The adaptive bound never goes below this (or the ceiling, if that is lower). */
export const MIN_LIMIT = 4;

interface HeldSlot {
	readonly admittedAt: number;
	readonly slot: AdmissionSlot;
}

export class AdmissionGate {
	private active = 0;

	/** Slots not given back yet, oldest first (at most the ceiling's worth). */
	private readonly held = new Set<HeldSlot>();

	/** The current bound (adaptive, fractional), ≤ maxInFlight. */
	private limit: number;

	private lastDecreaseAt = -Infinity;

	private admittedTotal = 0;

	private refusedTotal = 0;

	constructor(
		private options: AdmissionGateOptions,
		private readonly now: () => number = () => Date.now(),
	) {
		this.limit = Math.max(0, options.maxInFlight);
	}

	/** Applies changed node options (a workflow edited while active); slots held stay valid. */
	configure(options: AdmissionGateOptions): void {
		if (options.maxInFlight !== this.options.maxInFlight) this.limit = Math.max(0, options.maxInFlight);
		this.options = options;
	}

	/** The bound in force now (whole executions). */
	get currentLimit(): number {
		return Math.floor(this.limit);
	}

	get inFlight(): number {
		this.expireHeld();
		return this.active;
	}

	get maxInFlight(): number {
		return this.options.maxInFlight;
	}

	/** Counters since the process started: admitted executions and refused callbacks. */
	get stats(): { inFlight: number; limit: number; admitted: number; refused: number } {
		this.expireHeld();
		return { inFlight: this.active, limit: this.currentLimit, admitted: this.admittedTotal, refused: this.refusedTotal };
	}

	/** A slot, or undefined when `maxInFlight` executions are already in flight. */
	tryAcquire(): AdmissionSlot | undefined {
		this.expireHeld();
		if (this.options.maxInFlight > 0 && this.active >= Math.max(1, this.currentLimit)) {
			this.refusedTotal += 1;
			return undefined;
		}
		this.active += 1;
		this.admittedTotal += 1;
		const admittedAt = this.now();
		let released = false;
		const expireHeld = () => this.expireHeld();
		const slot: AdmissionSlot = {
			release: () => {
				if (released) return false;
				released = true;
				this.held.delete(record);
				this.active -= 1;
				this.completed(this.now() - admittedAt);
				return true;
			},
			get released() {
				if (!released) expireHeld();
				return released;
			},
		};
		const record: HeldSlot = { admittedAt, slot };
		this.held.add(record);
		return slot;
	}

	/** Gives back the slots held longer than the hold limit (their executions never answered). */
	private expireHeld(): void {
		if (this.held.size === 0) return;
		const oldestAllowed = this.now() - Math.max(1, this.options.holdMs);
		for (const record of this.held) {
			// Insertion order is admission order: the first one still in time ends the sweep.
			if (record.admittedAt > oldestAllowed) break;
			record.slot.release();
		}
	}

	/** Adapts the bound to one execution's time from admission to answer. */
	private completed(latencyMs: number): void {
		const { maxInFlight, targetLatencyMs } = this.options;
		if (!(maxInFlight > 0) || !targetLatencyMs || !(targetLatencyMs > 0)) return;
		const floor = Math.min(MIN_LIMIT, maxInFlight);
		if (latencyMs > targetLatencyMs) {
			const now = this.now();
			if (now - this.lastDecreaseAt < targetLatencyMs) return;
			this.lastDecreaseAt = now;
			this.limit = Math.max(floor, this.limit * 0.8);
		} else {
			this.limit = Math.min(maxInFlight, this.limit + 1 / Math.max(1, this.limit));
		}
	}
}

const gates = new Map<string, AdmissionGate>();

/** The gate of one trigger (key: workflow id and node name) in this process, created on first use. */
export function admissionGateFor(key: string, options: AdmissionGateOptions): AdmissionGate {
	let gate = gates.get(key);
	if (!gate) {
		gate = new AdmissionGate(options);
		gates.set(key, gate);
	} else {
		gate.configure(options);
	}
	return gate;
}

/** Forgets every gate (tests). Slots already handed out still release into their own gate. */
export function resetAdmissionGates(): void {
	gates.clear();
}
