/**
 * Shipment → Get: `GET /shipments/{ShipmentId}` (operationId `GetShipment`).
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { shippoApiRequest } from '../../../../nodes/shared/shippo/transport';
import { shipmentRLC } from '../common.descriptions';
import { runPerItem } from '../../helpers/utils';

const properties: INodeProperties[] = [shipmentRLC];

export const description = updateDisplayOptions(
	{ show: { resource: ['shipment'], operation: ['get'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await runPerItem(this, items, async (i) => {
		const shipmentId = String(
			this.getNodeParameter('shipmentId', i, '', { extractValue: true }),
		).trim();
		const shipment = await shippoApiRequest<IDataObject>(this, {
			method: 'GET',
			endpoint: `/shipments/${encodeURIComponent(shipmentId)}`,
			itemIndex: i,
		});
		return [shipment];
	});
}
