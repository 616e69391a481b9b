'use strict';
/**
 * In-memory corrections of known defects in the official specs used by the stand-ins. The spec
 * files under test/standins/specs stay untouched; each function below receives the loaded documents
 * (keyed by path relative to the spec's folder) and patches them before any schema is compiled.
 * Every correction says what the spec declares, what the service really does, and the source.
 *
 * - HighLevel: test/standins/specs/highlevel/apps/store.json (OpenAPI 3.0), see reference highlevel.md §4.2/§4.4
 *              test/standins/specs/highlevel/apps/payments.json (OpenAPI 3.0), see reference highlevel.md §4.7
 *              test/standins/specs/highlevel/apps/products.json (OpenAPI 3.0), see reference highlevel.md §4.8
 * - Shippo:    test/standins/specs/shippo/public-api.yaml (OpenAPI 3.1), see reference carriers.md §2/§3
 */

/** Flatten HighLevel's broken `{type:"number", enum:[[...codes]]}` into `{type:"string", enum:[...codes]}`. */
function countryCodeSchema(broken) {
	const codes =
		Array.isArray(broken.enum) && Array.isArray(broken.enum[0]) ? broken.enum[0] : broken.enum;
	const fixed = { ...broken, type: 'string' };
	if (codes) fixed.enum = codes;
	return fixed;
}

function patch(docs, file, name) {
	const doc = docs[file];
	const s = doc && doc.components && doc.components.schemas && doc.components.schemas[name];
	if (!s) throw new Error(`overlay: schema ${name} not found in ${file} (spec changed?)`);
	return s;
}

/** @param {Record<string, object>} docs */
function highlevelOverlay(docs) {
	const F = 'store.json';

	// 1. ShippingZoneCountryDto.code is declared `type: number` with a nested-array enum
	//    (`enum: [["US","CA",...]]`), so no value can ever be valid; the schema's own example is "US"
	//    and HighLevel takes/returns ISO-3166 alpha-2 strings (highlevel.md §4.2). -> string + flat enum.
	const country = patch(docs, F, 'ShippingZoneCountryDto');
	country.properties.code = countryCodeSchema(country.properties.code);

	// 2. StoreShippingOriginDto.country has the same defect (example "US"; highlevel.md §4.2).
	const origin = patch(docs, F, 'StoreShippingOriginDto');
	origin.properties.country = countryCodeSchema(origin.properties.country);

	// 3. GetAvailableShippingRates.amountAvailable is declared a string with the country-code enum,
	//    but its description reads "it will not calculate the order amount form backend if it is
	//    true" - a flag like its sibling `weightAvailable: boolean` (highlevel.md §4.4). -> boolean.
	const avail = patch(docs, F, 'GetAvailableShippingRates');
	avail.properties.amountAvailable = {
		type: 'boolean',
		description: avail.properties.amountAvailable.description,
	};
}

/** @param {Record<string, object>} docs */
function highlevelPaymentsOverlay(docs) {
	const F = 'payments.json';

	// 1. GetOrderResponseSchema.items is declared `array of string`, but the schema's own example,
	//    the OrderCreate webhook example and the API return order lines as objects `{_id, name, qty,
	//    price{_id,...}, product{_id,...}}` (highlevel.md §4.7). Response-only: no request body or
	//    parameter uses it, so request validation is unaffected; without the fix every order the
	//    stand-in returns would fail its own response self-check. -> array of objects.
	const order = patch(docs, F, 'GetOrderResponseSchema');
	order.properties.items = {
		description: order.properties.items.description,
		type: 'array',
		items: {
			type: 'object',
			properties: {
				_id: { type: 'string' },
				name: { type: 'string' },
				qty: { type: 'number' },
				price: { type: 'object' },
				product: { type: 'object' },
			},
		},
	};
}

/** @param {Record<string, object>} docs */
function highlevelProductsOverlay(docs) {
	const F = 'products.json';

	// 1. ProductMediaDto.priceIds is declared an array of arrays (`items: {type: "array"}`), so a
	//    media linked to prices (CreateProductDto/UpdateProductDto `medias[].priceIds`) can never be
	//    valid. Its description reads "Mongo ObjectIds of the prices for which the media is assigned"
	//    and its example is one such id string, like the spec's other `…Ids` arrays
	//    (`variantOptionIds`, `collectionIds`). -> array of strings.
	const media = patch(docs, F, 'ProductMediaDto');
	media.properties.priceIds = {
		...media.properties.priceIds,
		type: 'array',
		items: { type: 'string' },
	};
}

/** @param {Record<string, object>} docs */
function shippoOverlay(docs) {
	const F = 'public-api.yaml';

	// 1. UserParcelTemplateCreateRequest is `oneOf: [WithCarrierTemplate, WithoutCarrierTemplate]`,
	//    but the "with carrier template" branch requires nothing, so any custom template (name +
	//    dimensions) matches both branches and `oneOf` rejects it. The branch is defined by its
	//    `template` (carrier template token, e.g. "USPS_SmallFlatRateBox") -> make it required there.
	const withTemplate = patch(docs, F, 'UserParcelTemplateWithCarrierTemplateCreateRequest');
	withTemplate.required = ['template'];

	// 2. PaginatedList.next/previous are `type: string`, but Shippo answers `null` on the first/last
	//    page (Django REST framework pagination). Affects only the stand-ins' response self-check.
	const paged = patch(docs, F, 'PaginatedList');
	for (const k of ['next', 'previous'])
		paged.properties[k] = { ...paged.properties[k], type: ['string', 'null'] };
}

module.exports = {
	highlevelOverlay,
	highlevelPaymentsOverlay,
	highlevelProductsOverlay,
	shippoOverlay,
};
