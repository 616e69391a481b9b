/**
 * Sends a node's request to a local stand-in the way n8n's `httpRequestWithAuthentication` would:
 * `qs` in the URL (arrays repeated), the credential's Authorization header, JSON in and out, and an
 * axios-style error (`response.status`, `response.data`) for an HTTP error status.
 */
import type { IHttpRequestOptions } from 'n8n-workflow';

function toUrl(request: IHttpRequestOptions): string {
	const url = new URL(request.url);
	for (const [key, value] of Object.entries(request.qs ?? {})) {
		if (Array.isArray(value)) {
			for (const entry of value) url.searchParams.append(key, String(entry));
		} else if (value !== undefined) url.searchParams.set(key, String(value));
	}
	return url.href;
}

export async function sendToStandin(request: IHttpRequestOptions, authorization: string): Promise<unknown> {
	const response = await fetch(toUrl(request), {
		method: request.method ?? 'GET',
		headers: {
			...(request.headers as Record<string, string>),
			authorization,
			...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
		},
		body: request.body !== undefined ? JSON.stringify(request.body) : undefined,
	});
	const text = await response.text();
	const data: unknown = text ? JSON.parse(text) : '';
	if (!response.ok) {
		throw Object.assign(new Error(`Request failed with status code ${response.status}`), {
			response: { status: response.status, data },
		});
	}
	return data;
}
