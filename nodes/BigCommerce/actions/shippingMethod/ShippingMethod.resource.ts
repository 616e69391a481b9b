import type { INodeProperties } from 'n8n-workflow';
import * as addToAllZones from './addToAllZones.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as deleteFromAllZones from './deleteFromAllZones.operation';
import * as getAll from './getAll.operation';

export { addToAllZones, create, del as delete, deleteFromAllZones, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['shippingMethod'] } },
		options: [
			{
				name: 'Add to All Zones',
				value: 'addToAllZones',
				description:
					"Add the carrier's shipping method to every zone that has none yet (what an install workflow runs)",
				action: 'Add the carrier shipping method to all zones',
			},
			{
				name: 'Create',
				value: 'create',
				description: "Create a carrier's shipping method in a zone",
				action: 'Create a shipping method',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a shipping method of a zone',
				action: 'Delete a shipping method',
			},
			{
				name: 'Delete From All Zones',
				value: 'deleteFromAllZones',
				description: "Remove the carrier's shipping methods from every zone (e.g. on uninstall)",
				action: 'Delete the carrier shipping methods from all zones',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get the shipping methods of a zone',
				action: 'Get many shipping methods',
			},
		],
		default: 'addToAllZones',
	},
	...addToAllZones.description,
	...create.description,
	...del.description,
	...deleteFromAllZones.description,
	...getAll.description,
];
