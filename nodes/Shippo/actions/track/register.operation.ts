/**
 * Track → Register: `POST /tracks` (operationId `CreateTrack`, body `TracksRequest`) with
 * `carrier`, `tracking_number` and `metadata` (≤ 100 characters; echoed in `track_updated` only for
 * numbers registered this way, carriers.md §9).
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
import { readTrackFields, trackFields } from './fields';

const properties: INodeProperties[] = [
	...trackFields,
	{
		displayName: 'Metadata',
		name: 'metadata',
		type: 'string',
		default: '',
		description: 'Text of up to 100 characters, e.g. hl:&lt;locationId&gt;:&lt;orderId&gt;',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['track'], operation: ['register'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await runPerItem(this, items, async (i) => {
		const { carrier, trackingNumber } = readTrackFields(this, i);
		const body: IDataObject = { carrier, tracking_number: trackingNumber };
		const metadata = String(this.getNodeParameter('metadata', i, '') ?? '').trim();
		if (metadata.length > 100) {
			throw new NodeOperationError(
				this.getNode(),
				`metadata: must be at most 100 characters (got ${metadata.length})`,
				{ itemIndex: i },
			);
		}
		if (metadata) body.metadata = metadata;
		const track = await shippoApiRequest<IDataObject>(this, {
			method: 'POST',
			endpoint: '/tracks',
			body,
			itemIndex: i,
		});
		return [track];
	});
}
