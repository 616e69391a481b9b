/** Carrier + tracking number, shared by Track → Get and Register. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export const trackFields: INodeProperties[] = [
	{
		displayName: 'Carrier',
		name: 'carrier',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'usps',
		description: 'Shippo carrier token, e.g. usps, ups, fedex; "shippo" for test tracking numbers',
	},
	{
		displayName: 'Tracking Number',
		name: 'trackingNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'SHIPPO_TRANSIT',
	},
];

export function readTrackFields(
	ctx: IExecuteFunctions,
	i: number,
): { carrier: string; trackingNumber: string } {
	const carrier = String(ctx.getNodeParameter('carrier', i, ''))
		.trim()
		.toLowerCase();
	const trackingNumber = String(ctx.getNodeParameter('trackingNumber', i, '')).trim();
	if (!carrier)
		throw new NodeOperationError(ctx.getNode(), 'carrier: is required', { itemIndex: i });
	if (!trackingNumber) {
		throw new NodeOperationError(ctx.getNode(), 'tracking_number: is required', { itemIndex: i });
	}
	return { carrier, trackingNumber };
}
