/**
 * Fields shared by the Product, Price, Inventory and Store operations.
 * Field names follow test/standins/specs/highlevel/apps/products.json (CreateProductDto,
 * ProductVariantDto, ProductMediaDto, CreatePriceDto, ShippingOptionsDto, UpdateInventoryDto,
 * UpdateProductStoreDto).
 */
import type { INodeProperties } from 'n8n-workflow';
import { idLocator } from './common.description';

export const productRLC = idLocator(
	'Product',
	'productId',
	'searchProducts',
	'The product of the location',
);

export const priceRLC = idLocator(
	'Price',
	'priceId',
	'searchPrices',
	'The price (variant) of the selected product',
);

export const productTypeField: INodeProperties = {
	displayName: 'Product Type',
	name: 'productType',
	type: 'options',
	options: [
		{ name: 'Digital', value: 'DIGITAL' },
		{ name: 'Physical', value: 'PHYSICAL', description: 'Shipped goods (uses shipping rates)' },
		{ name: 'Physical and Digital', value: 'PHYSICAL/DIGITAL' },
		{ name: 'Service', value: 'SERVICE' },
	],
	default: 'PHYSICAL',
	description: 'Kind of product',
};

/** `variants[{id, name, options[{id, name}]}]`; ids are derived from the names. */
export const variantsField: INodeProperties = {
	displayName: 'Variants',
	name: 'variants',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Variant',
	default: {},
	description:
		'Option dimensions of the product (e.g. Size: S, M, L). Each sellable combination is a price with the option IDs, listed in the output under variants. IDs are derived from the names, so the same names always get the same IDs.',
	options: [
		{
			displayName: 'Variant',
			name: 'variant',
			values: [
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
					placeholder: 'e.g. Size',
					description: 'Name of the option dimension',
				},
				{
					displayName: 'Options',
					name: 'options',
					type: 'string',
					default: '',
					placeholder: 'e.g. S, M, L',
					description: 'Comma-separated option values',
				},
			],
		},
	],
};

/** `medias[{id, url, type, title, isFeatured}]`; ids are derived from the URLs. */
export const mediasField: INodeProperties = {
	displayName: 'Media',
	name: 'medias',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Media',
	default: {},
	description: 'Images and videos of the product',
	options: [
		{
			displayName: 'Media',
			name: 'media',
			values: [
				{
					displayName: 'URL',
					name: 'url',
					type: 'string',
					default: '',
					placeholder: 'e.g. https://example.com/images/tee-front.jpg',
					description: 'Public URL of the file',
				},
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					options: [
						{ name: 'Image', value: 'image' },
						{ name: 'Video', value: 'video' },
					],
					default: 'image',
				},
				{
					displayName: 'Title',
					name: 'title',
					type: 'string',
					default: '',
				},
				{
					displayName: 'Featured',
					name: 'isFeatured',
					type: 'boolean',
					default: false,
					description: 'Whether this is the main image of the product',
				},
			],
		},
	],
};

/** The optional product fields of Create (Additional Fields) and Update (Update Fields). */
export const productOptionalFields: INodeProperties[] = [
	{
		displayName: 'Available In Store',
		name: 'availableInStore',
		type: 'boolean',
		default: true,
		description: 'Whether the product can be sold in the online store',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'Product description (HTML allowed)',
	},
	{
		displayName: 'Image URL',
		name: 'image',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://example.com/images/tee.jpg',
		description: 'URL of the main product image',
	},
	{
		displayName: 'Slug',
		name: 'slug',
		type: 'string',
		default: '',
		placeholder: 'e.g. classic-tee',
		description: 'URL slug of the product page',
	},
	{
		displayName: 'Statement Descriptor',
		name: 'statementDescriptor',
		type: 'string',
		default: '',
		description: "Text on the buyer's card statement",
	},
];

export const priceTypeField: INodeProperties = {
	displayName: 'Type',
	name: 'type',
	type: 'options',
	options: [
		{ name: 'One Time', value: 'one_time' },
		{ name: 'Recurring', value: 'recurring' },
	],
	default: 'one_time',
	description: 'One-time purchase or subscription',
};

