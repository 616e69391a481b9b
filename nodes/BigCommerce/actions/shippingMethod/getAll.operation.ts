/**
 * Shipping Method → Get Many: GET /stores/{store_hash}/v2/shipping/zones/{zone_id}/methods
 * (https://developer.bigcommerce.com/docs/rest-management/shipping-v2/shipping-method), a plain
 * array sorted by id; Limit cuts it. One item per method, with `zoneId`.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { listMethods } from '../api';
import { getLocatorId, limitField, readLimit, returnAllField, zoneLocator } from '../common';

const properties: INodeProperties[] = [zoneLocator, returnAllField, limitField];

const displayOptions = { show: { resource: ['shippingMethod'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const zoneId = getLocatorId(this, itemIndex, 'zoneId', 'Shipping Zone');
	const limit = readLimit(this, itemIndex);
	const methods = (await listMethods(this, zoneId, itemIndex)).map((method) => ({
		...method,
		zoneId,
	}));
	return limit === undefined ? methods : methods.slice(0, limit);
}
