import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['carrierAccount'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the carrier accounts connected to Shippo',
				action: 'Get many carrier accounts',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
