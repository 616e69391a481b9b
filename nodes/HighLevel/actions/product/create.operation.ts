/**
 * Product → Create.
 * Source: POST /products/ (create-product), body CreateProductDto `{name, locationId, productType
 * (PHYSICAL|DIGITAL|SERVICE|PHYSICAL/DIGITAL), description?, image?, availableInStore?,
 * statementDescriptor?, slug?, medias?[{id, url, type image|video, title?, isFeatured?}],
 * variants?[{id, name, options[{id, name}]}]}`, response **201** the product
 * (CreateProductResponseDto, no envelope). Variant, option and media ids are made by the client
 * (highlevel.md §4.8): here derived from the names and URLs, so the same input gets the same ids.
 * Prices (amounts in major units) are created separately (Price → Create).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { highLevelApiRequest } from '../../../../nodes/shared/highlevel/transport';
import {
	mediasField,
	productOptionalFields,
	productTypeField,
	variantsField,
} from '../../descriptions/products.description';
import { PRODUCTS_ENDPOINT } from '../../helpers/products';
import { getLocationId, requireText } from '../../helpers/utils';
import { productFieldsOf } from './update.operation';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Classic Tee',
		description: 'Name of the product',
	},
	productTypeField,
	variantsField,
	mediasField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: productOptionalFields,
	},
];

const displayOptions = { show: { resource: ['product'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = requireText(this, itemIndex, 'Name', this.getNodeParameter('name', itemIndex, ''));
	const fields = productFieldsOf(this, itemIndex, {
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
		productType: this.getNodeParameter('productType', itemIndex, 'PHYSICAL'),
		variants: this.getNodeParameter('variants', itemIndex, {}),
		medias: this.getNodeParameter('medias', itemIndex, {}),
	});
	const locationId = await getLocationId(this, itemIndex);
	return await highLevelApiRequest<IDataObject>(this, {
		method: 'POST',
		endpoint: PRODUCTS_ENDPOINT,
		body: { locationId, name, ...fields },
		itemIndex,
	});
}
