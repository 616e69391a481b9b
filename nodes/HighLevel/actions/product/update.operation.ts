/**
 * Product → Update.
 * Source: PUT /products/{productId} (update-product-by-id), body UpdateProductDto (CreateProductDto
 * plus `prices?`; `name`, `locationId` and `productType` are required), response 200 the product.
 * Because the body needs the required fields, the product is read first (GET /products/{productId},
 * get-product-by-id) and its fields are sent back with the changes. Variants and media given here
 * replace the stored ones.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { highLevelApiRequest } from '../../../../nodes/shared/highlevel/transport';
import {
	mediasField,
	productOptionalFields,
	productRLC,
	productTypeField,
	variantsField,
} from '../../descriptions/products.description';
import type { ProductType } from '../../helpers/products';
import {
	PRODUCT_TYPES,
	getProduct,
	parseMedias,
	parseVariants,
	productBodyOf,
	productEndpoint,
} from '../../helpers/products';
import { fail, getLocationId, getResourceId, parseHttpUrl, requireText } from '../../helpers/utils';

const properties: INodeProperties[] = [
	productRLC,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		// alphabetical, as n8n lists them
		options: [
			...productOptionalFields.slice(0, 3), // Available In Store, Description, Image URL
			{ ...mediasField, description: 'Replaces the images and videos of the product' },
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Name of the product',
			},
			productTypeField,
			...productOptionalFields.slice(3), // Slug, Statement Descriptor
			{
				...variantsField,
				description:
					'Replaces the option dimensions of the product. Keep the options your prices use: a price refers to its options by ID.',
			},
		],
	},
];

const displayOptions = { show: { resource: ['product'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * CreateProductDto/UpdateProductDto fields from the node's fields: product type, description,
 * image URL, availability, slug, statement descriptor, variants and media (only those given).
 */
export function productFieldsOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
): IDataObject {
	const body: IDataObject = {};
	if (fields.productType !== undefined) {
		const type = String(fields.productType).trim().toUpperCase();
		if (!(PRODUCT_TYPES as readonly string[]).includes(type)) {
			fail(
				ctx,
				itemIndex,
				`Product Type: "${String(fields.productType)}" is not one of ${PRODUCT_TYPES.join(', ')}`,
			);
		}
		body.productType = type as ProductType;
	}
	for (const key of ['description', 'slug', 'statementDescriptor']) {
		if (fields[key] !== undefined && String(fields[key]).trim() !== '')
			body[key] = String(fields[key]);
	}
	if (fields.image !== undefined && String(fields.image).trim() !== '') {
		body.image = parseHttpUrl(ctx, itemIndex, 'Image URL', String(fields.image).trim());
	}
	if (fields.availableInStore !== undefined)
		body.availableInStore = fields.availableInStore === true;
	if (fields.variants !== undefined) {
		const variants = parseVariants(ctx, itemIndex, fields.variants);
		if (variants.length) body.variants = variants as unknown as IDataObject[];
	}
	if (fields.medias !== undefined) {
		const medias = parseMedias(ctx, itemIndex, fields.medias);
		if (medias.length) body.medias = medias as unknown as IDataObject[];
	}
	return body;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const productId = getResourceId(this, 'productId', 'Product', itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const changes = productFieldsOf(this, itemIndex, fields);
	if (fields.name !== undefined) changes.name = requireText(this, itemIndex, 'Name', fields.name);
	if (Object.keys(changes).length === 0) {
		fail(this, itemIndex, 'Update Fields: add at least one field to update');
	}
	const locationId = await getLocationId(this, itemIndex);
	const current = await getProduct(this, locationId, productId, itemIndex);
	const body: IDataObject = {
		productType: 'PHYSICAL',
		...productBodyOf(current),
		...changes,
		locationId,
	};
	return await highLevelApiRequest<IDataObject>(this, {
		method: 'PUT',
		endpoint: productEndpoint(productId),
		body,
		itemIndex,
	});
}
