import type { INodeProperties } from 'n8n-workflow';
import { locationIdField } from '../../descriptions/common.description';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, del as delete, get, getAll, update };

const showForResource = { show: { resource: ['shippingZone'] } };

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
				description: 'Create a shipping zone (countries and states)',
				action: 'Create a shipping zone',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a shipping zone and its rates',
				action: 'Delete a shipping zone',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a shipping zone',
				action: 'Get a shipping zone',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many shipping zones',
				action: 'Get many shipping zones',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change the name or countries of a shipping zone',
				action: 'Update a shipping zone',
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
