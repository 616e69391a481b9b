/**
 * Shippo action node: live rate quotes for canonical rate requests (the live-rates step),
 * shipments, rates, carrier accounts and parcel templates.
 *
 * Units: canonical requests hold grams, millimetres and integer minor units; Shippo gets decimal
 * strings in the chosen units (see nodes/shared/shippo/mapping.ts). Source: Shippo OpenAPI 3.1
 * (../shared/specs/shippo/public-api.yaml), operationIds named in each operation file.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as carrierAccount from './actions/carrierAccount/CarrierAccount.resource';
import * as parcelTemplate from './actions/parcelTemplate/ParcelTemplate.resource';
import * as rate from './actions/rate/Rate.resource';
import * as rateQuote from './actions/rateQuote/RateQuote.resource';
import * as shipment from './actions/shipment/Shipment.resource';
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
		description: 'Get live shipping rates and manage shipments with Shippo',
		defaults: { name: 'Shippo' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'shippoApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Carrier Account', value: 'carrierAccount' },
					{ name: 'Parcel Template', value: 'parcelTemplate' },
					{ name: 'Rate', value: 'rate' },
					{
						name: 'Rate Quote',
						value: 'rateQuote',
						description: 'Live quotes for a canonical rate request',
					},
					{ name: 'Shipment', value: 'shipment' },
				],
				default: 'rateQuote',
			},
			...rateQuote.description,
			...shipment.description,
			...rate.description,
			...carrierAccount.description,
			...parcelTemplate.description,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
