/**
 * The trigger edges (nodes/shared/liveRates/triggerEdge.ts, edges/): what a platform adds to the
 * Shipping Rates Trigger on n8n's side. HighLevel's is the only one; a platform without an edge
 * gets its own first credential, no fields of its own and no activation work.
 */
import type { IHookFunctions } from 'n8n-workflow';
import { edgeFor, triggerEdges } from '../../../nodes/shared/liveRates/edges';
import { highLevelTriggerEdge } from '../../../nodes/shared/liveRates/edges/highLevel';
import { livePlatforms, platformById } from '../../../nodes/shared/liveRates/platforms';
import { ShippingRatesTrigger } from '../../../nodes/ShippingRatesTrigger/ShippingRatesTrigger.node';
import { credentialTypeOf } from '../../../nodes/ShippingRatesTrigger/settings';

const platformsWithoutEdge = livePlatforms().filter((platform) => !edgeFor(platform.id));

describe('trigger edge registry', () => {
	it('has one edge, HighLevel’s, for a known platform', () => {
		expect(triggerEdges()).toEqual([highLevelTriggerEdge]);
		for (const edge of triggerEdges()) expect(platformById(edge.platformId).id).toBe(edge.platformId);
		expect(edgeFor('highLevel')).toBe(highLevelTriggerEdge);
	});

	it('has no edge for LaunchMyStore, BigCommerce, an unknown or no platform', () => {
		expect(platformsWithoutEdge.map((platform) => platform.id)).toEqual(['launchMyStore', 'bigCommerce']);
		expect(edgeFor('shopware')).toBeUndefined();
		expect(edgeFor(undefined)).toBeUndefined();
	});
});

describe('a platform without a trigger edge', () => {
	const { description, webhookMethods } = new ShippingRatesTrigger();
	const shownFor = (platformId: string) =>
		(description.credentials ?? []).filter((credential) => credential.displayOptions?.show?.platform?.includes(platformId));

	it.each(platformsWithoutEdge.map((platform) => [platform.id, platform]))(
		'%s: the trigger offers only its own first credential, required and shown for it alone',
		(platformId, platform) => {
			expect(shownFor(platformId)).toEqual([
				{ name: platform.credentialTypes[0], required: true, displayOptions: { show: { platform: [platformId] } } },
			]);
		},
	);

	it.each(platformsWithoutEdge.map((platform) => [platform.id, platform]))(
		'%s: callbacks use that credential, whatever the HighLevel fields say',
		(_id, platform) => {
			const asked: string[] = [];
			const read = (name: string, fallback: unknown) => {
				asked.push(name);
				return name === 'authentication' ? 'privateIntegrationToken' : fallback;
			};
			expect(credentialTypeOf(platform, read)).toBe(platform.credentialTypes[0]);
			expect(asked).toEqual([]);
		},
	);

	it.each(platformsWithoutEdge.map((platform) => platform.id))(
		'%s: no field of the trigger is shown for it alone except its Deadline and notices',
		(platformId) => {
			const own = description.properties.filter(
				(property) => property.displayOptions?.show?.platform?.length === 1 && property.displayOptions.show.platform[0] === platformId,
			);
			expect(own.every((property) => property.name === 'deadlineMs' || property.type === 'notice')).toBe(true);
			expect(own.some((property) => property.name === 'deadlineMs')).toBe(true);
		},
	);

	it.each(platformsWithoutEdge.map((platform) => platform.id))(
		'%s: activation and deactivation do nothing (no URL, no credential, no HTTP)',
		async (platformId) => {
			const calls: string[] = [];
			const hook = {
				getNodeParameter: (name: string, fallback?: unknown) => (name === 'platform' ? platformId : (calls.push(`param ${name}`), fallback)),
				getNodeWebhookUrl: () => calls.push('url'),
				getCredentials: async () => calls.push('credentials'),
				helpers: { httpRequestWithAuthentication: async () => calls.push('http') },
			} as unknown as IHookFunctions;
			expect(await webhookMethods.default.checkExists.call(hook)).toBe(true);
			expect(await webhookMethods.default.create.call(hook)).toBe(true);
			expect(await webhookMethods.default.delete.call(hook)).toBe(true);
			expect(calls).toEqual([]);
		},
	);
});

describe('HighLevel’s trigger edge', () => {
	const read = (values: Record<string, unknown>) => (name: string, fallback: unknown) =>
		name in values ? values[name] : fallback;

	it('picks the credential by the Authentication option, OAuth2 by default', () => {
		const highLevel = platformById('highLevel');
		expect(credentialTypeOf(highLevel, read({ authentication: 'privateIntegrationToken' }))).toBe(
			'highLevelShippingPrivateIntegrationApi',
		);
		expect(credentialTypeOf(highLevel, read({ authentication: 'oAuth2' }))).toBe('highLevelShippingOAuth2Api');
		expect(credentialTypeOf(highLevel, read({}))).toBe('highLevelShippingOAuth2Api');
		expect(credentialTypeOf(highLevel, read({ authentication: 'somethingElse' }))).toBe('highLevelShippingOAuth2Api');
	});

	it('offers one credential per Authentication option, among the platform’s credential types', () => {
		const names = (highLevelTriggerEdge.credentials ?? []).map((credential) => credential.name);
		expect(names).toEqual([...platformById('highLevel').credentialTypes]);
		expect(highLevelTriggerEdge.credentials?.map((c) => c.displayOptions?.show?.authentication)).toEqual([
			['oAuth2'],
			['privateIntegrationToken'],
		]);
	});

	it('registers the carrier only with Carrier Registration "On Activation"', async () => {
		const calls: string[] = [];
		const hook = {
			getNodeParameter: (name: string, fallback?: unknown) => (name === 'registration' ? 'installWorkflow' : fallback),
			getNodeWebhookUrl: () => calls.push('url'),
			helpers: { httpRequestWithAuthentication: async () => calls.push('http') },
		} as unknown as IHookFunctions;
		const activation = highLevelTriggerEdge.activation;
		expect(activation).toBeDefined();
		expect(await activation?.create(hook)).toBe(true);
		expect(calls).toEqual([]);
		// On Activation: it needs the trigger's URL (and fails without one), so it does act.
		const automatic = {
			getNodeParameter: (_name: string, fallback?: unknown) => fallback,
			getNodeWebhookUrl: () => undefined,
			getNode: () => ({ name: 'Shipping Rates Trigger' }),
		} as unknown as IHookFunctions;
		await expect(activation?.create(automatic)).rejects.toThrow(/no webhook URL/);
	});
});
