/**
 * The LaunchMyStore Shipping node and credential against the LaunchMyStore stand-in over real
 * HTTP: every request and answer is checked against specs/launchmystore/openapi.yaml (0 violations).
 */
import { NodeApiError } from 'n8n-workflow';
import { LMS_MODE_REFRESH } from '../../../nodes/shared/launchMyStore/oauth';
import {
	type LaunchMyStoreStandin,
	routeOf,
	runAgainstStandin,
	runErrorAgainstStandin,
	STANDIN_CLIENT_ID,
	STANDIN_REFRESH_TOKEN,
	startLaunchMyStoreStandin,
	storedCredential,
} from './standinContext';

let standin: LaunchMyStoreStandin;

beforeAll(async () => {
	standin = await startLaunchMyStoreStandin();
});
afterAll(async () => await standin.close());
beforeEach(() => standin.reset());
afterEach(() => {
	expect(standin.violations).toEqual([]);
	expect(standin.responseViolations).toEqual([]);
});

const newOrder = () =>
	standin.createOrder({
		line_items: [
			{ id: 'li_shirt', title: 'T-Shirt', sku: 'TS', quantity: 2, grams: 200, price: 2500 },
			{ id: 'li_mug', title: 'Mug', sku: 'MUG', quantity: 1, grams: 350, price: 1200 },
		],
	});
const byId = (value: unknown) => ({ __rl: true, mode: 'id', value });
const fulfil = (params: Record<string, unknown>) => ({ resource: 'fulfillment', operation: 'create', ...params });

describe('LaunchMyStore Shipping against the stand-in', () => {
	it('gets an order', async () => {
		const order = newOrder();
		const { json } = await runAgainstStandin(standin, { params: { resource: 'order', operation: 'get', orderId: byId(order.id) } });
		expect(json[0]).toMatchObject({ id: order.id, status: 'confirmed', line_items: [{ id: 'li_shirt' }, { id: 'li_mug' }] });
	});

	it('gets many orders page by page', async () => {
		for (let i = 0; i < 5; i++) newOrder();
		const { json, sent } = await runAgainstStandin(standin, {
			params: { resource: 'order', operation: 'getAll', returnAll: false, limit: 4, filters: { fulfillment_status: 'unfulfilled' } },
		});
		expect(json).toHaveLength(4);
		expect(sent.map(routeOf)).toEqual(['GET /api/v1/orders']);
	});

	it('ships a package of given items, then the rest, then skips; the order ends shipped', async () => {
		const order = newOrder();
		const first = await runAgainstStandin(standin, {
			params: fulfil({
				orderId: byId(order.id),
				items: 'given',
				lineItems: { lineItem: [{ lineItemId: 'li_shirt', quantity: 1 }] },
				trackingNumber: '1Z999AA10000000001',
				trackingCompany: 'UPS',
				trackingUrl: 'https://ups.com/track?num=1Z999AA10000000001',
			}),
		});
		expect(first.json[0]).toMatchObject({ status: 'success', tracking_number: '1Z999AA10000000001', alreadyFulfilled: false });
		const partial = await runAgainstStandin(standin, { params: { resource: 'order', operation: 'get', orderId: order.id } });
		expect(partial.json[0]).toMatchObject({ status: 'partial', fulfillment_status: 'partial' });

		const rest = await runAgainstStandin(standin, {
			params: fulfil({ orderId: order.id, items: 'allUnfulfilled', trackingNumber: '1Z999AA10000000002' }),
		});
		expect(rest.writes.map((w) => w.body)).toEqual([
			{
				line_items: [
					{ id: 'li_shirt', quantity: 1 },
					{ id: 'li_mug', quantity: 1 },
				],
				tracking_number: '1Z999AA10000000002',
				notify_customer: true,
				status: 'success',
			},
		]);
		const shipped = await runAgainstStandin(standin, { params: { resource: 'order', operation: 'get', orderId: order.id } });
		expect(shipped.json[0]).toMatchObject({ status: 'shipped', fulfillment_status: 'fulfilled' });

		const nothing = await runAgainstStandin(standin, { params: fulfil({ orderId: order.id, items: 'allUnfulfilled' }) });
		expect(nothing.writes).toHaveLength(0);
		expect(nothing.json[0]).toMatchObject({ orderId: order.id, skipped: true });
	});

	it('sends no second POST for a tracking number the order already has', async () => {
		const order = newOrder();
		const params = fulfil({ orderId: order.id, items: 'allUnfulfilled', trackingNumber: 'AWB-77' });
		const first = await runAgainstStandin(standin, { params });
		const again = await runAgainstStandin(standin, { params });
		expect(again.writes).toHaveLength(0);
		expect(again.json[0]).toMatchObject({ id: first.json[0].id, alreadyFulfilled: true });
		const list = await runAgainstStandin(standin, { params: { resource: 'fulfillment', operation: 'getAll', orderId: order.id, returnAll: true } });
		expect(list.json).toHaveLength(1);
	});

	it("surfaces the stand-in's 422 as a NodeApiError with its message and item index", async () => {
		const order = newOrder();
		const error = await runErrorAgainstStandin(standin, {
			params: fulfil({ orderId: order.id, items: 'given', lineItems: { lineItem: [{ lineItemId: 'li_mug', quantity: 2 }] } }),
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/^LaunchMyStore: Line item li_mug \("Mug"\): quantity 2 is more than the 1 left to fulfil/);
		expect((error as unknown as NodeApiError).httpCode).toBe('422');
		expect((error as unknown as NodeApiError).context.itemIndex).toBe(0);
	});

	it('with OAuth2 Refresh Token obtains a token, stores the rotated refresh token, and renews once after a 401', async () => {
		const order = newOrder();
		const credential = storedCredential(standin, {
			authentication: LMS_MODE_REFRESH,
			accessToken: '',
			clientId: STANDIN_CLIENT_ID,
			refreshToken: STANDIN_REFRESH_TOKEN,
		});
		const log: string[] = [];
		const first = await runAgainstStandin(standin, { credential, log, params: { resource: 'order', operation: 'get', orderId: order.id } });
		expect(first.json[0].id).toBe(order.id);
		expect(log).toEqual(['refreshed']);
		const firstAccess = String(credential.oauthAccessToken);
		expect(firstAccess).toMatch(/^lms_token_/);
		expect(credential.refreshToken).not.toBe(STANDIN_REFRESH_TOKEN);

		// The stored token works until it expires; then one 401, one refresh with the rotated token, one retry.
		await runAgainstStandin(standin, { credential, log, params: { resource: 'order', operation: 'get', orderId: order.id } });
		expect(log).toEqual(['refreshed']);
		expect(standin.expireToken(firstAccess)).toBe(true);
		const renewed = await runAgainstStandin(standin, { credential, log, params: { resource: 'order', operation: 'get', orderId: order.id } });
		expect(renewed.json[0].id).toBe(order.id);
		expect(log).toEqual(['refreshed', 'refreshed']);
		expect(credential.oauthAccessToken).not.toBe(firstAccess);
	});

	it('reports a revoked refresh token naming what to do', async () => {
		const credential = storedCredential(standin, {
			authentication: LMS_MODE_REFRESH,
			clientId: STANDIN_CLIENT_ID,
			refreshToken: 'lms-long-gone',
		});
		const error = await runErrorAgainstStandin(standin, { credential, params: { resource: 'order', operation: 'get', orderId: 'ord_x' } });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/^LaunchMyStore refused to renew the access token \(POST \/apps\/oauth\/token, HTTP 401\): Token has been revoked\./);
		expect(error.message).toContain('paste a new Refresh Token');
	});
});
