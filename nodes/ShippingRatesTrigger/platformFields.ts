/**
 * The parts of the Shipping Rates Trigger's description that depend on the live-rate platforms
 * (nodes/shared/liveRates/platforms): the Platform option, the credentials each platform uses, and
 * a Deadline per platform with that platform's default. HighLevel's own fields (authentication,
 * carrier registration) show only for HighLevel.
 */
import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';
import { DEFAULT_PLATFORM_ID, livePlatforms } from '../../nodes/shared/liveRates/platforms';
import { highLevelCredentials } from '../../nodes/shared/highlevel/descriptions';

const HIGHLEVEL = DEFAULT_PLATFORM_ID;

export const platformProperty: INodeProperties = {
	displayName: 'Platform',
	name: 'platform',
	type: 'options',
	noDataExpression: true,
	options: livePlatforms().map((platform) => ({ name: platform.displayName, value: platform.id })),
	default: HIGHLEVEL,
	description: 'Store platform that calls this URL for rates at checkout: how its calls are authenticated, read and answered',
};

/** `property` shown only when the trigger's Platform is HighLevel. */
export function forHighLevelOnly(property: INodeProperties): INodeProperties {
	const show = { ...(property.displayOptions?.show ?? {}), platform: [HIGHLEVEL] };
	return { ...property, displayOptions: { ...(property.displayOptions ?? {}), show } };
}

/** A platform's credential, required and shown when the trigger's Platform is that platform. */
function credentialOf(platformId: string, credentialType: string): INodeCredentialDescription {
	const credential: INodeCredentialDescription = { name: credentialType, required: true };
	credential.displayOptions = { show: { platform: [platformId] } };
	return credential;
}

/** HighLevel's credentials (by its Authentication option), then each other platform's own. */
export const platformCredentials: INodeCredentialDescription[] = [
	...highLevelCredentials.map((credential) => ({
		...credential,
		displayOptions: { show: { ...(credential.displayOptions?.show ?? {}), platform: [HIGHLEVEL] } },
	})),
	...livePlatforms()
		.filter((platform) => platform.id !== HIGHLEVEL)
		.map((platform) => credentialOf(platform.id, platform.credentialTypes[0])),
];

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
