/**
 * Location → Get Many: the sub-accounts (locations) of the agency the app is installed on.
 * Source: GET /oauth/installedLocations (get-installed-location, test/standins/specs/highlevel/apps/
 * oauth.json), query `companyId`, `appId` (both required), `isInstalled`, `query`, `limit`,
 * `skip` (strings); response `{locations: [{_id, name, address, isInstalled, …}], count}`.
 * Needs an agency (Company) OAuth2 token with the `oauth.readonly` scope; sent with that token as is.
 * Output: one item per location `{locationId, _id, name, address, isInstalled, …}`.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import {
	getHighLevelCredentialInfo,
	highLevelApiRequest,
	isAgencyToken,
} from '../../../../nodes/shared/highlevel/transport';
import { limitField, returnAllField } from '../../descriptions/common.description';
import { fail } from '../../helpers/utils';

const PAGE_SIZE = 100;

const properties: INodeProperties[] = [
	returnAllField,
	limitField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'App ID',
				name: 'appId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 6578278e879ad2646715ba9d',
				description:
					"Marketplace app ID. Default: the credential's Client ID up to its first '-' (HighLevel client IDs are &lt;appId&gt;-&lt;suffix&gt;).",
			},
			{
				displayName: 'Include Not Installed',
				name: 'includeNotInstalled',
				type: 'boolean',
				default: false,
				description: 'Whether to list the agency locations the app is not installed on too',
			},
			{
				displayName: 'Search',
				name: 'query',
				type: 'string',
				default: '',
				description: 'Only locations whose name matches this text',
			},
		],
	},
];

const displayOptions = { show: { resource: ['location'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const info = await getHighLevelCredentialInfo(this);
	if (!isAgencyToken(info)) {
		fail(
			this,
			itemIndex,
			'Location → Get Many needs an agency credential: connect the HighLevel OAuth2 credential as the agency (user type Company), not a sub-account',
		);
	}
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const appId = String(options.appId ?? '').trim() || info.appId;
	if (!appId) fail(this, itemIndex, 'Options → App ID: the credential has no Client ID to take it from; enter it');

	const locations: IDataObject[] = [];
	for (let skip = 0; locations.length < limit; ) {
		const qs: IDataObject = {
			companyId: info.companyId,
			appId,
			limit: String(Math.min(PAGE_SIZE, limit - locations.length)),
			skip: String(skip),
		};
		if (!options.includeNotInstalled) qs.isInstalled = true;
		if (options.query) qs.query = String(options.query);
		const response = await highLevelApiRequest<IDataObject>(this, {
			method: 'GET',
			endpoint: '/oauth/installedLocations',
			qs,
			itemIndex,
			location: false,
		});
		const page = Array.isArray(response.locations) ? (response.locations as IDataObject[]) : [];
		locations.push(...page);
		skip += page.length;
		const count = typeof response.count === 'number' ? response.count : undefined;
		if (page.length === 0 || (count !== undefined ? skip >= count : page.length < PAGE_SIZE)) break;
	}
	return locations.slice(0, limit).map((location) => ({ locationId: location._id, ...location }));
}
