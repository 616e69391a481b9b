/**
 * Registers the Shipping Rates Trigger's signed callback URL as a HighLevel shipping carrier, and
 * removes it (HighLevel's trigger edge, highLevel.ts, runs it on activation). Idempotent by
 * natural key: a carrier "belongs" to the trigger when its `callbackUrl`, without the query
 * string, is the trigger's webhook URL (or that URL + `/rates`); no ids are stored.
 *
 * Source: test/standins/specs/highlevel/apps/store.json (`create-shipping-carrier`,
 * `list-shipping-carriers`, `update-shipping-carrier`, `delete-shipping-carrier`).
 */
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { altOf, highLevelApiRequest, resolveLocationId } from '../../highlevel/transport';
import { deleteShippingCarrier } from '../../highlevel/carriers';
import { buildCallbackUrl, withoutQuery } from '../../signatures/callbackToken';
import { callbackSecretOf } from '../../signatures/secret';

interface Carrier {
	_id: string;
	name?: string;
	callbackUrl?: string;
}

/** The carrier the trigger registers: for `locationId`, named `name`, calling `callbackUrl`. */
export interface RegistrationTarget {
	locationId: string;
	callbackUrl: string;
	name: string;
	services: IDataObject[];
}

/**
 * The carrier this trigger stands for: its webhook URL signed for the location (Location ID, else
 * the credential's), Carrier Name and Carrier Services. Throws a NodeOperationError when the
 * trigger has no webhook URL or the credential no Callback Signing Secret.
 */
export async function registrationTarget(ctx: IHookFunctions): Promise<RegistrationTarget> {
	const webhookUrl = ctx.getNodeWebhookUrl('default');
	if (!webhookUrl) throw new NodeOperationError(ctx.getNode(), 'The trigger has no webhook URL');
	const locationId = await resolveLocationId(ctx, ctx.getNodeParameter('locationId', '') as string);
	const secret = await callbackSecretOf(ctx);
	const services = (
		(ctx.getNodeParameter('carrierServices', {}) as IDataObject).service as IDataObject[] | undefined
	) ?? [];
	return {
		locationId,
		callbackUrl: buildCallbackUrl(webhookUrl, secret, locationId),
		name: ctx.getNodeParameter('carrierName', 'Live Rates (n8n)') as string,
		services: services.map((s) => ({ name: String(s.name), value: String(s.value) })),
	};
}

/** Carriers of the location whose callback URL points at this trigger. */
export async function ownCarriers(ctx: IHookFunctions, target: RegistrationTarget): Promise<Carrier[]> {
	const response = await highLevelApiRequest<{ data?: Carrier[] }>(ctx, {
		method: 'GET',
		endpoint: '/store/shipping-carrier',
		qs: altOf(target.locationId),
	});
	const base = withoutQuery(target.callbackUrl);
	return (response.data ?? []).filter((carrier) => {
		const url = withoutQuery(String(carrier.callbackUrl ?? ''));
		return url === base || url === `${base}/rates`;
	});
}

/**
 * Registers `target`, or updates the carrier already registered for this trigger (and removes
 * duplicates); answers the carrier's id. HighLevel refusals are thrown as NodeApiError.
 */
export async function upsertCarrier(ctx: IHookFunctions, target: RegistrationTarget): Promise<string> {
	const existing = await ownCarriers(ctx, target);
	const body: IDataObject = {
		...altOf(target.locationId),
		name: target.name,
		callbackUrl: target.callbackUrl,
	};
	if (target.services.length) body.services = target.services;
	if (existing.length === 0) {
		const created = await highLevelApiRequest<{ data?: Carrier }>(ctx, {
			method: 'POST',
			endpoint: '/store/shipping-carrier',
			body,
		});
		return String(created.data?._id ?? '');
	}
	const [keep, ...duplicates] = existing;
	await highLevelApiRequest(ctx, {
		method: 'PUT',
		endpoint: `/store/shipping-carrier/${encodeURIComponent(keep._id)}`,
		body,
	});
	for (const duplicate of duplicates) await deleteCarrier(ctx, target.locationId, duplicate._id);
	return keep._id;
}

/** Removes a carrier; one already gone (deleted by hand, or by the second webhook path) is fine. */
export async function deleteCarrier(ctx: IHookFunctions, locationId: string, carrierId: string): Promise<void> {
	await deleteShippingCarrier(ctx, locationId, carrierId);
}
