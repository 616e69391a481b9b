/**
 * Dispatches to `<resource>/<operation>.operation.ts` (the n8n Airtable v2 shape).
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { ShippoType } from './node.type';

import * as address from './address/Address.resource';
import * as carrierAccount from './carrierAccount/CarrierAccount.resource';
import * as order from './order/Order.resource';
import * as parcelTemplate from './parcelTemplate/ParcelTemplate.resource';
import * as rate from './rate/Rate.resource';
import * as rateQuote from './rateQuote/RateQuote.resource';
import * as shipment from './shipment/Shipment.resource';
import * as track from './track/Track.resource';
import * as transaction from './transaction/Transaction.resource';
import * as webhook from './webhook/Webhook.resource';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const shippoNodeData = { resource, operation } as ShippoType;

	let returnData: INodeExecutionData[];
	switch (shippoNodeData.resource) {
		case 'rateQuote':
			returnData = await rateQuote[shippoNodeData.operation].execute.call(this, items);
			break;
		case 'shipment':
			returnData = await shipment[shippoNodeData.operation].execute.call(this, items);
			break;
		case 'rate':
			returnData = await rate[shippoNodeData.operation].execute.call(this, items);
			break;
		case 'carrierAccount':
			returnData = await carrierAccount[shippoNodeData.operation].execute.call(this, items);
			break;
		case 'order':
			returnData = await order[shippoNodeData.operation].execute.call(this, items);
			break;
		case 'parcelTemplate':
			returnData = await parcelTemplate[shippoNodeData.operation].execute.call(this, items);
			break;
		case 'transaction':
			returnData = await transaction[shippoNodeData.operation].execute.call(this, items);
			break;
		case 'track':
			returnData = await track[shippoNodeData.operation].execute.call(this, items);
			break;
		case 'webhook':
			returnData = await webhook[shippoNodeData.operation].execute.call(this, items);
			break;
		case 'address':
			returnData = await address[shippoNodeData.operation].execute.call(this, items);
			break;
		default:
			throw new NodeOperationError(
				this.getNode(),
				`The resource "${resource}" with operation "${operation}" is not supported`,
			);
	}
	return [returnData];
}
