/**
 * Shipping Carrier → Unregister: remove every trace of the carrier that Register created, e.g.
 * when the app is uninstalled.
 *
 * 1. GET /store/shipping-carrier (list-shipping-carriers): the carriers matching the Callback URL
 *    (exact or ignoring the query string) or the name, as Register matches them.
 * 2. Their rates in every zone: GET /store/shipping-zone?withShippingRate=true, then
 *    DELETE /store/shipping-zone/{id}/shipping-rate/{rateId} (delete-shipping-rate).
 * 3. DELETE /store/shipping-carrier/{id} (delete-shipping-carrier).
 * Source: test/standins/specs/highlevel/apps/store.json.
 *
 * Something already gone (404) counts as `notFound`. When HighLevel refuses the token (401/403,
 * as after an uninstall revokes the app's access) and "Tolerate Revoked Access" is on, the
 * output says `accessRevoked: true` instead of failing: nothing more can be removed then.
 * Output: one item `{carriers[{shippingCarrierId, name, outcome}], carriersDeleted,
 * carrierRatesDeleted, notFound, accessRevoked, rates[…]}`.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';
import { deleteShippingCarrier } from '../../../../nodes/shared/highlevel/carriers';
import { listShippingCarriers } from '../../helpers/api';
import {
	asNodeError,
	fail,
	getLocationId,
	idOf,
	parseCallbackUrl,
} from '../../helpers/utils';
import type { RemovedCarrierRate } from '../shippingRate/deleteCarrierRates.operation';
import { removeCarrierRates } from '../shippingRate/deleteCarrierRates.operation';
import type { RegisterMatch } from './register.operation';
import { matchByProperty, matchesCarrier } from './register.operation';

const properties: INodeProperties[] = [
	{
		...matchByProperty,
		default: 'callbackUrlIgnoringQuery',
		description: 'How to find the carrier that Register created',
	},
	{
		displayName: 'Callback URL',
		name: 'callbackUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://n8n.example.com/webhook/7c1e5a52-6a4b-4c55-9a0e-2f3c8d1b9e41/rates',
		description: 'The Callback URL the carrier was registered with (its query string may differ)',
		displayOptions: { show: { matchBy: ['callbackUrl', 'callbackUrlIgnoringQuery'] } },
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Live Rates (n8n)',
		description: 'The name the carrier was registered with (case-insensitive)',
		displayOptions: { show: { matchBy: ['name'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Tolerate Revoked Access',
				name: 'tolerateRevokedAccess',
				type: 'boolean',
				default: true,
				description:
					'Whether a 401 or 403 from HighLevel (the app is already uninstalled and its token revoked) ends the clean-up with accessRevoked: true instead of an error',
			},
		],
	},
];

const displayOptions = { show: { resource: ['shippingCarrier'], operation: ['unregister'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Whether HighLevel refused the token itself (401, or 403 for a location it no longer grants). */
export function isAccessRevokedError(error: unknown): boolean {
	return error instanceof NodeApiError && (error.httpCode === '401' || error.httpCode === '403');
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const matchBy = this.getNodeParameter('matchBy', itemIndex, 'callbackUrlIgnoringQuery') as RegisterMatch;
	const target =
		matchBy === 'name'
			? { name: String(this.getNodeParameter('name', itemIndex, '')).trim(), callbackUrl: '' }
			: {
					name: '',
					callbackUrl: parseCallbackUrl(this, itemIndex, this.getNodeParameter('callbackUrl', itemIndex, '')),
				};
	if (matchBy === 'name' && !target.name) fail(this, itemIndex, 'Name: enter a value');
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const tolerate = options.tolerateRevokedAccess !== false;
	const locationId = await getLocationId(this, itemIndex);

	const carriers: IDataObject[] = [];
	let rates: RemovedCarrierRate[] = [];
	let accessRevoked = false;
	try {
		const matches = (await listShippingCarriers(this, locationId, itemIndex)).filter((carrier) =>
			matchesCarrier(carrier, target, matchBy),
		);
		rates = await removeCarrierRates(this, locationId, new Set(matches.map((c) => idOf(c))), itemIndex);
		for (const carrier of matches) {
			carriers.push({
				shippingCarrierId: idOf(carrier),
				name: carrier.name ?? null,
				outcome: await deleteShippingCarrier(this, locationId, idOf(carrier), itemIndex),
			});
		}
	} catch (error) {
		if (!(tolerate && isAccessRevokedError(error))) throw asNodeError(this, error, itemIndex);
		accessRevoked = true;
	}
	return {
		locationId,
		carriers,
		carriersDeleted: carriers.filter((c) => c.outcome === 'deleted').length,
		carrierRatesDeleted: rates.filter((r) => r.outcome === 'deleted').length,
		notFound:
			carriers.filter((c) => c.outcome === 'notFound').length +
			rates.filter((r) => r.outcome === 'notFound').length,
		accessRevoked,
		rates,
	};
}
