import type { INodeProperties } from 'n8n-workflow';
import { locationIdField } from '../../descriptions/common.description';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, del as delete, get, getAll, update };

const showForResource = { show: { resource: ['price'] } };

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
				description: 'Create a price (a sellable variant with SKU, stock and shipping weight)',
				action: 'Create a price',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a price of a product',
				action: 'Delete a price',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a price of a product',
				action: 'Get a price',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get the prices of a product',
				action: 'Get many prices',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change fields of a price',
				action: 'Update a price',
			},
		],
		default: 'getAll',
	},
	{ ...locationIdField, displayOptions: showForResource },
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
