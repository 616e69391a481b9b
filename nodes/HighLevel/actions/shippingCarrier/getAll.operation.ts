/**
 * Shipping Carrier → Get Many.
 * Source: GET /store/shipping-carrier (list-shipping-carriers), query `altId, altType`, response
 * `{status, message, data[]}`. The API has no paging: every carrier is fetched, then Limit applies.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { limitField, returnAllField } from '../../descriptions/common.description';
import { listShippingCarriers } from '../../helpers/api';
import { getLocationId } from '../../helpers/utils';

const properties: INodeProperties[] = [returnAllField, limitField];

const displayOptions = { show: { resource: ['shippingCarrier'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const locationId = await getLocationId(this, itemIndex);
	const carriers = await listShippingCarriers(this, locationId, itemIndex);
	if (returnAll) return carriers;
	const limit = this.getNodeParameter('limit', itemIndex, 50) as number;
	return carriers.slice(0, Math.max(1, limit));
}
