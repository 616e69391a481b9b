import { parseShippoWebhook } from '../../../nodes/shared/dialects/shippoWebhook';

const transaction = {
	event: 'transaction_created',
	test: true,
	data: {
		object_id: 'b3f1c0a2e4d6f8091a2b3c4d5e6f7081',
		object_updated: '2026-11-22T10:00:00Z',
		status: 'SUCCESS',
		tracking_number: '9400111899223197428490',
		tracking_status: 'PRE_TRANSIT',
		tracking_url_provider: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223197428490',
		label_url: 'https://shippo-delivery.example/label.pdf',
		metadata: 'hl:loc123:6650f0a1b2c3d4e5f6a7b8c9',
		rate: { object_id: 'r1', provider: 'USPS', servicelevel: { token: 'usps_priority' } },
	},
};

const track = {
	event: 'track_updated',
	test: true,
	data: {
		carrier: 'usps',
		tracking_number: '9400111899223197428490',
		transaction: 'b3f1c0a2e4d6f8091a2b3c4d5e6f7081',
		metadata: 'Order hl:loc123:6650f0a1b2c3d4e5f6a7b8c9',
		tracking_status: { status: 'TRANSIT', status_date: '2026-11-23T08:00:00Z' },
	},
};

describe('parseShippoWebhook', () => {
	it('turns a bought label into a tracking update with the HighLevel reference', () => {
		expect(parseShippoWebhook(transaction)).toEqual({
			event: 'transaction_created',
			update: {
				event: 'transaction_created',
				carrier: 'USPS',
				trackingNumber: '9400111899223197428490',
				trackingUrl: transaction.data.tracking_url_provider,
				labelUrl: transaction.data.label_url,
				status: 'pre_transit',
				transactionId: transaction.data.object_id,
				statusAt: '2026-11-22T10:00:00Z',
				reference: { platform: 'highlevel', locationId: 'loc123', orderId: '6650f0a1b2c3d4e5f6a7b8c9' },
			},
		});
	});

	it('turns a tracking event into an update (JSON text body too)', () => {
		const result = parseShippoWebhook(JSON.stringify(track));
		expect(result).toEqual({
			event: 'track_updated',
			update: expect.objectContaining({
				carrier: 'usps',
				status: 'in_transit',
				statusAt: '2026-11-23T08:00:00Z',
				transactionId: track.data.transaction,
				reference: expect.objectContaining({ orderId: '6650f0a1b2c3d4e5f6a7b8c9' }),
			}),
		});
	});

	it('ignores labels that are not bought, with the reason', () => {
		const queued = { ...transaction, data: { ...transaction.data, status: 'QUEUED' } };
		expect(parseShippoWebhook(queued)).toEqual({ event: 'transaction_created', ignored: expect.stringMatching(/QUEUED/) });
		const noNumber = { ...transaction, data: { ...transaction.data, tracking_number: '' } };
		expect(parseShippoWebhook(noNumber)).toEqual({ event: 'transaction_created', ignored: expect.stringMatching(/tracking number/) });
	});

	it('ignores other events and malformed bodies', () => {
		expect(parseShippoWebhook({ event: 'batch_created', data: 'x' })).toEqual({ event: 'batch_created', ignored: expect.any(String) });
		expect(parseShippoWebhook('not json')).toEqual({ event: 'unknown', ignored: 'body is not a JSON object' });
		expect(parseShippoWebhook({ event: 'track_updated', data: [] })).toEqual({ event: 'track_updated', ignored: 'data is not an object' });
	});

	it('keeps an update without a reference (label bought outside the pack)', () => {
		const plain = { ...transaction, data: { ...transaction.data, metadata: '' } };
		const result = parseShippoWebhook(plain);
		expect('update' in result && result.update.reference).toBeUndefined();
	});
});
