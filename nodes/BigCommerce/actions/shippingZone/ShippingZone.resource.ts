import type { INodeProperties } from 'n8n-workflow';
import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['shippingZone'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: "Get the store's shipping zones",
				action: 'Get many shipping zones',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
