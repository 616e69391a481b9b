/**
 * Answers of the live-rates workflow, kept in memory of the process that receives callbacks so an
 * identical cart is answered again without an n8n execution (HighLevel asks for rates again while
 * the buyer edits checkout). Only carrier answers are stored (the Shipping Rates Response node
 * marks them), never fallback rates. Per process and bounded: a miss runs the workflow, so
 * correctness never depends on it.
 */
import type { IDataObject } from 'n8n-workflow';
import type { RateRequest } from '../../nodes/shared/core';
import { RateCache, rateCacheKey } from '../../nodes/shared/cache/rateCache';

export const answerCache = new RateCache<IDataObject>({ maxEntries: 1000 });

/** Key of one trigger's answer for one location's cart (the canonical request). */
export function answerCacheKey(
	workflowId: string | undefined,
	nodeName: string,
	locationId: string,
	request: RateRequest,
): string {
	return rateCacheKey({ v: 1, workflowId: workflowId ?? '', nodeName, locationId, request });
}
