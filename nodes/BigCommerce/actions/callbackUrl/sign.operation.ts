/**
 * Callback URL → Sign: the URLs a carrier app registers with BigCommerce for one store, made from
 * the Shipping Rates Trigger's Production URL (`…/webhook/<id>/rates`):
 *   quoteUrl:           <Production URL>?loc=<store hash>&t=<token>
 *   checkConnectionUrl: the same with the last segment `rates` replaced by `check-connection`
 * The token is the HMAC of the store hash with the credential's Callback Signing Secret
 * (`signLocation`, nodes/shared/signatures/callbackToken.ts); the trigger checks it on every call.
 * BigCommerce signs nothing itself ("developer-configured authentication",
 * https://developer.bigcommerce.com/docs/integrations/shipping). No request is sent.
 * Output: `{storeHash, quoteUrl, checkConnectionUrl}`.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { signBigCommerceUrls } from '../../../../nodes/shared/bigCommerce/carriers';
import { getBigCommerceCredentialInfo } from '../../../../nodes/shared/bigCommerce/transport';
import { fail } from '../common';

const properties: INodeProperties[] = [
	{
		displayName: 'Production URL',
		name: 'productionUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://n8n.example.com/webhook/0b5c…/rates',
		description:
			"The Shipping Rates Trigger's Production URL (Platform BigCommerce), ending in /rates. Query parameters loc and t are added.",
	},
];

const displayOptions = { show: { resource: ['callbackUrl'], operation: ['sign'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const productionUrl = String(this.getNodeParameter('productionUrl', itemIndex, '') ?? '').trim();
	if (!productionUrl)
		fail(this, itemIndex, "Production URL: enter the Shipping Rates Trigger's Production URL");
	const info = await getBigCommerceCredentialInfo(this, itemIndex);
	if (!info.callbackSecret) {
		fail(
			this,
			itemIndex,
			'Callback Signing Secret is empty: set it on the BigCommerce credential (callbackSecret), the same secret the Shipping Rates Trigger uses',
		);
	}
	let urls;
	try {
		urls = signBigCommerceUrls(productionUrl, info.callbackSecret, info.storeHash);
	} catch (error) {
		fail(this, itemIndex, `Production URL: ${(error as Error).message}`);
	}
	return { storeHash: info.storeHash, ...urls };
}
