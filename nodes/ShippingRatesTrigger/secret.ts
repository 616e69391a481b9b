/**
 * The secret that signs callback URLs: the credential's "Callback Signing Secret", else the
 * OAuth2 client secret, else the Private Integration Token — always something only the
 * credential's owner holds, and nothing stored outside n8n's credential store.
 */
import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { getHighLevelCredentialType } from '../shared/highlevel/transport';

export async function callbackSecretOf(ctx: IHookFunctions | IWebhookFunctions): Promise<string> {
	const credentials = (await ctx.getCredentials(getHighLevelCredentialType(ctx))) as IDataObject;
	const secret = String(credentials.callbackSecret || credentials.clientSecret || credentials.token || '');
	if (!secret) {
		throw new NodeOperationError(
			ctx.getNode(),
			'Callback Signing Secret is empty: set it on the HighLevel credential',
		);
	}
	return secret;
}
