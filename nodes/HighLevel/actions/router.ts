import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { routeOperations } from '../../../nodes/shared/actions/router';
import * as fulfillment from './fulfillment/Fulfillment.resource';
import * as inventory from './inventory/Inventory.resource';
import * as location from './location/Location.resource';
import type { HighLevelResource } from './node.type';
import * as order from './order/Order.resource';
import * as price from './price/Price.resource';
import * as product from './product/Product.resource';
import * as shippingCarrier from './shippingCarrier/ShippingCarrier.resource';
import * as shippingRate from './shippingRate/ShippingRate.resource';
import * as shippingZone from './shippingZone/ShippingZone.resource';
import * as store from './store/Store.resource';
import * as userContext from './userContext/UserContext.resource';

const resources: Record<HighLevelResource, Record<string, unknown>> = {
	fulfillment,
	inventory,
	location,
	order,
	price,
	product,
	shippingCarrier,
	shippingRate,
	shippingZone,
	store,
	userContext,
};

/**
 * Runs the chosen operation once per input item (nodes/shared/actions/router.ts: `pairedItem`,
 * one error normaliser, "Continue On Fail").
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperations(this, resources);
}
