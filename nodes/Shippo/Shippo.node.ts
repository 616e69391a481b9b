/**
 * Shippo action node: live rate quotes for canonical rate requests (the live-rates step),
 * shipments, rates, carrier accounts and parcel templates.
 *
 * Units: canonical requests hold grams, millimetres and integer minor units; Shippo gets decimal
 * strings in the chosen units (see nodes/shared/shippo/mapping.ts). Source: Shippo OpenAPI 3.1
 * (test/standins/specs/shippo/public-api.yaml), operationIds named in each operation file.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as address from './actions/address/Address.resource';
import * as carrierAccount from './actions/carrierAccount/CarrierAccount.resource';
import * as order from './actions/order/Order.resource';
import * as parcelTemplate from './actions/parcelTemplate/ParcelTemplate.resource';
import * as rate from './actions/rate/Rate.resource';
import * as rateQuote from './actions/rateQuote/RateQuote.resource';
import * as shipment from './actions/shipment/Shipment.resource';
import * as track from './actions/track/Track.resource';
import * as transaction from './actions/transaction/Transaction.resource';
import * as webhook from './actions/webhook/Webhook.resource';
import { router } from './actions/router';
import { listSearch, loadOptions } from './methods';

export class Shippo implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Shippo',
		name: 'shippo',
		icon: { light: 'file:../../icons/shippo.svg', dark: 'file:../../icons/shippo.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Get live shipping rates, manage shipments, orders, labels, tracking and webhooks with Shippo',
		defaults: { name: 'Shippo' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'highLevelShippingShippoApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Address', value: 'address' },
					{ name: 'Carrier Account', value: 'carrierAccount' },
					{ name: 'Order', value: 'order' },
					{ name: 'Parcel Template', value: 'parcelTemplate' },
					{ name: 'Rate', value: 'rate' },
					{
						name: 'Rate Quote',
						value: 'rateQuote',
						description: 'Live quotes for a canonical rate request',
					},
					{ name: 'Shipment', value: 'shipment' },
					{ name: 'Track', value: 'track' },
					{ name: 'Transaction (Label)', value: 'transaction' },
					{ name: 'Webhook', value: 'webhook' },
				],
				default: 'rateQuote',
			},
			...rateQuote.description,
			...shipment.description,
			...rate.description,
			...carrierAccount.description,
			...parcelTemplate.description,
			...order.description,
			...transaction.description,
			...track.description,
			...webhook.description,
			...address.description,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
