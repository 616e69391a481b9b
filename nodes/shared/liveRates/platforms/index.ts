/**
 * The live-rate platforms the Shipping Rates Trigger and Response know, by id. A new platform is
 * one module implementing `LiveRatePlatform` (../platform.ts) and one entry here.
 */
import type { LiveRatePlatform } from '../platform';
import { bigCommercePlatform } from './bigCommerce';
import { highLevelPlatform } from './highLevel';
import { launchMyStorePlatform } from './launchMyStore';

const PLATFORMS: readonly LiveRatePlatform[] = [highLevelPlatform, launchMyStorePlatform, bigCommercePlatform];

/** The platform every item without a `platform` field is for (items of earlier versions). */
export const DEFAULT_PLATFORM_ID = highLevelPlatform.id;

/** All platforms, in the order the trigger's Platform option lists them. */
export function livePlatforms(): readonly LiveRatePlatform[] {
	return PLATFORMS;
}

/** The platform with this id; throws naming the known ids for an unknown one. */
export function platformById(id: string | undefined): LiveRatePlatform {
	const wanted = id || DEFAULT_PLATFORM_ID;
	const platform = PLATFORMS.find((p) => p.id === wanted);
	if (!platform) {
		throw new Error(`unknown live-rate platform "${wanted}" (known: ${PLATFORMS.map((p) => p.id).join(', ')})`);
	}
	return platform;
}
