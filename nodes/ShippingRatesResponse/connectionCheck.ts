/**
 * The answer to a connection check (BigCommerce's Check Connection Options), built from the items
 * reaching the Shipping Rates Response node. Pure (no n8n calls).
 *
 * The Shipping Rates Trigger emits `{ kind: 'checkConnectionOptions', platform, locationId,
 * connectionOptions, … }` for a check; a workflow tests the options, sets `valid` and `messages`
 * on that item (e.g. Edit Fields with the input's other fields kept) and ends in the Response
 * node, which answers `{ valid, messages }`:
 *  - `valid`: `true` or `false` (also the strings "true"/"false"); missing or anything else answers
 *    `valid: false` with an ERROR message naming the field;
 *  - `messages`: a list of `{ type: INFO | WARNING | ERROR, text }` (type in any case; missing →
 *    INFO when valid, else ERROR), or of plain texts, or one text; missing → none. Entries that
 *    are neither are left out and reported in `problems`.
 *
 * Source: BigCommerce Validate connection options reference
 * (https://developer.bigcommerce.com/docs/apps-api/shipping: `valid` boolean, `messages[{ text
 * (1–500 characters), type }]`).
 */
import type { IDataObject } from 'n8n-workflow';
import type { ConnectionCheck, ConnectionCheckMessage } from '../../nodes/shared/liveRates/platform';
import { CONNECTION_CHECK_KIND } from '../../nodes/shared/liveRates/platform';
import { livePlatforms } from '../../nodes/shared/liveRates/platforms';

const TYPES = new Set(['INFO', 'WARNING', 'ERROR']);

export interface ConnectionCheckAnswer {
	/** The answer in the platform's format (`{ valid, messages }`). */
	body: unknown;
	valid: boolean;
	messages: ConnectionCheckMessage[];
	/** What was wrong with the item's `valid` or `messages`, naming the field. */
	problems: string[];
}

/** The first item that is a connection check (`kind: 'checkConnectionOptions'`), if any. */
export function connectionCheckItemOf(items: readonly IDataObject[]): IDataObject | undefined {
	return items.find((json) => json.kind === CONNECTION_CHECK_KIND);
}

function validOf(value: unknown, problems: string[]): boolean {
	if (value === true || value === 'true') return true;
	if (value === false || value === 'false') return false;
	problems.push(
		value === undefined || value === null
			? 'valid is missing: set valid (true or false) on the item before the Shipping Rates Response node'
			: `valid must be true or false, got ${JSON.stringify(value)}`,
	);
	return false;
}

function messagesOf(value: unknown, valid: boolean, problems: string[]): ConnectionCheckMessage[] {
	if (value === undefined || value === null || value === '') return [];
	const list = Array.isArray(value) ? value : [value];
	const byDefault: ConnectionCheckMessage['type'] = valid ? 'INFO' : 'ERROR';
	const messages: ConnectionCheckMessage[] = [];
	list.forEach((entry, index) => {
		const field = Array.isArray(value) ? `messages[${index}]` : 'messages';
		if (typeof entry === 'string' && entry.trim()) {
			messages.push({ type: byDefault, text: entry.trim() });
			return;
		}
		const record = typeof entry === 'object' && entry !== null ? (entry as IDataObject) : undefined;
		const text = typeof record?.text === 'string' ? record.text.trim() : '';
		const type = record?.type === undefined ? byDefault : String(record.type).trim().toUpperCase();
		if (!text) problems.push(`${field}.text must be a non-empty text`);
		else if (!TYPES.has(type)) problems.push(`${field}.type must be INFO, WARNING or ERROR, got ${JSON.stringify(record?.type)}`);
		else messages.push({ type: type as ConnectionCheckMessage['type'], text });
	});
	return messages;
}

/**
 * The answer to the connection check `item` (its `valid` and `messages`), in the format of the
 * item's platform. A missing or malformed `valid` answers `valid: false` with an ERROR message.
 */
export function buildConnectionCheckAnswer(item: IDataObject): ConnectionCheckAnswer {
	const problems: string[] = [];
	const valid = validOf(item.valid, problems);
	// A missing or malformed `valid` is told to the merchant, too.
	const validProblem = problems[0];
	const messages = messagesOf(item.messages, valid, problems);
	if (validProblem) messages.push({ type: 'ERROR', text: validProblem });
	const check: ConnectionCheck | undefined = livePlatforms().find((p) => p.id === item.platform)?.connectionCheck;
	const body = check ? check.format({ valid, messages }) : { valid, messages };
	return { body, valid, messages, problems };
}
