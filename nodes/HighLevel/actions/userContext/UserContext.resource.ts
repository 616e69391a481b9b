import type { INodeProperties } from 'n8n-workflow';
import * as decrypt from './decrypt.operation';

export { decrypt };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['userContext'] } },
		options: [
			{
				name: 'Decrypt',
				value: 'decrypt',
				description:
					'Learn who is looking at a custom page: decrypt the user data HighLevel gives the page',
				action: 'Decrypt user context',
			},
		],
		default: 'decrypt',
	},
	...decrypt.description,
];
