/**
 * HighLevel (LeadConnector) store shipping: carriers (live-rate callbacks), zones and rates, and
 * orders with their fulfillments.
 * API: ../shared/specs/highlevel/apps/store.json (Store API) and apps/payments.json (orders,
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
import * as order from './actions/order/Order.resource';
import { router } from './actions/router';
import * as shippingCarrier from './actions/shippingCarrier/ShippingCarrier.resource';
import * as shippingRate from './actions/shippingRate/ShippingRate.resource';
import * as shippingZone from './actions/shippingZone/ShippingZone.resource';
import {
	searchOrders,
	searchShippingCarriers,
	searchShippingRates,
	searchShippingZones,
} from './methods/listSearch';
import { getShippingZones } from './methods/loadOptions';
import { highLevelAuthenticationProperty, highLevelCredentials } from '../shared/highlevel/descriptions';

export class HighLevelShipping implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HighLevel',
		name: 'highLevelShipping',
		icon: { light: 'file:../../icons/highlevel.svg', dark: 'file:../../icons/highlevel.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Manage HighLevel store shipping carriers, zones and rates, and fulfil orders with tracking',
		defaults: { name: 'HighLevel' },
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
					{ name: 'Order', value: 'order' },
					{ name: 'Shipping Carrier', value: 'shippingCarrier' },
					{ name: 'Shipping Rate', value: 'shippingRate' },
					{ name: 'Shipping Zone', value: 'shippingZone' },
				],
				default: 'shippingCarrier',
			},
			...fulfillment.description,
			...order.description,
			...shippingCarrier.description,
			...shippingRate.description,
			...shippingZone.description,
		],
	};

	methods = {
		listSearch: { searchOrders, searchShippingCarriers, searchShippingRates, searchShippingZones },
		loadOptions: { getShippingZones },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
