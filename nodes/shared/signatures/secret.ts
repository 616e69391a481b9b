/**
 * The secret that signs callback URLs: the credential's "Callback Signing Secret", else the
 * OAuth2 client secret, else the Private Integration Token — always something only the
 * credential's owner holds, and nothing stored outside n8n's credential store.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { HighLevelContext } from '../highlevel/transport';
import { getHighLevelCredentialType } from '../highlevel/transport';
import { readCachedCredentials } from '../credentials/credentialCache';
import { signingSecretOf } from './callbackToken';

export { signingSecretOf };

/**
 * The callback signing secret of the node's HighLevel credential, read through the short-lived
 * credential cache (shared/credentials/credentialCache.ts; `maxAgeMs` bounds how old a kept copy
 * may be, 0 reads from n8n). Throws a NodeOperationError naming the field when it is empty.
 */
export async function callbackSecretOf(
	ctx: HighLevelContext,
	itemIndex?: number,
	options: { credentialType?: string; maxAgeMs?: number } = {},
): Promise<string> {
	const type = options.credentialType ?? getHighLevelCredentialType(ctx);
	const secret = signingSecretOf(await readCachedCredentials(ctx, type, { maxAgeMs: options.maxAgeMs }));
	if (!secret) {
		throw new NodeOperationError(
			ctx.getNode(),
			'Callback Signing Secret is empty: set it on the HighLevel credential',
			{ itemIndex },
		);
	}
	return secret;
}
