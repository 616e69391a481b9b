/**
 * Response headers of a live-rate callback, shared by the Shipping Rates Trigger (its fail-open
 * guard and answer cache) and the Shipping Rates Response node.
 */

/** How the callback was answered: workflow, cache, fallback-deadline, fallback-error or fallback-overload. */
export const SOURCE_HEADER = 'x-shipping-rates-source';

/** Set by the Shipping Rates Response node when its answer holds carrier quotes (not fallback). */
export const CACHEABLE_HEADER = 'x-shipping-rates-cacheable';
