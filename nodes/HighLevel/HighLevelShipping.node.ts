/**
 * HighLevel (LeadConnector) store shipping: carriers (live-rate callbacks), zones and rates, and
 * orders with their fulfillments; products, prices (variants), inventory and store inclusion
 * (apps/products.json).
 * API: test/standins/specs/highlevel/apps/store.json (Store API) and apps/payments.json (orders,
 * fulfillments); `Version: 2021-07-28` is added by the shared transport. Operations live in actions/<resource>/<operation>.operation.ts.
 */
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as fulfillment from './actions/fulfillment/Fulfillment.resource';
import * as inventory from './actions/inventory/Inventory.resource';
import * as location from './actions/location/Location.resource';
import * as order from './actions/order/Order.resource';
import * as price from './actions/price/Price.resource';
import * as product from './actions/product/Product.resource';
import { router } from './actions/router';
import * as shippingCarrier from './actions/shippingCarrier/ShippingCarrier.resource';
import * as shippingRate from './actions/shippingRate/ShippingRate.resource';
import * as shippingZone from './actions/shippingZone/ShippingZone.resource';
import * as store from './actions/store/Store.resource';
import * as userContext from './actions/userContext/UserContext.resource';
import {
	searchOrders,
	searchShippingCarriers,
	searchShippingRates,
	searchShippingZones,
} from './methods/listSearch';
import { getShippingZones } from './methods/loadOptions';
import { searchPrices, searchProducts } from './methods/productSearch';
import { highLevelAuthenticationProperty, highLevelCredentials } from '../../nodes/shared/highlevel/descriptions';

export class HighLevelShipping implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HighLevel Store Shipping',
		name: 'highLevelShipping',
		icon: { light: 'file:../../icons/highlevel.svg', dark: 'file:../../icons/highlevel.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Manage HighLevel store shipping carriers, zones and rates, products, prices and inventory, and fulfil orders with tracking',
		defaults: { name: 'HighLevel Store Shipping' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: highLevelCredentials,
		properties: [
			highLevelAuthenticationProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Fulfillment', value: 'fulfillment' },
					{ name: 'Inventory', value: 'inventory' },
					{ name: 'Location', value: 'location' },
					{ name: 'Order', value: 'order' },
					{ name: 'Price', value: 'price' },
					{ name: 'Product', value: 'product' },
					{ name: 'Shipping Carrier', value: 'shippingCarrier' },
					{ name: 'Shipping Rate', value: 'shippingRate' },
					{ name: 'Shipping Zone', value: 'shippingZone' },
					{ name: 'Store', value: 'store' },
					{ name: 'User Context', value: 'userContext' },
				],
				default: 'shippingCarrier',
			},
			...fulfillment.description,
			...inventory.description,
			...location.description,
			...order.description,
			...price.description,
			...product.description,
			...shippingCarrier.description,
			...shippingRate.description,
			...shippingZone.description,
			...store.description,
			...userContext.description,
		],
	};

	methods = {
		listSearch: {
			searchOrders,
			searchPrices,
			searchProducts,
			searchShippingCarriers,
			searchShippingRates,
			searchShippingZones,
		},
		loadOptions: { getShippingZones },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
