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
import claim from '../../workflows/claim.json';

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
		expect(orderSync.connections['Is Uninstall'].main[0][0].node).toBe('Install Claim Back Key');
		expect(orderSync.connections['Release Install Claim On Uninstall'].main[0][0].node).toBe('Clean Up After Uninstall');
		expect(orderSync.connections['Is Uninstall'].main[1][0].node).toBe('Is Install');
		expect(orderSync.connections['Is Install'].main[0][0].node).toBe('Install Claim Key');
		expect(orderSync.connections['First Delivery of Install'].main[0][0].node).toBe('Set Up After Install');
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

	type Workflow = { nodes: unknown[]; connections: Record<string, { main: Array<Array<{ node: string }>> }> };
	/** The node names that feed `name` (first input). */
	const feeding = (workflow: Workflow, name: string) =>
		Object.entries(workflow.connections)
			.filter(([, c]) => c.main.some((out) => out.some((link) => link.node === name)))
			.map(([from]) => from);

	test.each([
		['order-sync.json', orderSync, 'Create Shippo Order', "'hl:' + ($json.altId || $json.locationId) + ':' + $json._id"],
		['order-sync.json', orderSync, 'Set Up After Install', "'hl:install:' + ($json.locationId || $json.companyId)"],
		['fulfillment.json', fulfillment, 'Create Fulfillment', "'hl:' + $json.reference.locationId + ':' + $json.reference.orderId + ':fulfillment:' + $json.trackingNumber"],
		['reconcile-orders.json', reconcile, 'Create Missing Shippo Order', "'hl:' + ($json.altId || $json.locationId) + ':' + $json._id"],
	])('%s claims the natural key before %s, and gives it back when the write fails', (_file, workflow, write, key) => {
		const w = workflow as unknown as Workflow;
		const [first] = feeding(w, write);
		expect(node(w, first).parameters.conditions).toMatchObject({ conditions: [{ leftValue: '={{ $json.claim.first }}' }] });
		const [claimCall] = feeding(w, first);
		expect((node(w, claimCall).parameters.workflowId as { value: string }).value).toBe(claim.id);
		const [keyNode] = feeding(w, claimCall);
		expect(node(w, keyNode).parameters.jsonOutput).toBe(`={{ { ...$json, claim: { key: ${key}, seconds: 900 } } }}`);
		// The write's error output: give the key back through claim.json, then fail the execution.
		expect((node(w, write) as Node & { onError?: string }).onError).toBe('continueErrorOutput');
		const [giveBack] = w.connections[write].main[1].map((l) => l.node);
		expect(node(w, giveBack).parameters.jsonOutput).toContain('release: true');
		const [release] = w.connections[giveBack].main[0].map((l) => l.node);
		expect((node(w, release).parameters.workflowId as { value: string }).value).toBe(claim.id);
		const [fail] = w.connections[release].main[0].map((l) => l.node);
		expect(node(w, fail).type).toBe('n8n-nodes-base.stopAndError');
		// The order itself goes to Shippo without the claim field.
		if (write.includes('Shippo')) expect(node(w, write).parameters.highLevelOrder).toBe('={{ JSON.stringify({ ...$json, claim: undefined }) }}');
	});

	test('claim.json: INCR with an expiry, DEL on release; its Redis nodes ship disabled (one process needs no Redis)', () => {
		const incr = node(claim, 'Claim In Redis') as Node & { disabled?: boolean };
		expect(incr.parameters).toMatchObject({ operation: 'incr', key: '={{ $json.claim.key }}', expire: true });
		expect(incr.disabled).toBe(true);
		const del = node(claim, 'Release In Redis') as Node & { disabled?: boolean };
		expect(del.parameters).toMatchObject({ operation: 'delete', key: '={{ $json.claim.key }}' });
		expect(del.disabled).toBe(true);
		const c = claim.connections as unknown as Workflow['connections'];
		expect(c['Is Release'].main[0][0].node).toBe('Release In Redis');
		expect(c['Is Release'].main[1][0].node).toBe('Claim In Redis');
		expect(String(node(claim, 'Claimed').parameters.jsonOutput)).toContain('=== 1');
	});
});

