import type { INodeProperties } from 'n8n-workflow';
import { locationIdField } from '../../descriptions/common.description';
import * as updateProducts from './updateProducts.operation';

export { updateProducts };

const showForResource = { show: { resource: ['store'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: showForResource,
		options: [
			{
				name: 'Include or Exclude Products',
				value: 'updateProducts',
				description: 'Show or hide products in an online store',
				action: 'Include or exclude products in a store',
			},
		],
		default: 'updateProducts',
	},
	{ ...locationIdField, displayOptions: showForResource },
	...updateProducts.description,
];
