/**
 * Transaction → Create: `POST /transactions` (operationId `CreateTransaction`, body
 * `TransactionCreateRequest`): buys the label for a rate, synchronously (`async: false`), with
 * `label_file_type`, `metadata` (e.g. the HighLevel reference, ≤ 100 characters) and `order`.
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
		displayName: 'Rate ID',
		name: 'rateId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'ec9f0d3adc9441449c85d315f0997fd5',
		description: 'Object ID of the rate to buy (from Shipment → Create or Rate → Get Many)',
		displayOptions: { show: { resource: ['transaction'], operation: ['create'] } },
	},
	{
		displayName: 'Label File Type',
		name: 'labelFileType',
		type: 'options',
		options: [
			{ name: 'Account Default', value: '' },
			{ name: 'PDF', value: 'PDF' },
			{ name: 'PDF 2.3x7.5', value: 'PDF_2.3x7.5' },
			{ name: 'PDF 4x6', value: 'PDF_4x6' },
			{ name: 'PDF 4x8', value: 'PDF_4x8' },
			{ name: 'PDF A4', value: 'PDF_A4' },
			{ name: 'PDF A5', value: 'PDF_A5' },
			{ name: 'PDF A6', value: 'PDF_A6' },
			{ name: 'PNG', value: 'PNG' },
			{ name: 'PNG 2.3x7.5', value: 'PNG_2.3x7.5' },
			{ name: 'ZPL II', value: 'ZPLII' },
		],
		default: 'PDF_4x6',
		displayOptions: { show: { resource: ['transaction'], operation: ['create'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { resource: ['transaction'], operation: ['create'] } },
		options: [
			{
				displayName: 'Metadata',
				name: 'metadata',
				type: 'string',
				default: '',
				description: 'Text of up to 100 characters, e.g. hl:&lt;locationId&gt;:&lt;orderId&gt;',
			},
			{
				displayName: 'Order ID',
				name: 'order',
				type: 'string',
				default: '',
				description: 'Shippo order object ID to link the label to',
			},
		],
	},
	...labelDownloadFields('create'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['transaction'], operation: ['create'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await runPerItemWithBinary(this, items, async (i) => {
		const rate = String(this.getNodeParameter('rateId', i, '')).trim();
		if (!rate)
			throw new NodeOperationError(this.getNode(), 'rate: Rate ID is required', { itemIndex: i });
		const additional = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const body: IDataObject = { rate, async: false };
		const labelFileType = String(this.getNodeParameter('labelFileType', i, '') ?? '');
		if (labelFileType) body.label_file_type = labelFileType;
		const metadata = String(additional.metadata ?? '').trim();
		if (metadata.length > 100) {
			throw new NodeOperationError(
				this.getNode(),
				`metadata: must be at most 100 characters (got ${metadata.length})`,
				{ itemIndex: i },
			);
		}
		if (metadata) body.metadata = metadata;
		const order = String(additional.order ?? '').trim();
		if (order) body.order = order;
		const transaction = await shippoApiRequest<IDataObject>(this, {
			method: 'POST',
			endpoint: '/transactions',
			body,
			itemIndex: i,
		});
		if (transaction.status === 'ERROR') {
			const messages = (transaction.messages as IDataObject[] | undefined) ?? [];
			throw new NodeOperationError(
				this.getNode(),
				`Shippo could not buy the label: ${
					messages
						.map((m) => String(m.text ?? ''))
						.filter(Boolean)
						.join('; ') || 'status ERROR'
				}`,
				{ itemIndex: i },
			);
		}
		return await transactionOutput(this, transaction, i);
	});
}
