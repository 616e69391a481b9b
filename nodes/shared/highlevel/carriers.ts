/**
 * Shipping carrier removal shared by the HighLevel node (Shipping Carrier → Unregister) and the
 * Shipping Rates Trigger (deactivation, duplicate clean-up).
 * Source: DELETE /store/shipping-carrier/{shippingCarrierId} (delete-shipping-carrier), query
 * `altId, altType` (test/standins/specs/highlevel/apps/store.json).
 */
import { NodeApiError } from 'n8n-workflow';
import type { HighLevelContext } from './transport';
import { altOf, highLevelApiRequest } from './transport';

/** Whether a failed HighLevel call means "no such record" (HTTP 404, or a "not found" message). */
export function isHighLevelNotFound(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	if (error.httpCode === '404') return true;
	return /not\s*found/i.test(error.message);
}

/**
 * Deletes a carrier of the location. A carrier already gone is `notFound`, not an error; any
 * other failure is thrown as the transport's NodeApiError.
 */
export async function deleteShippingCarrier(
	ctx: HighLevelContext,
	locationId: string,
	carrierId: string,
	itemIndex?: number,
): Promise<'deleted' | 'notFound'> {
	let failure: unknown;
	try {
		await highLevelApiRequest(ctx, {
			method: 'DELETE',
			endpoint: `/store/shipping-carrier/${encodeURIComponent(carrierId)}`,
			qs: altOf(locationId),
			itemIndex,
		});
		return 'deleted';
	} catch (error) {
		if (isHighLevelNotFound(error)) return 'notFound';
		failure = error;
	}
	throw failure;
}
