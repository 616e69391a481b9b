/**
 * Rate → Get Many: the rates of a shipment, `GET /shipments/{ShipmentId}/rates`
 * (operationId `ListShipmentRates`) or, with a currency, `GET /shipments/{ShipmentId}/rates/{CurrencyCode}`
 * (`ListShipmentRatesByCurrencyCode`). Paged with `page` + `results` (max 100). Amounts stay as
 * Shippo sends them (decimal strings in major units).
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { shippoListAll } from '../../../../nodes/shared/shippo/transport';
import { returnAllOrLimit, shipmentRLC } from '../common.descriptions';
import { runPerItem } from '../../helpers/utils';

const properties: INodeProperties[] = [
	shipmentRLC,
	{
		displayName: 'Currency',
		name: 'currencyCode',
		type: 'string',
		default: '',
		placeholder: 'USD',
		description:
			'ISO 4217 code to get the rates converted to. Leave empty for the currencies Shippo chose.',
	},
	...returnAllOrLimit('rate', 'getMany'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['rate'], operation: ['getMany'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await runPerItem(this, items, async (i) => {
		const shipmentId = String(
			this.getNodeParameter('shipmentId', i, '', { extractValue: true }),
		).trim();
		const currency = String(this.getNodeParameter('currencyCode', i, '')).trim().toUpperCase();
		const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
		const limit = returnAll ? undefined : (this.getNodeParameter('limit', i, 50) as number);
		let endpoint = `/shipments/${encodeURIComponent(shipmentId)}/rates`;
		if (currency) endpoint += `/${encodeURIComponent(currency)}`;
		return await shippoListAll<IDataObject>(this, endpoint, {}, limit, i);
	});
}
