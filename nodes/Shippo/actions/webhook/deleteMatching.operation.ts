/**
 * Webhook → Delete Matching: delete every webhook whose URL contains a text, e.g. the path of the
 * Shippo Trigger of a workflow (`/webhook/<id>/shippo`) when an app is uninstalled.
 *
 * `GET /webhooks` (listWebhooks, one unpaged list), then `DELETE /webhooks/{webhookId}`
 * (deleteWebhook, 204) for each match. A webhook already gone (404) counts as `notFound`.
 * Source: test/standins/specs/shippo/public-api.yaml (webhooks).
 * Output: one item `{urlContains, deleted, notFound, webhooks[{object_id, event, url, outcome}]}`.
 */
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { deleteShippoWebhooks } from '../../../../nodes/shared/shippo/webhooks';
import { runPerItem } from '../../helpers/utils';

const properties: INodeProperties[] = [
	{
		displayName: 'URL Contains',
		name: 'urlContains',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. /webhook/5d0c6f4e-1b7a-4f3e-9a51-8c2e7d4b6a10/shippo',
		description:
			'Delete every webhook whose URL contains this text (case-sensitive). Use something specific, such as the path of a Shippo Trigger.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['deleteMatching'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await runPerItem(this, items, async (i) => {
		const urlContains = String(this.getNodeParameter('urlContains', i, '')).trim();
		if (urlContains.length < 3) {
			throw new NodeOperationError(
				this.getNode(),
				'URL Contains: enter at least 3 characters, e.g. the path of the Shippo Trigger, so that unrelated webhooks stay',
				{ itemIndex: i },
			);
		}
		const webhooks = await deleteShippoWebhooks(
			this,
			(hook) => String(hook.url ?? '').includes(urlContains),
			i,
		);
		return [
			{
				urlContains,
				deleted: webhooks.filter((w) => w.outcome === 'deleted').length,
				notFound: webhooks.filter((w) => w.outcome === 'notFound').length,
				webhooks,
			},
		];
	});
}
