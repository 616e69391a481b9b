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
import type { ShippoContext } from '../../shared/shippo/transport';
import { SHIPPO_CREDENTIAL_TYPE, SHIPPO_DEFAULT_BASE_URL } from '../../shared/shippo/transport';
import type { ShippoAddress } from '../../shared/shippo/mapping';
import { ShippoMappingError } from '../../shared/shippo/mapping';

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

/** One output item per result, paired with the input item. */
export function toExecutionItems(results: IDataObject[], itemIndex: number): INodeExecutionData[] {
	return results.map((json) => ({ json, pairedItem: { item: itemIndex } }));
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
	const credentials = (await ctx.getCredentials(SHIPPO_CREDENTIAL_TYPE)) as IDataObject;
	const baseUrl = String(credentials.baseUrl || SHIPPO_DEFAULT_BASE_URL).replace(/\/+$/, '');
	return createHash('sha256')
		.update(`${baseUrl}\n${String(credentials.token ?? '')}`)
		.digest('hex')
		.slice(0, 32);
}
