import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { create, get, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['transaction'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Buy a shipping label for a rate',
				action: 'Create a transaction',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a transaction (label) by ID',
				action: 'Get a transaction',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List transactions (labels)',
				action: 'Get many transactions',
			},
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getMany.description,
];
