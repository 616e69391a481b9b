'use strict';
/**
 * HighLevel stand-in: OAuth endpoints of test/standins/specs/highlevel/apps/oauth.json.
 *
 * - `POST /oauth/token` (form body, no bearer): `refresh_token` and `authorization_code` grants
 *   answer a new token of the same kind (agency or location) as the app's first token.
 * - `POST /oauth/locationToken` (form body `companyId`, `locationId`; agency token): a new location
 *   token, valid for `expires_in` 86399 s, for a location the app is installed on in that company.
 * - `GET /oauth/installedLocations` (agency token; `companyId`, `appId` required): the company's
 *   locations, `isInstalled` filter, `skip`/`limit` paging, `{locations, count}`.
 *
 * Agencies come from `opts.agencies`: `{ [companyId]: { locations: [{_id, name, address}] } }`.
 * Tokens live in the shared registry `tokens` (`token → {locationId}` for location tokens,
 * `token → {companyId, userType: 'Company'}` for agency tokens); minted tokens are added to it, so
 * the stand-in then accepts them like any other and records which location each was made for.
 */
const crypto = require('node:crypto');

const NOT_ALLOWED = 'This authClass type is not allowed to access this scope. Please reach out to the Platform team to get it added.';

function createOAuth({ tokens, agencies = {}, appId, err }) {
	const minted = []; // {token, locationId, companyId, at}
	const token = (prefix) => `${prefix}-${crypto.randomBytes(12).toString('hex')}`;
	const companyOf = (ctx) => (ctx.token && ctx.token.userType === 'Company' ? ctx.token.companyId : undefined);

	const handlers = {
		'POST /oauth/token': (ctx) => {
			const body = ctx.body || {};
			if (!['refresh_token', 'authorization_code', 'client_credentials'].includes(body.grant_type)) {
				return err(400, `unsupported grant_type ${body.grant_type}`);
			}
			const [companyId] = Object.keys(agencies);
			const accessToken = token(companyId ? 'agency' : 'location');
			const record = companyId ? { companyId, userType: 'Company' } : { locationId: body.locationId };
			if (tokens) tokens[accessToken] = record;
			return {
				status: 200,
				body: {
					access_token: accessToken,
					token_type: 'Bearer',
					expires_in: 86399,
					refresh_token: token('refresh'),
					scope: body.scope || '',
					userType: companyId ? 'Company' : 'Location',
					companyId: companyId || 'company-standin',
					...(companyId ? {} : { locationId: record.locationId }),
					userId: 'user-standin',
				},
			};
		},

		'POST /oauth/locationToken': (ctx) => {
			const { companyId, locationId } = ctx.body || {};
			const own = companyOf(ctx);
			if (tokens && !own) return err(401, NOT_ALLOWED, { error: 'Unauthorized' });
			if (own && own !== companyId) return err(400, 'Company ID does not match the token', { error: 'Bad Request' });
			const agency = agencies[companyId];
			const installed = agency && agency.locations.some((l) => l._id === locationId && l.isInstalled !== false);
			if (!installed) return err(400, 'Location not found or the app is not installed on it', { error: 'Bad Request' });
			const accessToken = token(`location-${locationId}`);
			if (tokens) tokens[accessToken] = { locationId };
			minted.push({ token: accessToken, locationId, companyId, at: new Date().toISOString() });
			return {
				status: 200,
				body: {
					access_token: accessToken,
					token_type: 'Bearer',
					expires_in: 86399,
					scope: 'store/shipping.readonly store/shipping.write',
					locationId,
					userId: 'user-standin',
					appId,
				},
			};
		},

		'GET /oauth/installedLocations': (ctx) => {
			const q = ctx.params.query;
			const own = companyOf(ctx);
			if (tokens && !own) return err(401, NOT_ALLOWED, { error: 'Unauthorized' });
			if (own && own !== q.companyId) return err(400, 'Company ID does not match the token', { error: 'Bad Request' });
			if (q.appId !== appId) return err(400, `App ${q.appId} not found`, { error: 'Bad Request' });
			const agency = agencies[q.companyId] || { locations: [] };
			let locations = agency.locations.map((l) => ({ address: '', isInstalled: true, ...l }));
			if (q.isInstalled !== undefined) locations = locations.filter((l) => l.isInstalled === (q.isInstalled === true || q.isInstalled === 'true'));
			if (q.query) locations = locations.filter((l) => l.name.toLowerCase().includes(String(q.query).toLowerCase()));
			const skip = Number(q.skip) || 0;
			const limit = Number(q.limit) || 20;
			return {
				status: 200,
				body: { locations: locations.slice(skip, skip + limit), count: locations.length, installToFutureLocations: false },
			};
		},
	};

	return {
		handlers,
		minted,
		/** Whether the route takes no bearer token (the token endpoint authenticates by client id). */
		isPublic: (template) => template === '/oauth/token',
		/** Whether this token kind may call the route: agency tokens only /oauth/*, location tokens the rest. */
		allowed: (template, tok) => (String(template).startsWith('/oauth/') ? tok.userType === 'Company' : tok.userType !== 'Company'),
		NOT_ALLOWED,
	};
}

module.exports = { createOAuth, NOT_ALLOWED };
