/**
 * Transaction → Get Many: `GET /transactions` (operationId `ListTransactions`), paged; filters
 * `rate`, `object_status` (transaction status), `tracking_status`.
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

const STATUSES = [
	'WAITING',
	'QUEUED',
	'SUCCESS',
	'ERROR',
	'REFUNDED',
	'REFUNDPENDING',
	'REFUNDREJECTED',
];
const TRACKING_STATUSES = ['UNKNOWN', 'PRE_TRANSIT', 'TRANSIT', 'DELIVERED', 'RETURNED', 'FAILURE'];

const properties: INodeProperties[] = [
	...returnAllOrLimit('transaction', 'getMany'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Rate ID',
				name: 'rate',
				type: 'string',
				default: '',
				description: 'Only transactions of this rate',
			},
			{
				displayName: 'Status',
				name: 'objectStatus',
				type: 'options',
				options: STATUSES.map((status) => ({ name: status, value: status })),
				default: 'SUCCESS',
				description: 'Only transactions in this state (Shippo object_status)',
			},
			{
				displayName: 'Tracking Status',
				name: 'trackingStatus',
				type: 'options',
				options: TRACKING_STATUSES.map((status) => ({ name: status, value: status })),
				default: 'TRANSIT',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['transaction'], operation: ['getMany'] } },
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
		if (String(filters.rate ?? '').trim()) qs.rate = String(filters.rate).trim();
		if (filters.objectStatus) qs.object_status = String(filters.objectStatus);
		if (filters.trackingStatus) qs.tracking_status = String(filters.trackingStatus);
		return await shippoListAll<IDataObject>(this, '/transactions', qs, limit, i);
	});
}
