import type { INodeProperties } from 'n8n-workflow';
import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['location'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get the sub-accounts (locations) the Marketplace app is installed on',
				action: 'Get many installed locations',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
