import { launchMyStoreOrderToShippoOrder } from '../../../nodes/shared/shippo/launchMyStoreOrder';
import { decodeHighLevelReference } from '../../../nodes/shared/shippo/orders';

const order = {
	id: 'ord_abc123',
	order_number: 1001,
	email: 'buyer@example.com',
	currency: 'usd',
	financial_status: 'paid',
	fulfillment_status: 'unfulfilled',
	created_at: '2026-11-30T10:00:00Z',
	subtotal_price: 5000,
	total_shipping: 899,
	total_tax: 450,
	total_price: 6349,
	line_items: [
		{ id: 'li_1', title: 'T-Shirt', sku: 'TS-1', quantity: 2, price: 1500, grams: 200 },
		{ id: 'li_2', title: 'Mug', sku: 'MUG', quantity: 1, price: 2000, grams: 450.5 },
	],
	shipping_lines: [{ title: 'USPS Priority', code: 'acme-shipping-usps_priority', source: 'acme-shipping' }],
	shipping_address: {
		first_name: 'Ada',
		last_name: 'Lovelace',
		address1: '1 Main St',
		city: 'Austin',
		province: 'Texas',
		province_code: 'TX',
		zip: '78701',
		country: 'United States',
		country_code: 'us',
	},
};

describe('LaunchMyStore order → Shippo order', () => {
	it('carries the reference, the chosen service and money in major units', () => {
		const body = launchMyStoreOrderToShippoOrder(order, { shop: 'demo-shop.launchmystore.io', serviceCode: 'usps_priority' });
		expect(body.order_number).toBe('lms:demo-shop.launchmystore.io:ord_abc123');
		expect(body.shipping_method).toBe('usps_priority');
		expect(body.order_status).toBe('PAID');
		expect(body.total_price).toBe('63.49');
		expect(body.subtotal_price).toBe('50.00');
		expect(body.shipping_cost).toBe('8.99');
		expect(body.currency).toBe('USD');
		expect(body.to_address).toMatchObject({ name: 'Ada Lovelace', state: 'TX', zip: '78701', country: 'US', email: 'buyer@example.com' });
		expect(body.line_items).toEqual([
			{ title: 'T-Shirt', sku: 'TS-1', quantity: 2, total_price: '30.00', currency: 'USD', weight: '200', weight_unit: 'g' },
			{ title: 'Mug', sku: 'MUG', quantity: 1, total_price: '20.00', currency: 'USD', weight: '450.5', weight_unit: 'g' },
		]);
		// 2 × 200 g + 450.5 g
		expect(body.weight).toBe('850.5');
		expect(body.placed_at).toBe('2026-11-30T10:00:00Z');
		// Never taken for a HighLevel order.
		expect(decodeHighLevelReference(body.order_number)).toBeUndefined();
	});

	it('falls back to the shipping line code when no service is given', () => {
		expect(launchMyStoreOrderToShippoOrder(order, { shop: 's' }).shipping_method).toBe('acme-shipping-usps_priority');
	});

	it('names the field that is wrong', () => {
		expect(() => launchMyStoreOrderToShippoOrder({ ...order, id: undefined }, { shop: 's' })).toThrow(/reference: orderId/);
		expect(() => launchMyStoreOrderToShippoOrder(order, { shop: '' })).toThrow(/reference: locationId/);
		expect(() =>
			launchMyStoreOrderToShippoOrder({ ...order, line_items: [{ id: 'x', quantity: 0 }] }, { shop: 's' }),
		).toThrow(/line_items\[0\]\.quantity/);
		expect(() => launchMyStoreOrderToShippoOrder({ ...order, total_price: -1 }, { shop: 's' })).toThrow(/total_price/);
	});
});
