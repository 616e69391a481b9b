/**
 * Fulfillment → Get Many.
 * Source: GET /payments/orders/{orderId}/fulfillments (list-order-fulfillment), query `altId`,
 * `altType`, response `{status, data: FulfillmentSchema[]}` (no paging): every fulfillment of
 * the order, then Limit applies.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { limitField, orderRLC, returnAllField } from '../../descriptions/common.description';
import { listFulfillments } from '../../helpers/api';
import { getLocationId, getResourceId } from '../../helpers/utils';

const properties: INodeProperties[] = [orderRLC, returnAllField, limitField];

const displayOptions = { show: { resource: ['fulfillment'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const orderId = getResourceId(this, 'orderId', 'Order', itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const locationId = await getLocationId(this, itemIndex);
	const fulfillments = await listFulfillments(this, locationId, orderId, itemIndex);
	if (returnAll) return fulfillments;
	const limit = this.getNodeParameter('limit', itemIndex, 50) as number;
	return fulfillments.slice(0, Math.max(1, limit));
}
