import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as register from './register.operation';

export { get, register };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['track'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get the tracking status of a shipment',
				action: 'Get a tracking status',
			},
			{
				name: 'Register',
				value: 'register',
				description: 'Register a tracking number for track_updated webhooks',
				action: 'Register a tracking number',
			},
		],
		default: 'get',
	},
	...register.description,
	...get.description,
];
