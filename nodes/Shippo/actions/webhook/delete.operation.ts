/**
 * Webhook → Delete: `DELETE /webhooks/{webhookId}` (operationId `deleteWebhook`, 204).
 */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { shippoApiRequest } from '../../../../nodes/shared/shippo/transport';
import { runPerItem } from '../../helpers/utils';

const properties: INodeProperties[] = [
	{
		displayName: 'Webhook ID',
		name: 'webhookId',
		type: 'string',
		default: '',
		required: true,
		description: 'Object ID of the webhook to delete',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['delete'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await runPerItem(this, items, async (i) => {
		const id = String(this.getNodeParameter('webhookId', i, '')).trim();
		if (!id)
			throw new NodeOperationError(this.getNode(), 'Webhook ID: is required', { itemIndex: i });
		await shippoApiRequest(this, {
			method: 'DELETE',
			endpoint: `/webhooks/${encodeURIComponent(id)}`,
			itemIndex: i,
		});
		return [{ deleted: true, object_id: id }];
	});
}
