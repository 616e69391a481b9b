import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { asNodeError } from '../helpers/utils';
import * as fulfillment from './fulfillment/Fulfillment.resource';
import * as inventory from './inventory/Inventory.resource';
import * as location from './location/Location.resource';
import type { HighLevelResource, OperationExecute } from './node.type';
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

function findOperation(
	ctx: IExecuteFunctions,
	resource: string,
	operation: string,
): OperationExecute {
	const module = resources[resource as HighLevelResource]?.[operation] as
		| { execute?: OperationExecute }
		| undefined;
	if (typeof module?.execute !== 'function') {
		throw new NodeOperationError(
			ctx.getNode(),
			`The operation "${operation}" is not supported for resource "${resource}"`,
		);
	}
	return module.execute;
}

/**
 * Runs the chosen operation once per input item. Every output item is paired with its input
 * item; with "Continue On Fail" a failed item becomes `{error}` and the run goes on.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const execute = findOperation(this, resource, operation);

	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await execute.call(this, itemIndex);
			const records: IDataObject[] = Array.isArray(result) ? result : [result];
			for (const json of records) returnData.push({ json, pairedItem: { item: itemIndex } });
		} catch (error) {
			const nodeError = asNodeError(this, error, itemIndex);
			if (this.continueOnFail()) {
				const json: IDataObject = { error: nodeError.message };
				if (nodeError.description) json.description = nodeError.description;
				returnData.push({ json, pairedItem: { item: itemIndex } });
				continue;
			}
			throw nodeError;
		}
	}
	return [returnData];
}
