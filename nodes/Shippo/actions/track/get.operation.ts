/**
 * Track → Get: `GET /tracks/{Carrier}/{TrackingNumber}` (operationId `GetTrack`).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { shippoApiRequest } from '../../../../nodes/shared/shippo/transport';
import { runPerItem } from '../../helpers/utils';
import { readTrackFields, trackFields } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['track'], operation: ['get'] } },
	trackFields,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await runPerItem(this, items, async (i) => {
		const { carrier, trackingNumber } = readTrackFields(this, i);
		const track = await shippoApiRequest<IDataObject>(this, {
			method: 'GET',
			endpoint: `/tracks/${encodeURIComponent(carrier)}/${encodeURIComponent(trackingNumber)}`,
			itemIndex: i,
		});
		return [track];
	});
}
