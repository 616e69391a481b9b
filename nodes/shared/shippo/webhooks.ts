/**
 * Shippo webhooks, shared by the Shippo node (Webhook → Get Many, Delete Matching) and the
 * Shippo Trigger (registration on activation, removal on deactivation).
 * Source: test/standins/specs/shippo/public-api.yaml (listWebhooks: one unpaged `{count, results}`;
 * deleteWebhook: 204).
 */
import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import type { ShippoContext } from './transport';
import { shippoApiRequest } from './transport';

export interface ShippoWebhook extends IDataObject {
	object_id: string;
	event: string;
	url: string;
}

/** Every webhook of the Shippo account (`GET /webhooks`). */
export async function listShippoWebhooks(ctx: ShippoContext, itemIndex?: number): Promise<ShippoWebhook[]> {
	const response = await shippoApiRequest<{ results?: ShippoWebhook[] }>(ctx, {
		method: 'GET',
		endpoint: '/webhooks',
		itemIndex,
	});
	return response.results ?? [];
}

/**
 * Deletes every webhook `matches` accepts (`DELETE /webhooks/{id}`). One already gone (404) is
 * `notFound`; any other failure is thrown. Returns `{object_id, event, url, outcome}` per match.
 */
export async function deleteShippoWebhooks(
	ctx: ShippoContext,
	matches: (hook: ShippoWebhook) => boolean,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const deleted: IDataObject[] = [];
	for (const hook of await listShippoWebhooks(ctx, itemIndex)) {
		if (!matches(hook)) continue;
		const entry: IDataObject = { object_id: hook.object_id, event: hook.event, url: hook.url };
		let failure: unknown;
		try {
			await shippoApiRequest(ctx, {
				method: 'DELETE',
				endpoint: `/webhooks/${encodeURIComponent(String(hook.object_id))}`,
				itemIndex,
			});
			entry.outcome = 'deleted';
		} catch (error) {
			// Already removed at Shippo: nothing left to delete.
			if (error instanceof NodeApiError && error.httpCode === '404') entry.outcome = 'notFound';
			else failure = error;
		}
		if (failure) throw failure;
		deleted.push(entry);
	}
	return deleted;
}
