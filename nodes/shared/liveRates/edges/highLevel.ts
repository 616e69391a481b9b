/**
 * HighLevel's trigger edge: the Shipping Rates Trigger's fields, credentials and activation work
 * for HighLevel only. HighLevel calls a *registered shipping carrier's* `callbackUrl`, so the
 * trigger offers to register itself as one on activation (highLevelRegistration.ts) and to remove
 * it on deactivation; an install workflow (HighLevel node, Shipping Carrier → Register) may do
 * that instead. The credential is picked by the Authentication option (OAuth2 or Private
 * Integration Token).
 *
 * Source: test/standins/specs/highlevel/apps/store.json (`create-shipping-carrier`,
 * `list-shipping-carriers`, `update-shipping-carrier`, `delete-shipping-carrier`).
 */
import type { IHookFunctions, INodeProperties } from 'n8n-workflow';
import { highLevelAuthenticationProperty, highLevelCredentials } from '../../highlevel/descriptions';
import type { HighLevelAuthentication } from '../../highlevel/transport';
import { HIGHLEVEL_CREDENTIAL_TYPES } from '../../highlevel/transport';
import { highLevelPlatform } from '../platforms/highLevel';
import type { LiveRateTriggerEdge, TriggerActivation } from '../triggerEdge';
import { deleteCarrier, ownCarriers, registrationTarget, upsertCarrier } from './highLevelRegistration';

const registrationProperty: INodeProperties = {
	displayName: 'Carrier Registration',
	name: 'registration',
	type: 'options',
	options: [
		{
			name: 'On Activation',
			value: 'automatic',
			description:
				'Register this callback as a shipping carrier of the location when the workflow is activated, and remove it on deactivation',
		},
		{
			name: 'By an Install Workflow',
			value: 'installWorkflow',
			description:
				'Only answer callbacks; an install workflow (HighLevel node, Shipping Carrier → Register) registers the carrier',
		},
	],
	default: 'automatic',
};

const carrierNameProperty: INodeProperties = {
	displayName: 'Carrier Name',
	name: 'carrierName',
	type: 'string',
	default: 'Live Rates (n8n)',
	description: 'Name of the shipping carrier shown in HighLevel shipping settings',
	displayOptions: { show: { registration: ['automatic'] } },
};

const carrierServicesProperty: INodeProperties = {
	displayName: 'Carrier Services',
	name: 'carrierServices',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Service',
	default: {},
	description:
		'Service levels the seller can pick when adding this carrier to a shipping zone (HighLevel `services[{name, value}]`)',
	displayOptions: { show: { registration: ['automatic'] } },
	options: [
		{
			name: 'service',
			displayName: 'Service',
			values: [
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					description: 'Service level code, e.g. usps_priority',
				},
			],
		},
	],
};

const locationIdProperty: INodeProperties = {
	displayName: 'Location ID',
	name: 'locationId',
	type: 'string',
	default: '',
	description:
		'HighLevel location (sub-account) to register the carrier for. Empty: the location of the credential.',
};

/** Whether activation registers the carrier: Carrier Registration "On Activation". */
function registersCarrier(ctx: IHookFunctions): boolean {
	return ctx.getNodeParameter('registration', 'automatic') === 'automatic';
}

/**
 * Carrier registration on activation (Carrier Registration "On Activation"; otherwise nothing is
 * called and every method answers true). `checkExists`: a carrier of the location has this
 * trigger's signed URL and Carrier Name; `create`: registers or updates it; `delete`: removes
 * every carrier pointing at this trigger.
 */
const carrierRegistration: TriggerActivation = {
	async checkExists(ctx) {
		if (!registersCarrier(ctx)) return true;
		const target = await registrationTarget(ctx);
		const carriers = await ownCarriers(ctx, target);
		return carriers.some((carrier) => carrier.callbackUrl === target.callbackUrl && carrier.name === target.name);
	},
	async create(ctx) {
		if (!registersCarrier(ctx)) return true;
		await upsertCarrier(ctx, await registrationTarget(ctx));
		return true;
	},
	async delete(ctx) {
		if (!registersCarrier(ctx)) return true;
		const target = await registrationTarget(ctx);
		for (const carrier of await ownCarriers(ctx, target)) {
			await deleteCarrier(ctx, target.locationId, carrier._id);
		}
		return true;
	},
};

export const highLevelTriggerEdge: LiveRateTriggerEdge = {
	platformId: highLevelPlatform.id,
	properties: [
		highLevelAuthenticationProperty,
		registrationProperty,
		carrierNameProperty,
		carrierServicesProperty,
		locationIdProperty,
	],
	// One per Authentication option: OAuth2 (Marketplace App) or Private Integration Token.
	credentials: highLevelCredentials,
	credentialType(read) {
		const authentication = read('authentication', 'oAuth2') as HighLevelAuthentication;
		return HIGHLEVEL_CREDENTIAL_TYPES[authentication] ?? HIGHLEVEL_CREDENTIAL_TYPES.oAuth2;
	},
	activation: carrierRegistration,
	subtitleExpression: '"HighLevel live rates: " + $parameter["registration"]',
};
