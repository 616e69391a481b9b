import type { INodeProperties } from 'n8n-workflow';
import { locationIdField } from '../../descriptions/common.description';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';
import * as upsertWithVariants from './upsertWithVariants.operation';

export { create, del as delete, get, getAll, update, upsertWithVariants };

const showForResource = { show: { resource: ['product'] } };

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
				description: 'Create a product with its variants (option dimensions)',
				action: 'Create a product',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a product and its prices',
				action: 'Delete a product',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a product',
				action: 'Get a product',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many products',
				action: 'Get many products',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change fields of a product',
				action: 'Update a product',
			},
			{
				name: 'Upsert Product with Variants',
				value: 'upsertWithVariants',
				description:
					'Create or update a product from a provider catalog entry, with one price per SKU; a repeated run changes nothing',
				action: 'Upsert a product with variants',
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
	...upsertWithVariants.description,
];
