/**
 * Dropdown options loaded from Shippo.
 * - getCarrierAccounts: `GET /carrier_accounts` (`ListCarrierAccounts`), active accounts only.
 */
import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { shippoListAll } from '../../../nodes/shared/shippo/transport';

/** Carrier accounts listed at most (a merchant rarely has more than a few dozen). */
const MAX_ACCOUNTS = 500;

export async function getCarrierAccounts(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const accounts = await shippoListAll<IDataObject>(this, '/carrier_accounts', {}, MAX_ACCOUNTS);
	return accounts
		.filter((account) => account.active !== false && typeof account.object_id === 'string')
		.map((account) => {
			const carrier = String(account.carrier_name ?? account.carrier ?? 'carrier');
			const accountId = account.account_id ? ` (${String(account.account_id)})` : '';
			const test = account.test === true ? ' [test]' : '';
			return {
				name: `${carrier}${accountId}${test}`,
				value: account.object_id as string,
				description: account.is_shippo_account === true ? 'Shippo-provided account' : undefined,
			};
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}
