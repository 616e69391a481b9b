import type { INodeProperties } from 'n8n-workflow';
import { locationIdField } from '../../descriptions/common.description';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as register from './register.operation';
import * as unregister from './unregister.operation';
import * as update from './update.operation';

export { create, del as delete, get, getAll, register, unregister, update };

const showForResource = { show: { resource: ['shippingCarrier'] } };

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
				description: 'Register a live-rate carrier on the location',
				action: 'Create a shipping carrier',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Remove a shipping carrier',
				action: 'Delete a shipping carrier',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a shipping carrier',
				action: 'Get a shipping carrier',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many shipping carriers',
				action: 'Get many shipping carriers',
			},
			{
				name: 'Register',
				value: 'register',
				description:
					'Create the carrier, or update the one an earlier run created (matched by Callback URL or name)',
				action: 'Register a shipping carrier',
			},
			{
				name: 'Unregister',
				value: 'unregister',
				description:
					'Delete the carrier that Register created and its rates in every zone (e.g. on uninstall)',
				action: 'Unregister a shipping carrier',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change a shipping carrier',
				action: 'Update a shipping carrier',
			},
		],
		default: 'register',
	},
	{ ...locationIdField, displayOptions: showForResource },
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...register.description,
	...unregister.description,
	...update.description,
];
