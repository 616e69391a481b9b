import type { AllEntities } from 'n8n-workflow';

type NodeMap = {
	fulfillment: 'create' | 'getAll';
	inventory: 'getAll' | 'update';
	price: 'create' | 'delete' | 'get' | 'getAll' | 'update';
	product: 'create' | 'delete' | 'get' | 'getAll' | 'update' | 'upsertWithVariants';
	store: 'updateProducts';
	location: 'getAll';
	userContext: 'decrypt';
	order: 'get' | 'getAll';
	shippingCarrier: 'create' | 'delete' | 'get' | 'getAll' | 'register' | 'unregister' | 'update';
	shippingZone: 'create' | 'delete' | 'get' | 'getAll' | 'update';
	shippingRate:
		| 'addCarrierRateToAllZones'
		| 'create'
		| 'delete'
		| 'deleteCarrierRates'
		| 'get'
		| 'getAll'
		| 'update';
};

export type HighLevelType = AllEntities<NodeMap>;

export type HighLevelResource = HighLevelType['resource'];

/** Runs one operation for one input item; the shared router adds `pairedItem` and handles errors. */
export type { OperationExecute } from '../../../nodes/shared/actions/router';
