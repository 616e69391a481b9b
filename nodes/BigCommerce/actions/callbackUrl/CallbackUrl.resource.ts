import type { INodeProperties } from 'n8n-workflow';
import * as sign from './sign.operation';

export { sign };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['callbackUrl'] } },
		options: [
			{
				name: 'Sign',
				value: 'sign',
				description:
					"Make the store's Quote URL and Check Connection Options URL from the Shipping Rates Trigger's Production URL",
				action: 'Sign the callback links',
			},
		],
		default: 'sign',
	},
	...sign.description,
];
