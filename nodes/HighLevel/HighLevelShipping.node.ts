/**
 * HighLevel (LeadConnector) store shipping: carriers (live-rate callbacks), zones and rates.
 * API: ../shared/specs/highlevel/apps/store.json (Store API, `Version: 2021-07-28` added by the
 * shared transport). Operations live in actions/<resource>/<operation>.operation.ts.
 */
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { router } from './actions/router';
import * as shippingCarrier from './actions/shippingCarrier/ShippingCarrier.resource';
import * as shippingRate from './actions/shippingRate/ShippingRate.resource';
import * as shippingZone from './actions/shippingZone/ShippingZone.resource';
import {
	searchShippingCarriers,
	searchShippingRates,
	searchShippingZones,
} from './methods/listSearch';
import { getShippingZones } from './methods/loadOptions';

export class HighLevelShipping implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HighLevel',
		name: 'highLevelShipping',
		icon: { light: 'file:../../icons/highlevel.svg', dark: 'file:../../icons/highlevel.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage HighLevel store shipping carriers, zones and rates',
		defaults: { name: 'HighLevel' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'highLevelShippingOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
			{
				name: 'highLevelPrivateIntegrationApi',
				required: true,
				displayOptions: { show: { authentication: ['privateIntegrationToken'] } },
			},
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'OAuth2 (Marketplace App)', value: 'oAuth2' },
					{ name: 'Private Integration Token', value: 'privateIntegrationToken' },
				],
				default: 'oAuth2',
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Shipping Carrier', value: 'shippingCarrier' },
					{ name: 'Shipping Rate', value: 'shippingRate' },
					{ name: 'Shipping Zone', value: 'shippingZone' },
				],
				default: 'shippingCarrier',
			},
			...shippingCarrier.description,
			...shippingRate.description,
			...shippingZone.description,
		],
	};

	methods = {
		listSearch: { searchShippingCarriers, searchShippingRates, searchShippingZones },
		loadOptions: { getShippingZones },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
