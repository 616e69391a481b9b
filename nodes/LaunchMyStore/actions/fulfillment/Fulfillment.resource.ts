import type { INodeProperties } from 'n8n-workflow';
import * as create from './create.operation';
import * as getAll from './getAll.operation';

export { create, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['fulfillment'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Ship a package: create a fulfillment with its tracking number (once per tracking number)',
				action: 'Create a fulfillment',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get the fulfillments of an order',
				action: 'Get many fulfillments',
			},
		],
		default: 'create',
	},
	...create.description,
	...getAll.description,
];
