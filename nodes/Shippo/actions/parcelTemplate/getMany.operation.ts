/**
 * Parcel Template → Get Many:
 * - your templates: `GET /user-parcel-templates` (operationId `ListUserParcelTemplates`);
 * - carrier templates: `GET /parcel-templates` (`ListCarrierParcelTemplates`, query `include`
 *   all|user|enabled and `carrier`).
 * Neither list is paged in the spec (`{ results: [...] }`), so Limit cuts the list client-side.
 * Dimensions are decimal strings in the template's `distance_unit`.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { shippoApiRequest } from '../../../../nodes/shared/shippo/transport';
import { returnAllOrLimit } from '../common.descriptions';
import { runPerItem } from '../../helpers/utils';

const properties: INodeProperties[] = [
	{
		displayName: 'Template Source',
		name: 'templateSource',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Carrier Templates',
				value: 'carrier',
				description: 'Boxes defined by carriers (tokens such as USPS_SmallFlatRateBox)',
			},
			{
				name: 'My Templates',
				value: 'user',
				description: 'Parcel templates saved in your Shippo account',
			},
		],
		default: 'user',
	},
	...returnAllOrLimit('parcelTemplate', 'getMany'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: { templateSource: ['carrier'] } },
		options: [
			{
				displayName: 'Carrier',
				name: 'carrier',
				type: 'string',
				default: '',
				placeholder: 'fedex',
				description: 'Only templates of this carrier token, e.g. usps, fedex',
			},
			{
				displayName: 'Include',
				name: 'include',
				type: 'options',
				options: [
					{ name: 'All Carriers', value: 'all' },
					{ name: 'Carriers I Added', value: 'user' },
					{ name: 'Carriers I Enabled', value: 'enabled' },
				],
				default: 'all',
				description: 'Which carriers to list templates of',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['parcelTemplate'], operation: ['getMany'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await runPerItem(this, items, async (i) => {
		const source = this.getNodeParameter('templateSource', i, 'user') as string;
		const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
		const limit = returnAll ? undefined : (this.getNodeParameter('limit', i, 50) as number);
		const qs: IDataObject = {};
		if (source === 'carrier') {
			const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
			if (filters.include) qs.include = String(filters.include);
			if (filters.carrier) qs.carrier = String(filters.carrier).trim();
		}
		const response = await shippoApiRequest<{ results?: IDataObject[] }>(this, {
			method: 'GET',
			endpoint: source === 'carrier' ? '/parcel-templates' : '/user-parcel-templates',
			qs,
			itemIndex: i,
		});
		const results = response.results ?? [];
		return limit === undefined ? results : results.slice(0, limit);
	});
}
