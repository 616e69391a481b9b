/**
 * LaunchMyStore Shipping: the order and fulfillment side of a LaunchMyStore shipping app: read
 * orders, and write back packages (fulfillments with tracking numbers), idempotent by tracking
 * number. Operations live in actions/<resource>/<operation>.operation.ts; requests go through
 * nodes/shared/launchMyStore/transport.ts with the LaunchMyStore credential.
 * Sources: https://docs.launchmystore.io/api-reference/orders/get,
 * https://docs.launchmystore.io/api-reference/fulfillments/create,
 * https://docs.launchmystore.io/extensions/live-rate-providers.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { LAUNCHMYSTORE_CREDENTIAL_TYPE } from '../../nodes/shared/launchMyStore/transport';
import * as fulfillment from './actions/fulfillment/Fulfillment.resource';
import * as order from './actions/order/Order.resource';
import { router } from './actions/router';
import { searchOrders } from './methods/listSearch';

export class LaunchMyStore implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LaunchMyStore Shipping',
		name: 'launchMyStore',
		icon: { light: 'file:../../icons/launchmystore.svg', dark: 'file:../../icons/launchmystore.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read LaunchMyStore orders and fulfil them with tracking numbers',
		defaults: { name: 'LaunchMyStore Shipping' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: LAUNCHMYSTORE_CREDENTIAL_TYPE, required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Fulfillment', value: 'fulfillment' },
					{ name: 'Order', value: 'order' },
				],
				default: 'fulfillment',
			},
			...fulfillment.description,
			...order.description,
		],
	};

	methods = {
		listSearch: { searchOrders },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
