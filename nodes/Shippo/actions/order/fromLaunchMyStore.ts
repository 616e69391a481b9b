/**
 * Order → Create, "From LaunchMyStore Order": the parameters and the body of a Shippo order made
 * from a LaunchMyStore order (nodes/shared/shippo/launchMyStoreOrder.ts). The defaults read the
 * item the LaunchMyStore Shipping Trigger emits (`order`, `shopDomain`, `shipping.serviceCode`).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, jsonParse } from 'n8n-workflow';
import type { LaunchMyStoreOrderLike } from '../../../../nodes/shared/shippo/launchMyStoreOrder';
import { launchMyStoreOrderToShippoOrder } from '../../../../nodes/shared/shippo/launchMyStoreOrder';
import type { ShippoOrderBody } from '../../../../nodes/shared/shippo/orders';

const show = { show: { defineOrder: ['launchMyStoreOrder'] } };

export const launchMyStoreOrderOption = {
	name: 'From LaunchMyStore Order',
	value: 'launchMyStoreOrder',
	description: 'Map a LaunchMyStore order (e.g. from the LaunchMyStore Shipping Trigger); the reference is set from it',
};

export const launchMyStoreOrderProperties: INodeProperties[] = [
	{
		displayName: 'LaunchMyStore Order (JSON)',
		name: 'launchMyStoreOrder',
		type: 'json',
		default: '={{ JSON.stringify($json.order) }}',
		required: true,
		description:
			'A LaunchMyStore order (ID, line_items[], shipping_address, shipping_lines[], money in cents as the REST API gives it)',
		displayOptions: show,
	},
	{
		displayName: 'Shop',
		name: 'launchMyStoreShop',
		type: 'string',
		default: '={{ $json.shopDomain }}',
		required: true,
		description: 'The shop the order belongs to; with the order ID it makes the reference lms:&lt;shop&gt;:&lt;order ID&gt;',
		displayOptions: show,
	},
	{
		displayName: 'Service Code',
		name: 'launchMyStoreServiceCode',
		type: 'string',
		default: '={{ $json.shipping?.serviceCode ?? "" }}',
		description: 'The service the buyer chose at checkout, sent as the Shippo order’s shipping method. Empty: the order’s shipping line code.',
		displayOptions: show,
	},
];

/** The Shippo order body for item `i`; NodeOperationError naming the field on bad input. */
export function launchMyStoreOrderBody(this: IExecuteFunctions, i: number): ShippoOrderBody {
	const raw = this.getNodeParameter('launchMyStoreOrder', i, '{}') as string | IDataObject;
	const order = typeof raw === 'string' ? jsonParse<IDataObject>(raw, { errorMessage: 'LaunchMyStore Order (JSON) is not valid JSON' }) : raw;
	if (typeof order !== 'object' || order === null || Array.isArray(order)) {
		throw new NodeOperationError(this.getNode(), 'LaunchMyStore Order (JSON) must be a JSON object', { itemIndex: i });
	}
	try {
		return launchMyStoreOrderToShippoOrder(order as LaunchMyStoreOrderLike, {
			shop: String(this.getNodeParameter('launchMyStoreShop', i, '') ?? ''),
			serviceCode: String(this.getNodeParameter('launchMyStoreServiceCode', i, '') ?? ''),
		});
	} catch (error) {
		throw new NodeOperationError(this.getNode(), `Invalid order: ${(error as Error).message}`, { itemIndex: i });
	}
}
