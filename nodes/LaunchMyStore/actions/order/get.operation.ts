/**
 * Order → Get.
 * Source: GET /api/v1/orders/{order_id}.json → `{success, data: order}` with line items, shipping
 * lines, shipping address and fulfillments (https://docs.launchmystore.io/api-reference/orders/get).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { getLaunchMyStoreOrder } from '../../../../nodes/shared/launchMyStore/api';
import { getOrderId, orderIdLocator } from '../common.description';

const properties: INodeProperties[] = [orderIdLocator];

const displayOptions = { show: { resource: ['order'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await getLaunchMyStoreOrder(this, getOrderId(this, itemIndex), itemIndex);
}
