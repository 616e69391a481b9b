/**
 * Transaction output: the transaction as JSON, plus the label file as binary data when asked.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { downloadLabel } from './label';

/** "Download Label" + "Put Output File in Field" for Create and Get. */
export function labelDownloadFields(operation: string): INodeProperties[] {
	return [
		{
			displayName: 'Download Label',
			name: 'downloadLabel',
			type: 'boolean',
			default: false,
			description: 'Whether to download the label file (label_url) as binary data',
			displayOptions: { show: { resource: ['transaction'], operation: [operation] } },
		},
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			hint: 'The name of the output binary field to put the label in',
			displayOptions: {
				show: { resource: ['transaction'], operation: [operation], downloadLabel: [true] },
			},
		},
	];
}

export async function transactionOutput(
	ctx: IExecuteFunctions,
	transaction: IDataObject,
	i: number,
): Promise<Array<Pick<INodeExecutionData, 'json' | 'binary'>>> {
	if (!(ctx.getNodeParameter('downloadLabel', i, false) as boolean)) return [{ json: transaction }];
	const field = String(ctx.getNodeParameter('binaryPropertyName', i, 'data') || 'data').trim();
	const binary = await downloadLabel(ctx, transaction, i);
	return [{ json: transaction, binary: { [field]: binary } }];
}
