/**
 * Reads the HTTP status and the parsed response body out of whatever an n8n request helper
 * threw (an axios error, or a NodeApiError wrapping one). Used by the platform transports to
 * build their own NodeApiError with the service's message.
 */
import type { JsonObject } from 'n8n-workflow';

export interface HttpFailure {
	status?: number;
	body?: unknown;
	/** Network-level error code such as ECONNREFUSED or ETIMEDOUT. */
	code?: string;
	message: string;
}

const asObject = (value: unknown): Record<string, unknown> | undefined =>
	typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;

export function readHttpFailure(error: unknown): HttpFailure {
	const err = asObject(error) ?? {};
	const cause = asObject(err.cause);
	const response = asObject(err.response) ?? asObject(cause?.response);
	const context = asObject(err.context);
	const statusRaw =
		response?.status ?? err.httpCode ?? err.statusCode ?? cause?.status ?? context?.httpCode;
	const status = statusRaw === undefined || statusRaw === null ? undefined : Number(statusRaw);
	let body = response?.data ?? response?.body ?? context?.data ?? err.error;
	if (typeof body === 'string') {
		try {
			body = JSON.parse(body);
		} catch {
			// keep the text body as it is
		}
	}
	const code = (err.code ?? cause?.code) as string | undefined;
	return {
		status: Number.isFinite(status) ? status : undefined,
		body,
		code: typeof code === 'string' ? code : undefined,
		message: String(err.message ?? error),
	};
}

export function toJsonObject(value: unknown): JsonObject {
	return (asObject(value) ?? { message: String(value) }) as JsonObject;
}
