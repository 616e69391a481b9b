/** `JSON.parse` that answers `undefined` instead of throwing on text that is not JSON. */
export function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}
