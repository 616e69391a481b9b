/**
 * Order → Get Many: `GET /orders` (operationId `ListOrders`), paged with `page` + `results`;
 * filters `order_status[]` (repeated), `shop_app`, `start_date`, `end_date` (both on `placed_at`).
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { SHIPPO_ORDER_STATUSES } from '../../../../nodes/shared/shippo/orders';
import { shippoListAll } from '../../../../nodes/shared/shippo/transport';
import { returnAllOrLimit } from '../common.descriptions';
import { runPerItem } from '../../helpers/utils';

const SHOP_APPS = [
	'Amazon',
	'Bigcommerce',
	'CSV_Import',
	'eBay',
	'ePages',
	'Etsy',
	'Godaddy',
	'Magento',
	'Shippo',
	'Shopify',
	'Spreecommerce',
	'StripeRelay',
	'Walmart',
	'Weebly',
	'WooCommerce',
];

const properties: INodeProperties[] = [
	...returnAllOrLimit('order', 'getMany'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Order Status',
				name: 'orderStatus',
				type: 'multiOptions',
				options: SHIPPO_ORDER_STATUSES.map((status) => ({ name: status, value: status })),
				default: [],
				description: 'Only orders in one of these states',
			},
			{
				displayName: 'Placed After',
				name: 'startDate',
				type: 'dateTime',
				default: '',
				description: 'Only orders placed after this time (Shippo start_date, on placed_at)',
			},
			{
				displayName: 'Placed Before',
				name: 'endDate',
				type: 'dateTime',
				default: '',
				description: 'Only orders placed before this time (Shippo end_date, on placed_at)',
			},
			{
				displayName: 'Shop App',
				name: 'shopApp',
				type: 'options',
				options: SHOP_APPS.map((app) => ({ name: app, value: app })),
				default: 'Shippo',
				description: 'Only orders imported from this shop app',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['getMany'] } },
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
		const statuses = (filters.orderStatus as string[] | undefined) ?? [];
		if (statuses.length) qs['order_status[]'] = statuses;
		if (filters.shopApp) qs.shop_app = String(filters.shopApp);
		if (filters.startDate) qs.start_date = new Date(String(filters.startDate)).toISOString();
		if (filters.endDate) qs.end_date = new Date(String(filters.endDate)).toISOString();
		return await shippoListAll<IDataObject>(this, '/orders', qs, limit, i, 'repeat');
	});
}
