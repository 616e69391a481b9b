/**
 * BigCommerce Shipping: a carrier app's set-up of a BigCommerce store. Connect the carrier
 * (Shipping Provider API carrier `carrier_<id>`), add its shipping method to the store's zones,
 * sign the Quote and Check Connection Options URLs for the Shipping Rates Trigger, and undo it all
 * on uninstall. API: BigCommerce REST v2 (test/standins/specs/bigcommerce/openapi.yaml, the
 * project's own schema with the documentation URL of each operation); transport in
 * nodes/shared/bigCommerce/transport.ts; operations in actions/<resource>/<operation>.operation.ts.
 */
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as callbackUrl from './actions/callbackUrl/CallbackUrl.resource';
import * as carrierConnection from './actions/carrierConnection/CarrierConnection.resource';
import { router } from './actions/router';
import * as shippingMethod from './actions/shippingMethod/ShippingMethod.resource';
import * as shippingZone from './actions/shippingZone/ShippingZone.resource';
import { searchShippingMethods, searchShippingZones } from './methods/listSearch';

export class BigCommerceShipping implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'BigCommerce Shipping',
		name: 'bigCommerceShipping',
		icon: {
			light: 'file:../../icons/bigcommerce.svg',
			dark: 'file:../../icons/bigcommerce.dark.svg',
		},
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			"Connect a shipping carrier app to a BigCommerce store: carrier connection, the carrier's shipping methods in every zone, signed Quote URLs",
		defaults: { name: 'BigCommerce Shipping' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'highLevelShippingBigCommerceApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Callback URL', value: 'callbackUrl' },
					{ name: 'Carrier Connection', value: 'carrierConnection' },
					{ name: 'Shipping Method', value: 'shippingMethod' },
					{ name: 'Shipping Zone', value: 'shippingZone' },
				],
				default: 'shippingMethod',
			},
			...callbackUrl.description,
			...carrierConnection.description,
			...shippingMethod.description,
			...shippingZone.description,
		],
	};

	methods = {
		listSearch: { searchShippingMethods, searchShippingZones },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
