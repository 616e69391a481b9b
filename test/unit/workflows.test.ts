/**
 * The bundled workflows refer to each other by ids and URLs; these checks keep them in step.
 */
import fulfillment from '../../workflows/fulfillment.json';
import installCarrier from '../../workflows/install-carrier.json';
import liveRates from '../../workflows/live-rates.json';
import marketplaceInstall from '../../workflows/marketplace-install.json';
import orderSync from '../../workflows/order-sync.json';
import reconcile from '../../workflows/reconcile-orders.json';
import uninstall from '../../workflows/uninstall.json';

type Node = { name: string; type: string; parameters: Record<string, unknown>; webhookId?: string };
const node = (workflow: { nodes: unknown[] }, name: string) => {
	const found = (workflow.nodes as Node[]).find((n) => n.name === name);
	if (!found) throw new Error(`no node ${name}`);
	return found;
};
const setting = (workflow: { nodes: unknown[] }, name: string) => {
	const assignments = (node(workflow, 'Settings').parameters.assignments as {
		assignments: Array<{ name: string; value: unknown }>;
	}).assignments;
	return assignments.find((a) => a.name === name)?.value;
};

describe('bundled workflows', () => {
	test('order-sync.json hands INSTALL and UNINSTALL to their workflows by id, orders to the sync', () => {
		const trigger = node(orderSync, 'HighLevel Trigger');
		expect(trigger.parameters.events).toEqual(
			expect.arrayContaining(['INSTALL', 'OrderCreate', 'OrderStatusUpdate', 'UNINSTALL']),
		);
		const cleanUp = node(orderSync, 'Clean Up After Uninstall').parameters.workflowId as { value: string };
		expect(cleanUp.value).toBe(uninstall.id);
		const setUp = node(orderSync, 'Set Up After Install').parameters.workflowId as { value: string };
		expect(setUp.value).toBe(marketplaceInstall.id);
		expect(orderSync.connections['Is Uninstall'].main[0][0].node).toBe('Clean Up After Uninstall');
		expect(orderSync.connections['Is Uninstall'].main[1][0].node).toBe('Is Install');
		expect(orderSync.connections['Is Install'].main[0][0].node).toBe('Set Up After Install');
		expect(orderSync.connections['Is Install'].main[1][0].node).toBe('Get Full Order');
	});

	test('marketplace-install.json registers the same signed carrier as install-carrier.json, per location', () => {
		expect(setting(marketplaceInstall, 'callbackUrl')).toBe(setting(installCarrier, 'callbackUrl'));
		expect(node(marketplaceInstall, 'Register Carrier').parameters).toMatchObject({
			operation: 'register',
			signCallbackUrl: true,
			matchBy: 'callbackUrlIgnoringQuery',
			locationId: '={{ $json.locationId }}',
		});
		expect(node(marketplaceInstall, 'Installed Locations').parameters).toMatchObject({
			resource: 'location',
			returnAll: true,
		});
	});

	test("uninstall.json removes the carrier install-carrier.json registers and the Shippo webhooks of fulfillment.json's trigger", () => {
		const liveRatesTrigger = (liveRates.nodes as Node[]).find((n) => n.type.endsWith('.shippingRatesTrigger'));
		expect(setting(uninstall, 'callbackUrl')).toBe(setting(installCarrier, 'callbackUrl'));
		expect(String(setting(uninstall, 'callbackUrl'))).toContain(`/webhook/${String(liveRatesTrigger?.webhookId)}/rates`);
		expect(node(uninstall, 'Unregister Carrier').parameters).toMatchObject({
			operation: 'unregister',
			matchBy: node(installCarrier, 'Register Carrier').parameters.matchBy,
		});
		expect(setting(uninstall, 'deleteShippoWebhooks')).toBe(true);
		expect(uninstall.connections['Shippo Webhooks Too'].main[0][0].node).toBe('Delete Shippo Webhooks');
		expect(uninstall.connections['Shippo Webhooks Too'].main[1][0].node).toBe('Report');
		const shippoTrigger = node(fulfillment, 'Shippo Trigger');
		expect(setting(uninstall, 'shippoTriggerPath')).toBe(`/webhook/${String(shippoTrigger.webhookId)}/shippo`);
	});

	test('fulfillment.json writes each label once; reconcile-orders.json creates Shippo orders idempotently', () => {
		expect(node(fulfillment, 'Create Fulfillment').parameters.options).toMatchObject({ skipExistingTracking: true });
		expect(node(reconcile, 'Create Missing Shippo Order').parameters).toMatchObject({
			operation: 'create',
			defineOrder: 'highLevelOrder',
		});
		expect(node(reconcile, 'Recent Paid Orders').parameters.filters).toMatchObject({ paymentStatus: 'paid' });
	});
});
