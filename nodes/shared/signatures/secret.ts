/**
 * The secret that signs callback URLs: the credential's "Callback Signing Secret", else the
 * OAuth2 client secret, else the Private Integration Token — always something only the
 * credential's owner holds, and nothing stored outside n8n's credential store.
 */
import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { HighLevelContext } from '../highlevel/transport';
import { getHighLevelCredentialType } from '../highlevel/transport';

export async function callbackSecretOf(ctx: HighLevelContext, itemIndex?: number): Promise<string> {
	const credentials = (await ctx.getCredentials(getHighLevelCredentialType(ctx))) as IDataObject;
	const secret = String(credentials.callbackSecret || credentials.clientSecret || credentials.token || '');
	if (!secret) {
		throw new NodeOperationError(
			ctx.getNode(),
			'Callback Signing Secret is empty: set it on the HighLevel credential',
			{ itemIndex },
		);
	}
	return secret;
}
