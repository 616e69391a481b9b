/**
 * Small helpers shared by the Shippo node's operations.
 */
import { createHash } from 'node:crypto';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { ShippoContext } from '../../../nodes/shared/shippo/transport';
import { getShippoBaseUrl, getShippoCredentials } from '../../../nodes/shared/shippo/transport';
import type { ShippoAddress } from '../../../nodes/shared/shippo/mapping';
import { ShippoMappingError } from '../../../nodes/shared/shippo/mapping';

/** Address keys as the node's address fields name them (Shippo's own names). */
export const ADDRESS_KEYS = [
	'name',
	'company',
	'street1',
	'street2',
	'city',
	'state',
	'zip',
	'country',
	'phone',
	'email',
] as const;

/** Fixed-collection address values → Shippo address (trimmed; empty fields dropped). */
export function addressFromUi(values: IDataObject | undefined): ShippoAddress | undefined {
	if (!values) return undefined;
	const address: Record<string, string> = {};
	for (const key of ADDRESS_KEYS) {
		const value = values[key];
		if (value === undefined || value === null) continue;
		const text = String(value).trim();
		if (text) address[key] = text;
	}
	if (Object.keys(address).length === 0) return undefined;
	return address as unknown as ShippoAddress;
}

/** Splits a comma/space/newline separated list, dropping empties. */
export function parseList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((entry) => String(entry).trim()).filter(Boolean);
	if (typeof value !== 'string') return [];
	return value
		.split(/[\s,]+/)
		.map((entry) => entry.trim())
		.filter(Boolean);
}

/**
 * Runs `handler` for every input item: each returned object becomes an output item paired with
 * its input item. A failing item throws a node error with its index, or, when the node is set
 * to continue on fail, becomes `{ error }` (merged into `errorJson(i)` when given).
 */
export async function runPerItem(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	handler: (itemIndex: number) => Promise<IDataObject[]>,
	errorJson: (itemIndex: number) => IDataObject = () => ({}),
): Promise<INodeExecutionData[]> {
	return await runPerItemWithBinary(
		ctx,
		items,
		async (i) => (await handler(i)).map((json) => ({ json })),
		errorJson,
	);
}

/** As runPerItem, for handlers whose results carry binary data (`{ json, binary }`). */
export async function runPerItemWithBinary(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	handler: (itemIndex: number) => Promise<Array<Pick<INodeExecutionData, 'json' | 'binary'>>>,
	errorJson: (itemIndex: number) => IDataObject = () => ({}),
): Promise<INodeExecutionData[]> {
	const returnData: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const results = await handler(i);
			for (const result of results) {
				const item: INodeExecutionData = { json: result.json, pairedItem: { item: i } };
				if (result.binary) item.binary = result.binary;
				returnData.push(item);
			}
		} catch (error) {
			if (ctx.continueOnFail()) {
				returnData.push({
					json: { ...errorJson(i), error: (error as Error).message },
					pairedItem: { item: i },
				});
				continue;
			}
			throw toNodeError(ctx, error, i);
		}
	}
	return returnData;
}

/**
 * Any error → NodeApiError / NodeOperationError carrying the item index (errors that already are
 * one pass through unchanged).
 */
export function toNodeError(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof ShippoMappingError) {
		return new NodeOperationError(ctx.getNode(), error.message, { itemIndex });
	}
	if (error instanceof Error) return new NodeOperationError(ctx.getNode(), error, { itemIndex });
	return new NodeApiError(ctx.getNode(), { message: String(error) } as JsonObject, { itemIndex });
}

/**
 * Short SHA-256 of the credential's base URL and token, so cached answers never cross accounts
 * (test vs live token, stand-in vs real API). The token itself is never stored.
 */
export async function credentialFingerprint(ctx: ShippoContext): Promise<string> {
	const credentials = await getShippoCredentials(ctx);
	const baseUrl = await getShippoBaseUrl(ctx);
	return createHash('sha256')
		.update(`${baseUrl}\n${String(credentials.token ?? '')}`)
		.digest('hex')
		.slice(0, 32);
}
