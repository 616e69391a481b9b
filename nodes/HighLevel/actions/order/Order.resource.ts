import type { INodeProperties } from 'n8n-workflow';
import { locationIdField } from '../../descriptions/common.description';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { get, getAll };

const showForResource = { show: { resource: ['order'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: showForResource,
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get an order with its items, contact and amounts',
				action: 'Get an order',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many orders, optionally filtered',
				action: 'Get many orders',
			},
		],
		default: 'getAll',
	},
	{ ...locationIdField, displayOptions: showForResource },
	...get.description,
	...getAll.description,
];
