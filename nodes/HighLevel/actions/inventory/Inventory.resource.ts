import type { INodeProperties } from 'n8n-workflow';
import { locationIdField } from '../../descriptions/common.description';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { getAll, update };

const showForResource = { show: { resource: ['inventory'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: showForResource,
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get the stock of every price (variant) of the location',
				action: 'Get many inventory items',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Set the stock of several prices (variants) in one request',
				action: 'Update inventory',
			},
		],
		default: 'getAll',
	},
	{ ...locationIdField, displayOptions: showForResource },
	...getAll.description,
	...update.description,
];
