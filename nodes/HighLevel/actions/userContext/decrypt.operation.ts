/**
 * User Context → Decrypt: turns the encrypted user data a custom page receives from HighLevel
 * (`REQUEST_USER_DATA_RESPONSE` payload, or `exposeSessionDetails(appId)` in custom JS) into
 * `{userId, companyId, role, type, activeLocation, locationId, userName, email}`, using the
 * Shared Secret of the HighLevel OAuth2 credential. No request is sent.
 * Source: GoHighLevel/highlevel-api-docs docs/marketplace modules/shared_secret_customJS_customPages.md.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { getHighLevelCredentialInfo } from '../../../../nodes/shared/highlevel/transport';
import { decryptUserContext, UserContextError } from '../../../../nodes/shared/highlevel/userContext';
import { fail } from '../../helpers/utils';

const properties: INodeProperties[] = [
	{
		displayName: 'Encrypted User Data',
		name: 'encryptedData',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		placeholder: 'e.g. {{ $json.body.encryptedData }}',
		description:
			'The encrypted string HighLevel gave the custom page (starts with U2FsdGVkX1), e.g. posted by the page to a Webhook node',
	},
];

const displayOptions = { show: { resource: ['userContext'], operation: ['decrypt'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const info = await getHighLevelCredentialInfo(this);
	if (!info.sharedSecret) {
		fail(
			this,
			itemIndex,
			"Shared Secret: the HighLevel credential has none. Generate it in the Marketplace app (Advanced Settings → Auth → Shared Secret) and enter it in the credential",
		);
	}
	const encrypted = this.getNodeParameter('encryptedData', itemIndex, '') as string;
	try {
		return decryptUserContext(encrypted, info.sharedSecret) as IDataObject;
	} catch (error) {
		const reason = error instanceof UserContextError ? error.message : String(error);
		return fail(this, itemIndex, `Encrypted User Data: ${reason}`);
	}
}
