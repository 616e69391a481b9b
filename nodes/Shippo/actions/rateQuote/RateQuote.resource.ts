import type { INodeProperties } from 'n8n-workflow';

import * as getRates from './getRates.operation';

export { getRates };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['rateQuote'] } },
		options: [
			{
				name: 'Get Rates',
				value: 'getRates',
				description:
					'Get live carrier quotes for a canonical rate request (creates a Shippo shipment)',
				action: 'Get rates for a rate request',
			},
		],
		default: 'getRates',
	},
	...getRates.description,
];
