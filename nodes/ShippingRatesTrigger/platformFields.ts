/**
 * The parts of the Shipping Rates Trigger's description that depend on the live-rate platforms
 * (nodes/shared/liveRates/platforms) and their trigger edges (nodes/shared/liveRates/edges): the
 * Platform option, each platform's own fields and credentials (shown only for that platform), a
 * Deadline per platform with that platform's default, and the subtitle. The builders take the
 * platform list and the edge lookup so that tests can pass their own.
 */
import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';
import { DEFAULT_PLATFORM_ID, livePlatforms } from '../../nodes/shared/liveRates/platforms';
import type { LiveRatePlatform } from '../../nodes/shared/liveRates/platform';
import type { LiveRateTriggerEdge } from '../../nodes/shared/liveRates/triggerEdge';
import { edgeFor } from '../../nodes/shared/liveRates/edges';

/** The trigger edge of a platform id, or undefined (nodes/shared/liveRates/edges `edgeFor`). */
export type EdgeLookup = (platformId: string) => LiveRateTriggerEdge | undefined;

export const platformProperty: INodeProperties = {
	displayName: 'Platform',
	name: 'platform',
	type: 'options',
	noDataExpression: true,
	options: livePlatforms().map((platform) => ({ name: platform.displayName, value: platform.id })),
	default: DEFAULT_PLATFORM_ID,
	description: 'Store platform that calls this URL for rates at checkout: how its calls are authenticated, read and answered',
};

/** `property` shown only when the trigger's Platform is `platformId` (its own displayOptions kept). */
export function forPlatformOnly(platformId: string, property: INodeProperties): INodeProperties {
	const show = { ...(property.displayOptions?.show ?? {}), platform: [platformId] };
	return { ...property, displayOptions: { ...(property.displayOptions ?? {}), show } };
}

/** `credential` shown only when the trigger's Platform is `platformId` (its own displayOptions kept). */
function credentialForPlatform(
	platformId: string,
	credential: INodeCredentialDescription,
): INodeCredentialDescription {
	const show = { ...(credential.displayOptions?.show ?? {}), platform: [platformId] };
	return { ...credential, displayOptions: { ...(credential.displayOptions ?? {}), show } };
}

/** Each platform's edge fields, in platform order, each shown only for its platform. */
export function edgePropertiesOf(
	platforms: readonly LiveRatePlatform[] = livePlatforms(),
	edgeOf: EdgeLookup = edgeFor,
): INodeProperties[] {
	return platforms.flatMap((platform) =>
		(edgeOf(platform.id)?.properties ?? []).map((property) => forPlatformOnly(platform.id, property)),
	);
}

/**
 * Each platform's credentials, in platform order, each shown only for its platform: its edge's
 * (HighLevel: one per Authentication option), else its first credential type, required.
 */
export function platformCredentialsOf(
	platforms: readonly LiveRatePlatform[] = livePlatforms(),
	edgeOf: EdgeLookup = edgeFor,
): INodeCredentialDescription[] {
	return platforms.flatMap((platform) => {
		const own = edgeOf(platform.id)?.credentials ?? [{ name: platform.credentialTypes[0], required: true }];
		return own.map((credential) => credentialForPlatform(platform.id, credential));
	});
}

/**
 * The node subtitle expression: per platform its edge's `subtitleExpression`, else
 * `"<displayName> live rates"`. The default platform is the last branch, so a node stored before
 * the Platform option existed shows HighLevel's.
 */
export function subtitleOf(
	platforms: readonly LiveRatePlatform[] = livePlatforms(),
	edgeOf: EdgeLookup = edgeFor,
	defaultPlatformId: string = DEFAULT_PLATFORM_ID,
): string {
	const expressionOf = (platform: LiveRatePlatform) =>
		edgeOf(platform.id)?.subtitleExpression ?? JSON.stringify(`${platform.displayName} live rates`);
	const fallback = platforms.find((platform) => platform.id === defaultPlatformId) ?? platforms[0];
	const expression = platforms
		.filter((platform) => platform !== fallback)
		.reduce(
			(otherwise, platform) =>
				`$parameter["platform"] === ${JSON.stringify(platform.id)} ? ${expressionOf(platform)} : ${otherwise}`,
			expressionOf(fallback),
		);
	return `={{${expression}}}`;
}

/** Every platform's own fields (from the edges), shown only for that platform. */
export const edgeProperties: INodeProperties[] = edgePropertiesOf();

/** Every platform's credentials (from the edges, else its first credential type). */
export const platformCredentials: INodeCredentialDescription[] = platformCredentialsOf();

const deadlineProperty: INodeProperties = {
	displayName: 'Deadline (Ms)',
	name: 'deadlineMs',
	type: 'number',
	typeOptions: { minValue: 100 },
	default: 2500,
	description: 'Milliseconds after the call arrives by which the store gets an answer; past it, the fallback rates are sent',
};

/** One Deadline field per platform (same name), each with the platform's default. */
export const deadlineProperties: INodeProperties[] = livePlatforms().map((platform) => ({
	...deadlineProperty,
	default: platform.defaultDeadlineMs,
	description: `Milliseconds after the call arrives by which ${platform.displayName} gets an answer; past it, the fallback rates are sent`,
	displayOptions: { show: { platform: [platform.id] } },
}));
