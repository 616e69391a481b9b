/**
 * One connection check, as the Shipping Rates Trigger handles it on its `check-connection` path
 * (webhook name `setup`): BigCommerce POSTs `{ connection_options: {...} }` to a shipping
 * provider's Check Connection Options URL when a merchant connects the carrier, and waits for
 * `{ valid, messages: [{ type, text }] }`.
 *
 *  1. a platform without connection checks (`LiveRatePlatform.connectionCheck`: HighLevel,
 *     LaunchMyStore) answers 404 `{ error }`;
 *  2. the call is authenticated like a rate callback (BigCommerce: the signed URL `?loc=&t=` and
 *     the optional `X-Shipping-Secret` header); refused: 401 `{ valid: false, messages: [ERROR] }`;
 *  3. a body without a `connection_options` object: 400 `{ valid: false, messages: [ERROR] }`;
 *  4. otherwise one execution starts with the item `{ kind: 'checkConnectionOptions', platform,
 *     locationId, connectionOptions, receivedAt, deadlineAt }`, guarded like rate callbacks: at the
 *     deadline, or when the workflow fails or answers something else than `{ valid, messages }`,
 *     the answer is `{ valid: false, messages: [{ type: 'ERROR', text: <why> }] }`.
 * A workflow tests the options, sets `valid` and `messages` on the item and ends in the Shipping
 * Rates Response node, which answers them. No answer cache and no admission control: merchants
 * connect a carrier rarely.
 *
 * Source: BigCommerce developer documentation, "Shipping Providers" (Check Connection Options URL,
 * https://developer.bigcommerce.com/docs/integrations/shipping) and the Validate connection options
 * reference (https://developer.bigcommerce.com/docs/apps-api/shipping).
 */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { CONNECTION_CHECK_KIND, RateRequestParseError } from '../../nodes/shared/liveRates/platform';
import type { GuardedResponse } from './failOpen';
import { armFailOpen } from './failOpen';
import { answerNow, authenticateCall, callbackOf } from './callback';
import { readTriggerSettings } from './settings';

/** Name of the trigger's webhook for connection checks (n8n's second webhook name). */
export const CONNECTION_CHECK_WEBHOOK = 'setup';

/** Path of that webhook, after the trigger's webhook id. */
export const CONNECTION_CHECK_PATH = 'check-connection';

export async function handleConnectionCheck(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const receivedAt = Date.now();
	const res = this.getResponseObject();
	const settings = readTriggerSettings(this);
	const { platform } = settings;
	const check = platform.connectionCheck;
	if (!check) {
		return answerNow(res, 404, {
			error: `${platform.displayName} makes no connection checks: the ${CONNECTION_CHECK_PATH} URL answers BigCommerce's Check Connection Options only`,
		});
	}
	const invalid = (text: string) => check.format({ valid: false, messages: [{ type: 'ERROR', text }] });

	const authentication = await authenticateCall(this, settings, callbackOf(this));
	if (!authentication.ok) return answerNow(res, authentication.status, invalid(authentication.error));

	let connectionOptions;
	try {
		connectionOptions = check.parse(this.getRequestObject().body);
	} catch (error) {
		if (error instanceof RateRequestParseError) return answerNow(res, 400, invalid(error.message));
		throw new NodeOperationError(this.getNode(), error as Error);
	}

	const deadlineAt = receivedAt + settings.deadlineMs;
	armFailOpen(res as unknown as GuardedResponse, {
		deadlineAt,
		fallbackBody: invalid('The connection check did not answer'),
		fallbackFor: (source) =>
			invalid(
				source === 'fallback-deadline'
					? `The connection check did not answer within ${settings.deadlineMs} ms`
					: 'The connection check workflow failed or answered without valid and messages',
			),
		isAnswer: check.isAnswer,
	});

	const json: IDataObject = {
		kind: CONNECTION_CHECK_KIND,
		platform: platform.id,
		locationId: authentication.storeId,
		connectionOptions: connectionOptions as IDataObject,
		receivedAt,
		deadlineAt,
	};
	return { workflowData: [[{ json }]] };
}
