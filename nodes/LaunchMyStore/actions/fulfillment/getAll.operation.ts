/**
 * Fulfillment → Get Many: the fulfillments (packages) of an order.
 * Source: GET /api/v1/orders/{order_id}/fulfillments.json → `{success, data: {fulfillments}}`, not
 * paged: every fulfillment is read, then Limit applies
 * (https://docs.launchmystore.io/api-reference/fulfillments/list).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { listLaunchMyStoreFulfillments } from '../../../../nodes/shared/launchMyStore/api';
import { getMaxResults, getOrderId, limitField, orderIdLocator, returnAllField } from '../common.description';

const properties: INodeProperties[] = [orderIdLocator, returnAllField, limitField];

const displayOptions = { show: { resource: ['fulfillment'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const orderId = getOrderId(this, itemIndex);
	const max = getMaxResults(this, itemIndex);
	const fulfillments = await listLaunchMyStoreFulfillments(this, orderId, itemIndex);
	return max === undefined ? fulfillments : fulfillments.slice(0, max);
}
