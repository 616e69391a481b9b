/**
 * The trigger edges (../triggerEdge.ts): what a live-rate platform adds to the Shipping Rates
 * Trigger on n8n's side. Only HighLevel has one (its fields, credentials and carrier registration);
 * LaunchMyStore and BigCommerce need none. A new edge is one module and one entry here.
 */
import type { LiveRateTriggerEdge } from '../triggerEdge';
import { highLevelTriggerEdge } from './highLevel';

const EDGES: readonly LiveRateTriggerEdge[] = [highLevelTriggerEdge];

/** Every trigger edge, one per platform at most. */
export function triggerEdges(): readonly LiveRateTriggerEdge[] {
	return EDGES;
}

/** The edge of the platform with this id; undefined for a platform without one (or an unknown id). */
export function edgeFor(platformId: string | undefined): LiveRateTriggerEdge | undefined {
	return EDGES.find((edge) => edge.platformId === platformId);
}
