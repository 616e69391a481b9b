/**
 * Address → Create: `POST /addresses` (operationId `CreateAddress`, body `AddressCreateRequest`),
 * with `validate: true` by default; the answer's `validation_results` (`is_valid`, `messages[]`)
 * is copied to `is_valid` / `validation_messages` at the top of the output.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { shippoApiRequest } from '../../../../nodes/shared/shippo/transport';
import { addressFields } from '../common.descriptions';
import { addressFromUi, runPerItem } from '../../helpers/utils';

const properties: INodeProperties[] = [
	{
		displayName: 'Address',
		name: 'address',
		type: 'fixedCollection',
		placeholder: 'Add Address',
		default: {},
		required: true,
		options: [{ displayName: 'Address', name: 'address', values: addressFields }],
	},
	{
		displayName: 'Validate',
		name: 'validate',
		type: 'boolean',
		default: true,
		description: 'Whether Shippo validates the address (adds validation_results)',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Is Residential',
				name: 'isResidential',
				type: 'boolean',
				default: true,
				description: 'Whether the address is a residence',
			},
			{
				displayName: 'Metadata',
				name: 'metadata',
				type: 'string',
				default: '',
				description: 'Text of up to 100 characters',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['address'], operation: ['create'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await runPerItem(this, items, async (i) => {
		const address = addressFromUi(
			this.getNodeParameter('address.address', i, {}) as IDataObject,
		) as IDataObject | undefined;
		if (!address?.country) {
			throw new NodeOperationError(this.getNode(), 'country: is required', { itemIndex: i });
		}
		const body: IDataObject = { ...address, country: String(address.country).toUpperCase() };
		const additional = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		if (additional.isResidential !== undefined)
			body.is_residential = Boolean(additional.isResidential);
		const metadata = String(additional.metadata ?? '').trim();
		if (metadata.length > 100) {
			throw new NodeOperationError(
				this.getNode(),
				`metadata: must be at most 100 characters (got ${metadata.length})`,
				{ itemIndex: i },
			);
		}
		if (metadata) body.metadata = metadata;
		const validate = this.getNodeParameter('validate', i, true) as boolean;
		if (validate) body.validate = true;
		const created = await shippoApiRequest<IDataObject>(this, {
			method: 'POST',
			endpoint: '/addresses',
			body,
			itemIndex: i,
		});
		if (!validate) return [created];
		const results = (created.validation_results as IDataObject | undefined) ?? {};
		return [
			{
				is_valid: results.is_valid === true,
				validation_messages: (results.messages as IDataObject[] | undefined) ?? [],
				...created,
			},
		];
	});
}
