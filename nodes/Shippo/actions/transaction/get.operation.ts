/**
 * Transaction → Get: `GET /transactions/{TransactionId}` (operationId `GetTransaction`).
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { shippoApiRequest } from '../../../../nodes/shared/shippo/transport';
import { runPerItemWithBinary } from '../../helpers/utils';
import { labelDownloadFields, transactionOutput } from './common';

const properties: INodeProperties[] = [
	{
		displayName: 'Transaction ID',
		name: 'transactionId',
		type: 'string',
		default: '',
		required: true,
		description: 'The Shippo transaction (label) object ID',
		displayOptions: { show: { resource: ['transaction'], operation: ['get'] } },
	},
	...labelDownloadFields('get'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['transaction'], operation: ['get'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await runPerItemWithBinary(this, items, async (i) => {
		const id = String(this.getNodeParameter('transactionId', i, '')).trim();
		if (!id) {
			throw new NodeOperationError(this.getNode(), 'Transaction ID: is required', { itemIndex: i });
		}
		const transaction = await shippoApiRequest<IDataObject>(this, {
			method: 'GET',
			endpoint: `/transactions/${encodeURIComponent(id)}`,
			itemIndex: i,
		});
		return await transactionOutput(this, transaction, i);
	});
}
