import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['parcelTemplate'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List your parcel templates or the carriers\' ones',
				action: 'Get many parcel templates',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
