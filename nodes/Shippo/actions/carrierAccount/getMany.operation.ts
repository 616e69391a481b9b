/**
 * Carrier Account → Get Many: `GET /carrier_accounts` (operationId `ListCarrierAccounts`), paged
 * with `page` + `results`; filters `carrier` (Shippo `CarriersEnum` token), `account_id`,
 * `service_levels` (adds each account's service levels).
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { shippoListAll } from '../../../../nodes/shared/shippo/transport';
import { returnAllOrLimit } from '../common.descriptions';
import { runPerItem } from '../../helpers/utils';

const properties: INodeProperties[] = [
	...returnAllOrLimit('carrierAccount', 'getMany'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Account ID',
				name: 'accountId',
				type: 'string',
				default: '',
				description: 'Only the carrier account with this account ID (Shippo account_id)',
			},
			{
				displayName: 'Carrier',
				name: 'carrier',
				type: 'string',
				default: '',
				placeholder: 'usps',
				description: 'Only accounts of this carrier token, e.g. usps, ups, fedex, dhl_express',
			},
			{
				displayName: 'Include Service Levels',
				name: 'serviceLevels',
				type: 'boolean',
				default: false,
				description: 'Whether to add the service levels of each account (Shippo service_levels=true)',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['carrierAccount'], operation: ['getMany'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await runPerItem(this, items, async (i) => {
		const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
		const limit = returnAll ? undefined : (this.getNodeParameter('limit', i, 50) as number);
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const qs: IDataObject = {};
		if (filters.carrier) qs.carrier = String(filters.carrier).trim();
		if (filters.accountId) qs.account_id = String(filters.accountId).trim();
		if (filters.serviceLevels) qs.service_levels = true;
		return await shippoListAll<IDataObject>(this, '/carrier_accounts', qs, limit, i);
	});
}
