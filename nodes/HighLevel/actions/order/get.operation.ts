/**
 * Order → Get.
 * Source: GET /payments/orders/{orderId} (get-order-by-id), query `altId` (required), `locationId`
 * (+ `altType=location`, highlevel.md §2), response GetOrderResponseSchema (the order itself;
 * `items` are objects `{_id, name, qty, price{_id,…}, product{…}}` although declared string[]).
 * An unknown order answers 400 "Order not found".
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { orderRLC } from '../../descriptions/common.description';
import { getOrder } from '../../helpers/api';
import { getLocationId, getResourceId, unwrapData } from '../../helpers/utils';

const properties: INodeProperties[] = [orderRLC];

const displayOptions = { show: { resource: ['order'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const orderId = getResourceId(this, 'orderId', 'Order', itemIndex);
	const locationId = await getLocationId(this, itemIndex);
	return unwrapData(await getOrder(this, locationId, orderId, itemIndex));
}
