/**
 * The operation contract and the router shared by the pack's action nodes (the n8n Airtable v2
 * shape: `actions/<resource>/<operation>.operation.ts`, each exporting `description` and
 * `execute`). An operation runs for one input item and returns one or more JSON objects; the
 * router pairs every output item with its input item, turns any error into a NodeApiError or
 * NodeOperationError carrying the item index (`asNodeError`), and with "Continue On Fail" emits
 * `{ error, description? }` for the failed item and goes on.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** Runs one operation for one input item. */
export type OperationExecute = (this: IExecuteFunctions, itemIndex: number) => Promise<IDataObject | IDataObject[]>;

/** `resource → operation → module`, as `import * as order from './order/Order.resource'` gives. */
export type ResourceModules = Record<string, Record<string, unknown>>;

/** A NodeApiError/NodeOperationError as it is (with the item index set), anything else wrapped. */
export function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

function findOperation(ctx: IExecuteFunctions, resources: ResourceModules, resource: string, operation: string): OperationExecute {
	const module = resources[resource]?.[operation] as { execute?: OperationExecute } | undefined;
	if (typeof module?.execute !== 'function') {
		throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" is not supported for resource "${resource}"`);
	}
	return module.execute;
}

/** Runs the node's chosen resource and operation once per input item (see the header). */
export async function routeOperations(ctx: IExecuteFunctions, resources: ResourceModules): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const execute = findOperation(ctx, resources, resource, operation);

	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await execute.call(ctx, itemIndex);
			const records: IDataObject[] = Array.isArray(result) ? result : [result];
			for (const json of records) returnData.push({ json, pairedItem: { item: itemIndex } });
		} catch (error) {
			const nodeError = asNodeError(ctx, error, itemIndex);
			if (ctx.continueOnFail()) {
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
