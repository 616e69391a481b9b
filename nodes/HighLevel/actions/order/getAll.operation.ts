/**
 * Order → Get Many.
 * Source: GET /payments/orders (list-orders), query `altId` (required), `locationId`, `status`,
 * `paymentStatus` (paid|unpaid|refunded|partially_paid), `startAt`, `endAt` (dates, e.g.
 * 2024-02-01), `search`, `contactId`, `limit` (default 10), `offset`; response
 * `{data: OrderResponseSchema[], totalCount}` (order summaries).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { DateTime } from 'luxon';
import { limitField, returnAllField } from '../../descriptions/common.description';
import { listOrders } from '../../helpers/api';
import { fail, getLocationId } from '../../helpers/utils';

export const PAYMENT_STATUSES = ['paid', 'unpaid', 'refunded', 'partially_paid'];

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
				displayName: 'Contact ID',
				name: 'contactId',
				type: 'string',
				default: '',
				placeholder: 'e.g. XPLSw2SVagl12LMDeTmQ',
				description: 'Only orders of this contact',
			},
			{
				displayName: 'Created After',
				name: 'startAt',
				type: 'dateTime',
				default: '',
				description: 'Only orders created on or after this date (sent as YYYY-MM-DD)',
			},
			{
				displayName: 'Created Before',
				name: 'endAt',
				type: 'dateTime',
				default: '',
				description: 'Only orders created on or before this date (sent as YYYY-MM-DD)',
			},
			{
				displayName: 'Payment Status',
				name: 'paymentStatus',
				type: 'options',
				options: [
					{ name: 'Paid', value: 'paid' },
					{ name: 'Partially Paid', value: 'partially_paid' },
					{ name: 'Refunded', value: 'refunded' },
					{ name: 'Unpaid', value: 'unpaid' },
				],
				default: 'paid',
				description: 'Only orders with this payment status',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: 'e.g. Awesome order',
				description: 'Only orders whose name matches this text',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'string',
				default: '',
				placeholder: 'e.g. completed',
				description: 'Only orders with this order status (e.g. pending, completed)',
			},
		],
	},
];

const displayOptions = { show: { resource: ['order'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

const DATE_FILTERS: Record<string, string> = { startAt: 'Created After', endAt: 'Created Before' };

/** A date filter as `YYYY-MM-DD` (the spec's example format); ISO dates and date-times accepted. */
function parseDate(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	value: unknown,
): string | undefined {
	const text = String(value ?? '').trim();
	if (!text) return undefined;
	const date = DateTime.fromISO(text, { setZone: true });
	if (!date.isValid) {
		fail(
			ctx,
			itemIndex,
			`Filters: ${DATE_FILTERS[name]} "${text}" is not a date (e.g. 2024-02-01 or 2024-02-01T00:00:00)`,
		);
	}
	return date.toFormat('yyyy-MM-dd');
}

/** The Filters collection as list-orders query parameters (empty values left out). */
export function orderFilters(
	ctx: IExecuteFunctions,
	itemIndex: number,
	filters: IDataObject,
): IDataObject {
	const qs: IDataObject = {};
	for (const name of ['status', 'search', 'contactId']) {
		const text = String(filters[name] ?? '').trim();
		if (text) qs[name] = text;
	}
	if (filters.paymentStatus !== undefined && filters.paymentStatus !== '') {
		const status = String(filters.paymentStatus);
		if (!PAYMENT_STATUSES.includes(status)) {
			fail(
				ctx,
				itemIndex,
				`Filters: Payment Status "${status}" is not one of ${PAYMENT_STATUSES.join(', ')}`,
			);
		}
		qs.paymentStatus = status;
	}
	for (const name of Object.keys(DATE_FILTERS)) {
		const date = parseDate(ctx, itemIndex, name, filters[name]);
		if (date) qs[name] = date;
	}
	if (qs.startAt && qs.endAt && String(qs.startAt) > String(qs.endAt)) {
		fail(
			ctx,
			itemIndex,
			`Filters: Created Before (${String(qs.endAt)}) is earlier than Created After (${String(qs.startAt)})`,
		);
	}
	return qs;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const filters = orderFilters(
		this,
		itemIndex,
		this.getNodeParameter('filters', itemIndex, {}) as IDataObject,
	);
	const locationId = await getLocationId(this, itemIndex);
	return await listOrders(this, locationId, filters, {
		max: limit === undefined ? undefined : Math.max(1, limit),
		itemIndex,
	});
}
