import type { INodeProperties } from 'n8n-workflow';
import * as connect from './connect.operation';
import * as disconnect from './disconnect.operation';
import * as update from './update.operation';

export { connect, disconnect, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['carrierConnection'] } },
		options: [
			{
				name: 'Connect',
				value: 'connect',
				description:
					'Connect the carrier to the store (updates the connection when it is already connected)',
				action: 'Connect a carrier',
			},
			{
				name: 'Disconnect',
				value: 'disconnect',
				description:
					"Delete the carrier's connection (BigCommerce also removes its shipping methods)",
				action: 'Disconnect a carrier',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Change the carrier's connection settings",
				action: 'Update a carrier connection',
			},
		],
		default: 'connect',
	},
	...connect.description,
	...disconnect.description,
	...update.description,
];
