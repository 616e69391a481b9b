import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteWebhook from './delete.operation';
import * as deleteMatching from './deleteMatching.operation';
import * as getMany from './getMany.operation';

export { create, deleteWebhook as delete, deleteMatching, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webhook'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Subscribe a URL to Shippo events',
				action: 'Create a webhook',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a webhook',
				action: 'Delete a webhook',
			},
			{
				name: 'Delete Matching',
				value: 'deleteMatching',
				description: 'Delete every webhook whose URL contains a text (e.g. on uninstall)',
				action: 'Delete matching webhooks',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the webhooks',
				action: 'Get many webhooks',
			},
		],
		default: 'create',
	},
	...create.description,
	...deleteWebhook.description,
	...deleteMatching.description,
	...getMany.description,
];
