/**
 * Order → Get Many.
 * Source: GET /api/v1/orders, query `page` (from 1), `limit` (default 50, max 250), `status`,
 * `financial_status`, `fulfillment_status`, `created_at_min`, `created_at_max` (ISO 8601) →
 * `{success, data: {items, pagination: {page, limit, total, hasMore}}}`
 * (https://docs.launchmystore.io/api-reference/orders/list).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { listLaunchMyStoreOrders } from '../../../../nodes/shared/launchMyStore/api';
import { fail, getMaxResults, limitField, returnAllField } from '../common.description';

const properties: INodeProperties[] = [
	returnAllField,
	limitField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Created After',
				name: 'created_at_min',
				type: 'dateTime',
				default: '',
				description: 'Only orders created after this time (sent as ISO 8601)',
			},
			{
				displayName: 'Created Before',
				name: 'created_at_max',
				type: 'dateTime',
				default: '',
				description: 'Only orders created before this time (sent as ISO 8601)',
			},
			{
				displayName: 'Financial Status',
				name: 'financial_status',
				type: 'options',
				options: [
					{ name: 'Paid', value: 'paid' },
					{ name: 'Partially Paid', value: 'partially_paid' },
					{ name: 'Partially Refunded', value: 'partially_refunded' },
					{ name: 'Pending', value: 'pending' },
					{ name: 'Refunded', value: 'refunded' },
				],
				default: 'paid',
				description: 'Only orders with this payment status',
			},
			{
				displayName: 'Fulfillment Status',
				name: 'fulfillment_status',
				type: 'options',
				options: [
					{ name: 'Fulfilled', value: 'fulfilled' },
					{ name: 'Partial', value: 'partial' },
					{ name: 'Unfulfilled', value: 'unfulfilled' },
				],
				default: 'unfulfilled',
				description: 'Only orders with this fulfillment status',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Cancelled', value: 'cancelled' },
					{ name: 'Confirmed', value: 'confirmed' },
					{ name: 'Fulfilled', value: 'fulfilled' },
					{ name: 'Pending', value: 'pending' },
					{ name: 'Refunded', value: 'refunded' },
				],
				default: 'confirmed',
				description: 'Only orders with this order status',
			},
		],
	},
];

const displayOptions = { show: { resource: ['order'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

const DATE_FILTERS: Record<string, string> = { created_at_min: 'Created After', created_at_max: 'Created Before' };

/** The filters as query parameters: empty ones left out, dates as ISO 8601 (errors name the filter). */
export function filtersToQuery(ctx: IExecuteFunctions, itemIndex: number, filters: IDataObject): IDataObject {
	const qs: IDataObject = {};
	for (const [key, value] of Object.entries(filters)) {
		if (value === undefined || value === null || String(value).trim() === '') continue;
		if (key in DATE_FILTERS) {
			const at = Date.parse(String(value));
			if (!Number.isFinite(at)) fail(ctx, itemIndex, `${DATE_FILTERS[key]}: "${String(value)}" is not a date`);
			qs[key] = new Date(at).toISOString();
		} else {
			qs[key] = String(value);
		}
	}
	return qs;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = filtersToQuery(this, itemIndex, this.getNodeParameter('filters', itemIndex, {}) as IDataObject);
	return await listLaunchMyStoreOrders(this, getMaxResults(this, itemIndex), filters, itemIndex);
}
