import type { INodeProperties } from 'n8n-workflow';
import { locationIdField } from '../../descriptions/common.description';
import * as addCarrierRateToAllZones from './addCarrierRateToAllZones.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as deleteCarrierRates from './deleteCarrierRates.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { addCarrierRateToAllZones, create, del as delete, deleteCarrierRates, get, getAll, update };

const showForResource = { show: { resource: ['shippingRate'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: showForResource,
		options: [
			{
				name: 'Add Carrier Rate to All Zones',
				value: 'addCarrierRateToAllZones',
				description:
					"Add a live carrier rate to every zone that doesn't have one for this carrier yet",
				action: 'Add a carrier rate to all zones',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a flat, conditional or carrier rate in a zone',
				action: 'Create a shipping rate',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a shipping rate from a zone',
				action: 'Delete a shipping rate',
			},
			{
				name: 'Delete Carrier Rates',
				value: 'deleteCarrierRates',
				description: "Remove a carrier's rates from every zone (e.g. on uninstall)",
				action: 'Delete the rates of a carrier from all zones',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a shipping rate of a zone',
				action: 'Get a shipping rate',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many shipping rates of a zone',
				action: 'Get many shipping rates',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change a shipping rate of a zone',
				action: 'Update a shipping rate',
			},
		],
		default: 'addCarrierRateToAllZones',
	},
	{ ...locationIdField, displayOptions: showForResource },
	...addCarrierRateToAllZones.description,
	...create.description,
	...del.description,
	...deleteCarrierRates.description,
	...get.description,
	...getAll.description,
	...update.description,
];
