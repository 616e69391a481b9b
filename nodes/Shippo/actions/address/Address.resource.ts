import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';

export { create };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['address'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create an address, optionally validated',
				action: 'Create an address',
			},
		],
		default: 'create',
	},
	...create.description,
];
