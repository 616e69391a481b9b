import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { routeOperations } from '../../../nodes/shared/actions/router';
import * as fulfillment from './fulfillment/Fulfillment.resource';
import * as order from './order/Order.resource';

/** `resource → operation → module` of the LaunchMyStore Shipping node. */
export const resources = { fulfillment, order };

export type LaunchMyStoreResource = keyof typeof resources;

/**
 * Runs the chosen operation once per input item (nodes/shared/actions/router.ts: `pairedItem`,
 * one error normaliser, "Continue On Fail").
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperations(this, resources);
}
