/**
 * Webhook → Get Many: `GET /webhooks` (operationId `listWebhooks`; one unpaged list
 * `{ count, results }`), cut to the limit unless Return All.
 */
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { listShippoWebhooks } from '../../../../nodes/shared/shippo/webhooks';
import { returnAllOrLimit } from '../common.descriptions';
import { runPerItem } from '../../helpers/utils';

const properties: INodeProperties[] = [...returnAllOrLimit('webhook', 'getMany')];

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['getMany'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await runPerItem(this, items, async (i) => {
		const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
		const limit = returnAll ? undefined : (this.getNodeParameter('limit', i, 50) as number);
		const results = await listShippoWebhooks(this, i);
		return limit === undefined ? results : results.slice(0, limit);
	});
}
