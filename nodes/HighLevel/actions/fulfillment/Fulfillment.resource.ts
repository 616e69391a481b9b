import type { INodeProperties } from 'n8n-workflow';
import { locationIdField } from '../../descriptions/common.description';
import * as create from './create.operation';
import * as getAll from './getAll.operation';

export { create, getAll };

const showForResource = { show: { resource: ['fulfillment'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: showForResource,
		options: [
			{
				name: 'Create',
				value: 'create',
				description:
					'Fulfil items of an order with tracking numbers (all remaining items when none are given)',
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
	{ ...locationIdField, displayOptions: showForResource },
	...create.description,
	...getAll.description,
];
