import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['rate'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Get the rates of a shipment',
				action: 'Get many rates',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
