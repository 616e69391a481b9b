/**
 * Shipping Carrier → Register: idempotent create-or-update of the location's carrier.
 *
 * 1. GET /store/shipping-carrier (list-shipping-carriers) and look for an existing carrier by
 *    Callback URL (exact, or ignoring the query string) or by name.
 * 2. None → POST /store/shipping-carrier (create-shipping-carrier) → `outcome: "created"`.
 *    Found and already as configured → no write → `outcome: "unchanged"`.
 *    Found and different → PUT /store/shipping-carrier/{shippingCarrierId} (update-shipping-carrier)
 *    → `outcome: "updated"`.
 * Source: test/standins/specs/highlevel/apps/store.json; the carrier is compared on name, callbackUrl,
 * services and allowsMultipleServiceSelection.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { altOf, highLevelApiRequest } from '../../../../nodes/shared/highlevel/transport';
import { buildCallbackUrl } from '../../../../nodes/shared/signatures/callbackToken';
import { callbackSecretOf } from '../../../../nodes/shared/signatures/secret';
import { CARRIERS_ENDPOINT, carrierEndpoint, listShippingCarriers } from '../../helpers/api';
import type { CarrierService } from '../../helpers/utils';
import { getLocationId, idOf, unwrapData, urlWithoutQuery } from '../../helpers/utils';
import type { CarrierInput } from './create.operation';
import { carrierProperties, readCarrierInput } from './create.operation';

export type RegisterMatch = 'callbackUrl' | 'callbackUrlIgnoringQuery' | 'name';

/** How an earlier registration is recognised (Register, Unregister). */
export const matchByProperty: INodeProperties = {
	displayName: 'Match Existing Carrier By',
	name: 'matchBy',
	type: 'options',
	options: [
		{
			name: 'Callback URL',
			value: 'callbackUrl',
			description: 'A carrier with exactly this Callback URL is the same carrier',
		},
		{
			name: 'Callback URL Ignoring Query String',
			value: 'callbackUrlIgnoringQuery',
			description:
				'A carrier whose Callback URL differs only after "?" is the same carrier (e.g. a rotated token parameter)',
		},
		{
			name: 'Name',
			value: 'name',
			description: 'A carrier with this name (case-insensitive) is the same carrier',
		},
	],
	default: 'callbackUrl',
	description: 'How to find the carrier registered by an earlier run',
};

const properties: INodeProperties[] = [
	...carrierProperties,
	matchByProperty,
	{
		displayName: 'Sign Callback URL',
		name: 'signCallbackUrl',
		type: 'boolean',
		default: false,
		description:
			"Whether to add the location and its signature (?loc=…&t=…, HMAC-SHA256 with the credential's Callback Signing Secret) to the Callback URL, as the Shipping Rates Trigger expects. Use with matching by URL ignoring the query string.",
	},
];

const displayOptions = { show: { resource: ['shippingCarrier'], operation: ['register'] } };

export const description = updateDisplayOptions(displayOptions, properties);

const sameText = (a: unknown, b: unknown) =>
	String(a ?? '')
		.trim()
		.toLowerCase() ===
	String(b ?? '')
		.trim()
		.toLowerCase();

export function matchesCarrier(
	carrier: IDataObject,
	input: Pick<CarrierInput, 'name' | 'callbackUrl'>,
	matchBy: RegisterMatch,
): boolean {
	const url = String(carrier.callbackUrl ?? '').trim();
	switch (matchBy) {
		case 'name':
			return sameText(carrier.name, input.name);
		case 'callbackUrlIgnoringQuery':
			return urlWithoutQuery(url) === urlWithoutQuery(input.callbackUrl);
		default:
			return url === input.callbackUrl;
	}
}

const servicesOf = (value: unknown): CarrierService[] =>
	(Array.isArray(value) ? (value as IDataObject[]) : []).map((service) => ({
		name: String(service?.name ?? ''),
		value: String(service?.value ?? ''),
	}));

/** Whether the existing carrier already has every configured value. */
export function isCarrierUnchanged(carrier: IDataObject, input: CarrierInput): boolean {
	return (
		String(carrier.name ?? '') === input.name &&
		String(carrier.callbackUrl ?? '') === input.callbackUrl &&
		JSON.stringify(servicesOf(carrier.services)) === JSON.stringify(input.services) &&
		(carrier.allowsMultipleServiceSelection === true) === input.allowsMultipleServiceSelection
	);
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const input = readCarrierInput.call(this, itemIndex);
	const matchBy = this.getNodeParameter('matchBy', itemIndex, 'callbackUrl') as RegisterMatch;
	const locationId = await getLocationId(this, itemIndex);
	if (this.getNodeParameter('signCallbackUrl', itemIndex, false) as boolean) {
		input.callbackUrl = buildCallbackUrl(input.callbackUrl, await callbackSecretOf(this, itemIndex), locationId);
	}
	const body = { ...altOf(locationId), ...input } as unknown as IDataObject;

	const carriers = await listShippingCarriers(this, locationId, itemIndex);
	const existing = carriers.find((carrier) => matchesCarrier(carrier, input, matchBy));

	if (!existing) {
		const response = await highLevelApiRequest(this, {
			method: 'POST',
			endpoint: CARRIERS_ENDPOINT,
			body,
			itemIndex,
		});
		return { ...unwrapData(response), outcome: 'created' };
	}
	if (isCarrierUnchanged(existing, input)) return { ...existing, outcome: 'unchanged' };

	const response = await highLevelApiRequest(this, {
		method: 'PUT',
		endpoint: carrierEndpoint(idOf(existing)),
		body,
		itemIndex,
	});
	const updated = response?.data ? unwrapData(response) : { ...existing, ...input };
	return { ...updated, outcome: 'updated' };
}
