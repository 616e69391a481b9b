/**
 * Decrypted credentials kept in memory for a short while, for the live-rates hot path.
 *
 * n8n reads a credential from its database, decrypts it and resolves its expressions (in a new
 * expression isolate, n8n 2.x) on every `getCredentials` call: on a live-rate callback that was
 * the largest single cost of the pack (three reads per call). This cache keeps the decrypted data
 * of one node's credential for `CREDENTIAL_CACHE_TTL_MS`, keyed by workflow id, node name,
 * credential type and credential id, so one node never sees another's credential.
 *
 * Freshness: a credential changed in n8n is used by the live-rates nodes within
 * `CREDENTIAL_CACHE_TTL_MS` at the latest; callers drop an entry at once when the service refuses
 * it (`forgetCredentials`, e.g. Shippo's 401) or when a check against it fails
 * (`readCachedCredentials(ctx, type, { maxAgeMs })` with a small age). In memory and per process, bounded: a miss
 * reads from n8n, so correctness never depends on it.
 */
import type { ICredentialDataDecryptedObject, ICredentialsDecrypted, IDataObject, INode } from 'n8n-workflow';

/** How long a decrypted credential is reused, in milliseconds. */
export const CREDENTIAL_CACHE_TTL_MS = 30_000;
const MAX_ENTRIES = 500;

/** The part of an n8n node context the cache needs. */
export interface CredentialReader {
	getNode(): INode;
	getWorkflow?(): { id?: string | undefined };
	getCredentials<T extends object = ICredentialDataDecryptedObject>(type: string, itemIndex?: number): Promise<T>;
}

interface Entry {
	data: Promise<IDataObject>;
	readAt: number;
}

const entries = new Map<string, Entry>();

function keyOf(ctx: CredentialReader, type: string): string | undefined {
	const node = ctx.getNode();
	const reference = node.credentials?.[type];
	const id = reference?.id;
	if (!id) return undefined;
	const workflowId = typeof ctx.getWorkflow === 'function' ? ctx.getWorkflow().id : undefined;
	return JSON.stringify([workflowId ?? '', node.name, type, id]);
}

/**
 * The node's credential of `type`, decrypted: from memory when read less than `maxAgeMs`
 * (default and at most `CREDENTIAL_CACHE_TTL_MS`) ago by the same node of the same workflow, else
 * from n8n (and kept). `maxAgeMs: 0` always reads from n8n. Errors are n8n's own and are not kept.
 */
export async function readCachedCredentials(
	ctx: CredentialReader,
	type: string,
	options: { maxAgeMs?: number; now?: number } = {},
): Promise<IDataObject> {
	const key = keyOf(ctx, type);
	if (!key) return (await ctx.getCredentials(type)) as IDataObject;
	const now = options.now ?? Date.now();
	const maxAgeMs = Math.min(options.maxAgeMs ?? CREDENTIAL_CACHE_TTL_MS, CREDENTIAL_CACHE_TTL_MS);
	const hit = entries.get(key);
	if (hit && now - hit.readAt < maxAgeMs) return await hit.data;
	const data = ctx.getCredentials(type) as Promise<IDataObject>;
	entries.delete(key);
	entries.set(key, { data, readAt: now });
	while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
	data.catch(() => {
		if (entries.get(key)?.data === data) entries.delete(key);
	});
	return await data;
}

/** Drops the node's cached credential of `type` (the service refused it, or it was changed). */
export function forgetCredentials(ctx: CredentialReader, type: string): void {
	const key = keyOf(ctx, type);
	if (key) entries.delete(key);
}

/**
 * The `credentialsDecrypted` option of `httpRequestWithAuthentication`, so n8n authenticates the
 * request with data already read instead of reading the credential again. The data is copied:
 * n8n may add pre-authentication fields to it.
 */
export function decryptedCredentialsOf(ctx: CredentialReader, type: string, data: IDataObject): ICredentialsDecrypted | undefined {
	const reference = ctx.getNode().credentials?.[type];
	if (!reference?.id) return undefined;
	return { id: reference.id, name: reference.name, type, data: { ...data } as ICredentialDataDecryptedObject };
}

/** Forgets every cached credential (tests). */
export function clearCredentialCache(): void {
	entries.clear();
}
