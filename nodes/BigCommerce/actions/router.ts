import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { routeOperations } from '../../../nodes/shared/actions/router';
import * as callbackUrl from './callbackUrl/CallbackUrl.resource';
import * as carrierConnection from './carrierConnection/CarrierConnection.resource';
import * as shippingMethod from './shippingMethod/ShippingMethod.resource';
import * as shippingZone from './shippingZone/ShippingZone.resource';

const resources = { callbackUrl, carrierConnection, shippingMethod, shippingZone };

/**
 * Runs the chosen operation once per input item (nodes/shared/actions/router.ts: `pairedItem`,
 * one error normaliser, "Continue On Fail").
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperations(this, resources);
}
