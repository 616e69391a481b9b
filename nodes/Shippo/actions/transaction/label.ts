/**
 * Downloads a transaction's label (`label_url`, a public, pre-signed file URL, so no Shippo
 * credential is sent) and returns it as n8n binary data.
 */
import type { IBinaryData, IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { readHttpFailure, toJsonObject } from '../../../../nodes/shared/http/errors';

const MIME_BY_EXTENSION: Record<string, string> = {
	pdf: 'application/pdf',
	png: 'image/png',
	zpl: 'application/zpl',
};

/** `label_file_type` → file extension. */
function extensionFor(transaction: IDataObject, url: string): string {
	const type = String(transaction.label_file_type ?? '').toUpperCase();
	if (type.startsWith('PNG')) return 'png';
	if (type.startsWith('ZPL')) return 'zpl';
	if (type.startsWith('PDF')) return 'pdf';
	const match = /\.([a-z0-9]{2,4})(?:\?|$)/i.exec(url);
	return match ? match[1].toLowerCase() : 'pdf';
}

export async function downloadLabel(
	ctx: IExecuteFunctions,
	transaction: IDataObject,
	itemIndex: number,
): Promise<IBinaryData> {
	const url = String(transaction.label_url ?? '').trim();
	if (!url) {
		throw new NodeOperationError(
			ctx.getNode(),
			`label_url: the transaction has no label (status ${String(transaction.status ?? 'unknown')})`,
			{ itemIndex },
		);
	}
	let data: Buffer;
	try {
		data = (await ctx.helpers.httpRequest({
			method: 'GET',
			url,
			encoding: 'arraybuffer',
			json: false,
		})) as Buffer;
	} catch (error) {
		const failure = readHttpFailure(error);
		throw new NodeApiError(
			ctx.getNode(),
			toJsonObject(failure.body ?? { message: failure.message }) as JsonObject,
			{
				message: `Could not download the label: ${failure.message}`,
				description: failure.status ? `HTTP ${failure.status}` : failure.code,
				httpCode: failure.status ? String(failure.status) : undefined,
				itemIndex,
			},
		);
	}
	const extension = extensionFor(transaction, url);
	const fileName = `label-${String(transaction.object_id ?? 'shippo')}.${extension}`;
	return await ctx.helpers.prepareBinaryData(
		Buffer.from(data),
		fileName,
		MIME_BY_EXTENSION[extension] ?? 'application/octet-stream',
	);
}
