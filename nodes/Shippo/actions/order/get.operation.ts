/**
 * Order → Get: `GET /orders/{OrderId}` (operationId `GetOrder`).
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

const properties: INodeProperties[] = [
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'adcfdddf8ec64b84ad22772bce3ea37a',
		description: 'The Shippo order object ID',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['get'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await runPerItem(this, items, async (i) => {
		const orderId = String(this.getNodeParameter('orderId', i, '')).trim();
		if (!orderId) {
			throw new NodeOperationError(this.getNode(), 'Order ID: is required', { itemIndex: i });
		}
		const order = await shippoApiRequest<IDataObject>(this, {
			method: 'GET',
			endpoint: `/orders/${encodeURIComponent(orderId)}`,
			itemIndex: i,
		});
		return [order];
	});
}
