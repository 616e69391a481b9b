/**
 * The trigger edge: what a live-rate platform adds to the Shipping Rates Trigger on n8n's side,
 * beyond the pure platform contract (platform.ts, which stays free of n8n): fields of its own,
 * credentials chosen by one of those fields, a subtitle, and work on workflow activation (such as
 * registering the trigger's URL with the platform). A platform without an edge gets the trigger's
 * common fields only, its first credential type (`LiveRatePlatform.credentialTypes[0]`, required)
 * and no activation work. Edges are listed in `edges/index.ts`; HighLevel's (carrier
 * registration) is the only one.
 */
import type { IHookFunctions, INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/**
 * Reads one trigger parameter by name; `fallback` is answered when the parameter is not set
 * (the description's default). Never throws.
 */
export type TriggerParameterRead = (name: string, fallback: unknown) => unknown;

/**
 * Work on workflow activation and deactivation, as n8n's `webhookMethods.default`: `checkExists`
 * answers whether the platform already knows the trigger's URL (false: n8n calls `create`),
 * `create` tells the platform, `delete` removes it. Each answers true when done and throws a
 * NodeApiError or NodeOperationError (from the platform's API) when the platform refuses.
 */
export interface TriggerActivation {
	checkExists(ctx: IHookFunctions): Promise<boolean>;
	create(ctx: IHookFunctions): Promise<boolean>;
	delete(ctx: IHookFunctions): Promise<boolean>;
}

export interface LiveRateTriggerEdge {
	/** Id of the `LiveRatePlatform` (platforms/index.ts) this edge extends. */
	readonly platformId: string;
	/**
	 * Fields of the trigger for this platform only, in the order shown; the trigger adds
	 * `displayOptions.show.platform: [platformId]` to each (a field's own `displayOptions` stay).
	 */
	readonly properties?: readonly INodeProperties[];
	/**
	 * The platform's credentials, each usually shown by one of the edge's fields; the trigger adds
	 * `displayOptions.show.platform: [platformId]`. Without it: `credentialTypes[0]`, required.
	 */
	readonly credentials?: readonly INodeCredentialDescription[];
	/**
	 * The credential type name a callback is authenticated with, from the trigger's parameters
	 * (HighLevel: by its Authentication option). Without it: `credentialTypes[0]`.
	 */
	credentialType?(read: TriggerParameterRead): string;
	/** Work on activation and deactivation; without it the trigger does nothing then. */
	readonly activation?: TriggerActivation;
	/**
	 * The node subtitle for this platform, as a JavaScript expression over `$parameter` (it goes
	 * inside the subtitle's `={{ }}`). Without it: `"<displayName> live rates"`.
	 */
	readonly subtitleExpression?: string;
}
