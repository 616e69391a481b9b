/**
 * Webhook → Create: `POST /webhooks` (operationId `createWebhook`, body `WebhookUpdateRequest`:
 * `event`, `url`, `active`, `is_test`). Shippo keeps URLs under 200 characters.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { shippoApiRequest } from '../../../../nodes/shared/shippo/transport';
import { runPerItem } from '../../helpers/utils';

export const WEBHOOK_EVENTS = [
	'transaction_created',
	'transaction_updated',
	'track_updated',
	'batch_created',
	'batch_purchased',
	'all',
];

const properties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		options: WEBHOOK_EVENTS.map((event) => ({ name: event, value: event })),
		default: 'track_updated',
	},
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://example.com/webhook?token=…',
		description: 'HTTPS address Shippo posts the events to (under 200 characters)',
	},
	{
		displayName: 'Active',
		name: 'active',
		type: 'boolean',
		default: true,
		description: 'Whether the webhook is active',
	},
	{
		displayName: 'Test Events',
		name: 'isTest',
		type: 'boolean',
		default: false,
		description:
			'Whether the webhook receives the events of test (not live) objects (Shippo is_test)',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['create'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await runPerItem(this, items, async (i) => {
		const url = String(this.getNodeParameter('url', i, '')).trim();
		if (!/^https?:\/\/\S+$/i.test(url)) {
			throw new NodeOperationError(this.getNode(), 'url: must be an http(s) address', {
				itemIndex: i,
			});
		}
		if (url.length >= 200) {
			throw new NodeOperationError(
				this.getNode(),
				`url: must be under 200 characters (got ${url.length})`,
				{ itemIndex: i },
			);
		}
		const body: IDataObject = {
			event: this.getNodeParameter('event', i, 'track_updated') as string,
			url,
			active: this.getNodeParameter('active', i, true) as boolean,
			is_test: this.getNodeParameter('isTest', i, false) as boolean,
		};
		const webhook = await shippoApiRequest<IDataObject>(this, {
			method: 'POST',
			endpoint: '/webhooks',
			body,
			itemIndex: i,
		});
		return [webhook];
	});
}