export const recurringIntervalField: INodeProperties = {
	displayName: 'Billing Interval',
	name: 'recurringInterval',
	type: 'options',
	options: [
		{ name: 'Day', value: 'day' },
		{ name: 'Month', value: 'month' },
		{ name: 'Week', value: 'week' },
		{ name: 'Year', value: 'year' },
	],
	default: 'month',
	description: 'Billing period of a recurring price',
};

export const recurringIntervalCountField: INodeProperties = {
	displayName: 'Billing Interval Count',
	name: 'recurringIntervalCount',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 1,
	description: 'Number of intervals between two charges (e.g. 3 with Month = quarterly)',
};

const weightField: INodeProperties = {
	displayName: 'Weight',
	name: 'weight',
	type: 'fixedCollection',
	placeholder: 'Add Weight',
	default: {},
	description: 'Shipping weight of one unit (shippingOptions.weight)',
	options: [
		{
			displayName: 'Weight',
			name: 'weight',
			values: [
				{
					displayName: 'Value',
					name: 'value',
					type: 'number',
					typeOptions: { minValue: 0, numberPrecision: 3 },
					default: 0,
					description: 'Weight of one unit',
				},
				{
					displayName: 'Unit',
					name: 'unit',
					type: 'options',
					options: [
						{ name: 'Grams', value: 'g' },
						{ name: 'Kilograms', value: 'kg' },
						{ name: 'Ounces', value: 'oz' },
						{ name: 'Pounds', value: 'lb' },
					],
					default: 'g',
				},
			],
		},
	],
};

const dimensionsField: INodeProperties = {
	displayName: 'Dimensions',
	name: 'dimensions',
	type: 'fixedCollection',
	placeholder: 'Add Dimensions',
	default: {},
	description: 'Package dimensions of one unit (shippingOptions.dimensions)',
	options: [
		{
			displayName: 'Dimensions',
			name: 'dimensions',
			values: [
				{
					displayName: 'Length',
					name: 'length',
					type: 'number',
					typeOptions: { minValue: 0, numberPrecision: 2 },
					default: 0,
				},
				{
					displayName: 'Width',
					name: 'width',
					type: 'number',
					typeOptions: { minValue: 0, numberPrecision: 2 },
					default: 0,
				},
				{
					displayName: 'Height',
					name: 'height',
					type: 'number',
					typeOptions: { minValue: 0, numberPrecision: 2 },
					default: 0,
				},
				{
					displayName: 'Unit',
					name: 'unit',
					type: 'options',
					options: [
						{ name: 'Centimetres', value: 'cm' },
						{ name: 'Inches', value: 'in' },
						{ name: 'Metres', value: 'm' },
					],
					default: 'cm',
				},
			],
		},
	],
};

/** The optional price fields of Create (Additional Fields) and Update (Update Fields). */
export const priceOptionalFields: INodeProperties[] = [
	{
		displayName: 'Allow Out-of-Stock Purchases',
		name: 'allowOutOfStockPurchases',
		type: 'boolean',
		default: false,
		description: 'Whether buyers can still order when the available quantity is 0',
	},
	{
		displayName: 'Available Quantity',
		name: 'availableQuantity',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Units in stock (with Track Inventory)',
	},
	{
		displayName: 'Compare At Price',
		name: 'compareAtPrice',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'The higher "was" price shown struck through, in major units (e.g. 24.99)',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		description: 'Short description of the price',
	},
	dimensionsField,
	{
		displayName: 'SKU',
		name: 'sku',
		type: 'string',
		default: '',
		placeholder: 'e.g. TEE-BLK-M',
		description: 'Stock keeping unit of this variant',
	},
	{
		displayName: 'Track Inventory',
		name: 'trackInventory',
		type: 'boolean',
		default: false,
		description: 'Whether HighLevel counts the stock of this price',
	},
	{
		displayName: 'Variant Option IDs',
		name: 'variantOptionIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 3f2a9c01b7d, 9e4b2a7c1d0',
		description:
			"Comma-separated option IDs of the product's variants this price sells (one per variant, e.g. the IDs of Red and M)",
	},
	weightField,
];
