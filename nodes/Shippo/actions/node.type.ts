import type { AllEntities } from 'n8n-workflow';

type NodeMap = {
	rateQuote: 'getRates';
	shipment: 'create' | 'get';
	rate: 'getMany';
	carrierAccount: 'getMany';
	parcelTemplate: 'getMany';
};

export type ShippoType = AllEntities<NodeMap>;
