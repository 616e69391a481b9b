/**
 * A LaunchMyStore order (REST API / `orders/create` webhook body) → Shippo `POST /orders` body, so
 * that an order paid with the app's live rates becomes one Shippo order carrying the reference back
 * (`lms:<shop>:<orderId>` as `order_number`) and the chosen service (`shipping_method`).
 *
 * LaunchMyStore's REST API gives order money in integer minor units (cents: "All monetary values
 * are in cents", API overview) — `subtotal_price`, `total_price`, `total_shipping`, `total_tax`,
 * line item `price` (per unit) — and `grams` per unit. Shippo wants decimal strings in major units.
 *
 * Sources: https://docs.launchmystore.io/api-reference/orders/get (order object),
 * https://docs.launchmystore.io/api-reference/overview (money in cents),
 * test/standins/specs/shippo/public-api.yaml (OrderCreateRequest).
 */
import { encodeOrderReference } from '../core/tracking';
import { fromMinorUnits } from '../core/money';
import type { ShippoAddress } from './mapping';
import { type ShippoLineItemBody, type ShippoOrderBody, stripEmpty, text, toMoneyString, validateOrderBody } from './orders';
import { ShippoMappingError } from './mapping';

/** The parts of a LaunchMyStore order the mapping reads (the API's snake_case names). */
export interface LaunchMyStoreOrderLike {
	id?: string | number;
	order_number?: string | number;
	email?: string;
	currency?: string;
	financial_status?: string;
	fulfillment_status?: string;
	created_at?: string;
	/** Minor units (cents). */
	subtotal_price?: number;
	total_price?: number;
	total_shipping?: number;
	total_tax?: number;
	line_items?: Array<{
		id?: string | number;
		title?: string;
		variant_title?: string;
		sku?: string;
		quantity?: number;
		/** Per unit, minor units. */
		price?: number;
		/** Per unit. */
		grams?: number;
	}>;
	shipping_lines?: Array<{ title?: string; code?: string; source?: string }>;
	shipping_address?: {
		first_name?: string;
		last_name?: string;
		name?: string;
		company?: string;
		address1?: string;
		address2?: string;
		city?: string;
		province?: string;
		province_code?: string;
		zip?: string;
		country?: string;
		country_code?: string;
		phone?: string;
	};
}

export interface LaunchMyStoreOrderMappingOptions {
	/** The shop the order belongs to (its domain or slug; part of the reference). */
	shop: string;
	/** The service the buyer chose (the decoded `service_code`), sent as `shipping_method`. */
	serviceCode?: string;
	/** `placed_at` when the order has no `created_at` (default now). */
	now?: () => Date;
}

/** Minor units → "12.30" in the currency's major units; undefined stays undefined. */
function major(minor: unknown, currency: string, field: string): string | undefined {
	if (minor === undefined || minor === null || minor === '') return undefined;
	const value = Number(minor);
	if (!Number.isFinite(value) || value < 0) throw new ShippoMappingError(`${field}: expected a non-negative amount in cents`);
	return toMoneyString(fromMinorUnits(Math.round(value), currency), field);
}

function toShippoStatus(financial?: string, fulfillment?: string): ShippoOrderBody['order_status'] {
	const shipped = String(fulfillment ?? '').toLowerCase();
	if (shipped === 'fulfilled' || shipped === 'shipped') return 'SHIPPED';
	if (shipped === 'partial') return 'PARTIALLY_FULFILLED';
	const paid = String(financial ?? '').toLowerCase();
	return paid === 'paid' || paid === 'partially_refunded' ? 'PAID' : 'AWAITPAY';
}

/**
 * The mapping (see the header). Throws ShippoMappingError naming the field: no order id, no shop,
 * no shipping address country, a line item quantity below 1, a negative amount.
 */
export function launchMyStoreOrderToShippoOrder(
	order: LaunchMyStoreOrderLike,
	options: LaunchMyStoreOrderMappingOptions,
): ShippoOrderBody {
	if (typeof order !== 'object' || order === null) throw new ShippoMappingError('order: expected a LaunchMyStore order object');
	let reference = '';
	let problem = '';
	try {
		reference = encodeOrderReference({
			platform: 'launchmystore',
			locationId: text(options.shop) ?? '',
			orderId: text(order.id) ?? '',
		});
	} catch (error) {
		problem = (error as Error).message;
	}
	if (problem) throw new ShippoMappingError(`reference: ${problem} (shop, order id)`);
	const currency = (text(order.currency) ?? 'USD').toUpperCase();
	const address = order.shipping_address ?? {};
	const name = text(address.name) ?? text([address.first_name, address.last_name].map(text).filter(Boolean).join(' '));
	const toAddress = stripEmpty({
		name,
		company: text(address.company),
		street1: text(address.address1),
		street2: text(address.address2),
		city: text(address.city),
		state: text(address.province_code) ?? text(address.province),
		zip: text(address.zip),
		country: (text(address.country_code) ?? text(address.country))?.toUpperCase(),
		phone: text(address.phone),
		email: text(order.email),
	}) as ShippoAddress;

	let grams = 0;
	const lineItems = (order.line_items ?? []).map((item, index) => {
		const quantity = Number(item.quantity ?? 1);
		if (!Number.isInteger(quantity) || quantity < 1) {
			throw new ShippoMappingError(`line_items[${index}].quantity: must be a whole number of at least 1`);
		}
		const unitGrams = Number(item.grams ?? 0);
		if (Number.isFinite(unitGrams) && unitGrams > 0) grams += unitGrams * quantity;
		return stripEmpty<ShippoLineItemBody>({
			title: text(item.title),
			sku: text(item.sku),
			quantity,
			total_price:
				item.price === undefined ? undefined : major(Number(item.price) * quantity, currency, `line_items[${index}].price`),
			currency: item.price === undefined ? undefined : currency,
			weight: unitGrams > 0 ? String(Math.round(unitGrams * 100) / 100) : undefined,
			weight_unit: unitGrams > 0 ? 'g' : undefined,
			variant_title: text(item.variant_title),
		});
	});
	const shippingLine = (order.shipping_lines ?? [])[0];
	const shipping = major(order.total_shipping, currency, 'total_shipping');
	const now = options.now ?? (() => new Date());
	const body = stripEmpty<ShippoOrderBody>({
		order_number: reference,
		placed_at: text(order.created_at) ?? now().toISOString(),
		order_status: toShippoStatus(order.financial_status, order.fulfillment_status),
		to_address: toAddress,
		line_items: lineItems,
		currency,
		total_price: major(order.total_price, currency, 'total_price'),
		subtotal_price: major(order.subtotal_price, currency, 'subtotal_price'),
		total_tax: major(order.total_tax, currency, 'total_tax'),
		shipping_cost: shipping,
		shipping_cost_currency: shipping === undefined ? undefined : currency,
		shipping_method: text(options.serviceCode) ?? text(shippingLine?.code) ?? text(shippingLine?.title),
		weight: grams > 0 ? String(Math.round(grams * 100) / 100) : undefined,
		weight_unit: grams > 0 ? 'g' : undefined,
		notes: text(order.order_number) ? `LaunchMyStore order #${text(order.order_number)}` : undefined,
	});
	return validateOrderBody(body);
}
