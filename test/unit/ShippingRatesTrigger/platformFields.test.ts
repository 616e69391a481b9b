/**
 * The Shipping Rates Trigger's description built from the platforms and their trigger edges
 * (nodes/ShippingRatesTrigger/platformFields.ts), with a made-up platform list and edges.
 */
import type { IDataObject } from 'n8n-workflow';
import type { LiveRatePlatform } from '../../../nodes/shared/liveRates/platform';
import type { LiveRateTriggerEdge } from '../../../nodes/shared/liveRates/triggerEdge';
import { livePlatforms } from '../../../nodes/shared/liveRates/platforms';
import {
	edgePropertiesOf,
	platformCredentialsOf,
	subtitleOf,
} from '../../../nodes/ShippingRatesTrigger/platformFields';
import { ShippingRatesTrigger } from '../../../nodes/ShippingRatesTrigger/ShippingRatesTrigger.node';

function platform(id: string, displayName: string, credentialTypes: string[]): LiveRatePlatform {
	return { ...livePlatforms()[0], id, displayName, credentialTypes };
}

const main = platform('main', 'Main', ['mainOAuth2Api', 'mainTokenApi']);
const plain = platform('plain', 'Plain', ['plainApi', 'plainOtherApi']);
const mainEdge: LiveRateTriggerEdge = {
	platformId: 'main',
	properties: [
		{ displayName: 'Mode', name: 'mode', type: 'options', options: [{ name: 'A', value: 'a' }], default: 'a' },
		{ displayName: 'Name', name: 'name', type: 'string', default: '', displayOptions: { show: { mode: ['a'] } } },
	],
	credentials: [
		{ name: 'mainOAuth2Api', required: true, displayOptions: { show: { mode: ['a'] } } },
		{ name: 'mainTokenApi', required: true, displayOptions: { show: { mode: ['b'] } } },
	],
	subtitleExpression: '"Main: " + $parameter["mode"]',
};
const edgeOf = (id: string) => (id === 'main' ? mainEdge : undefined);

/** Evaluates an n8n subtitle `={{ expression }}` for these parameters. */
function subtitleFor(subtitle: string, parameters: IDataObject): string {
	const expression = subtitle.replace(/^=\{\{/, '').replace(/\}\}$/, '');
	// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions -- evaluates the node's own subtitle, as n8n does
	return new Function('$parameter', `return ${expression}`)(parameters) as string;
}

describe('Shipping Rates Trigger description from the trigger edges', () => {
	it("shows each edge field for its platform only, keeping the field's own conditions", () => {
		expect(edgePropertiesOf([plain, main], edgeOf)).toEqual([
			{ ...mainEdge.properties?.[0], displayOptions: { show: { platform: ['main'] } } },
			{ ...mainEdge.properties?.[1], displayOptions: { show: { mode: ['a'], platform: ['main'] } } },
		]);
		expect(edgePropertiesOf([plain], edgeOf)).toEqual([]);
	});

	it("offers an edge's credentials for its platform, and only the first credential type of a platform without one", () => {
		expect(platformCredentialsOf([main, plain], edgeOf)).toEqual([
			{ name: 'mainOAuth2Api', required: true, displayOptions: { show: { mode: ['a'], platform: ['main'] } } },
			{ name: 'mainTokenApi', required: true, displayOptions: { show: { mode: ['b'], platform: ['main'] } } },
			{ name: 'plainApi', required: true, displayOptions: { show: { platform: ['plain'] } } },
		]);
	});

	it("subtitles each platform with its edge's expression, else '<name> live rates'; the default platform when none is set", () => {
		const subtitle = subtitleOf([main, plain], edgeOf, 'main');
		expect(subtitleFor(subtitle, { platform: 'main', mode: 'a' })).toBe('Main: a');
		expect(subtitleFor(subtitle, { platform: 'plain' })).toBe('Plain live rates');
		expect(subtitleFor(subtitle, { mode: 'a' })).toBe('Main: a');
	});

	it("keeps the trigger's subtitle per real platform", () => {
		const { subtitle } = new ShippingRatesTrigger().description;
		expect(subtitleFor(String(subtitle), { platform: 'highLevel', registration: 'automatic' })).toBe(
			'HighLevel live rates: automatic',
		);
		expect(subtitleFor(String(subtitle), { registration: 'installWorkflow' })).toBe('HighLevel live rates: installWorkflow');
		expect(subtitleFor(String(subtitle), { platform: 'launchMyStore' })).toBe('LaunchMyStore live rates');
		expect(subtitleFor(String(subtitle), { platform: 'bigCommerce' })).toBe('BigCommerce live rates');
	});

	it('lists the HighLevel fields after the Platform option and BigCommerce notice, before the Deadline fields', () => {
		const names = new ShippingRatesTrigger().description.properties.map((property) => property.name);
		expect(names.slice(0, 8)).toEqual([
			'notice',
			'platform',
			'bigCommerceNotice',
			'authentication',
			'registration',
			'carrierName',
			'carrierServices',
			'locationId',
		]);
		expect(names.slice(8)).toEqual(['deadlineMs', 'deadlineMs', 'deadlineMs', 'fallbackRates', 'options']);
	});
});
