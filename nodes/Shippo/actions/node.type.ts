import type { AllEntities } from 'n8n-workflow';

type NodeMap = {
	rateQuote: 'getRates';
	shipment: 'create' | 'get';
	rate: 'getMany';
	carrierAccount: 'getMany';
	parcelTemplate: 'getMany';
	order: 'create' | 'get' | 'getMany';
	transaction: 'create' | 'get' | 'getMany';
	track: 'register' | 'get';
	webhook: 'create' | 'delete' | 'deleteMatching' | 'getMany';
	address: 'create';
};

export type ShippoType = AllEntities<NodeMap>;
