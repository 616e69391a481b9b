/**
 * HighLevel user context for custom pages and custom JS: the encrypted string HighLevel hands a
 * Marketplace app's page (`REQUEST_USER_DATA_RESPONSE` payload, or `exposeSessionDetails(appId)`),
 * decrypted with the app's Shared Secret.
 *
 * HighLevel encrypts with `CryptoJS.AES.encrypt(JSON.stringify(user), sharedSecret)`: CryptoJS's
 * passphrase format, i.e. base64 of `"Salted__" + salt(8) + ciphertext`, key and IV from OpenSSL's
 * EVP_BytesToKey (MD5, one round) and AES-256-CBC with PKCS#7 padding. Implemented with node:crypto.
 * Sources: GoHighLevel/highlevel-api-docs docs/marketplace modules/shared_secret_customJS_customPages.md,
 * docs/reference/highlevel.md §6.
 */
import { createDecipheriv, createHash } from 'node:crypto';
import { z } from 'zod';
import { parseJson } from '../json';

export const UserContextSchema = z
	.object({
		userId: z.string().optional(),
		companyId: z.string().optional(),
		role: z.string().optional(),
		/** "agency" or "location". */
		type: z.string().optional(),
		/** The location open in HighLevel; present in a location's context. */
		activeLocation: z.string().optional(),
		userName: z.string().optional(),
		email: z.string().optional(),
	})
	.passthrough();

export type UserContext = z.infer<typeof UserContextSchema> & {
	/** `activeLocation` when set (HighLevel may say type "agency" inside a location). */
	locationId?: string;
};

/** Why a payload could not be read; `message` is meant for the user. */
export class UserContextError extends Error {}

const SALTED = Buffer.from('Salted__', 'latin1');

/** OpenSSL EVP_BytesToKey with MD5 and one round: 32 bytes of key, then 16 of IV. */
function keyAndIv(passphrase: Buffer, salt: Buffer): { key: Buffer; iv: Buffer } {
	const blocks: Buffer[] = [];
	let previous = Buffer.alloc(0);
	while (Buffer.concat(blocks).length < 48) {
		previous = createHash('md5').update(Buffer.concat([previous, passphrase, salt])).digest();
		blocks.push(previous);
	}
	const material = Buffer.concat(blocks);
	return { key: material.subarray(0, 32), iv: material.subarray(32, 48) };
}

/** AES-256-CBC with PKCS#7 padding; undefined when the padding is wrong (wrong key or data). */
function decipherOrUndefined(key: Buffer, iv: Buffer, ciphertext: Buffer): string | undefined {
	try {
		const decipher = createDecipheriv('aes-256-cbc', key, iv);
		return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
	} catch {
		return undefined;
	}
}

/**
 * Decrypts and parses a user context. Throws UserContextError for an empty secret, a payload that
 * is not CryptoJS passphrase data, a wrong secret or damaged data, or a result that is not a JSON
 * object.
 */
export function decryptUserContext(encrypted: string, sharedSecret: string): UserContext {
	if (!sharedSecret) throw new UserContextError('no Shared Secret to decrypt with');
	const text = String(encrypted ?? '').trim();
	if (!text) throw new UserContextError('the encrypted user data is empty');
	if (!/^[A-Za-z0-9+/=_-]+$/.test(text)) throw new UserContextError('the encrypted user data is not base64');
	const raw = Buffer.from(text, 'base64');
	if (raw.length < 32 || !raw.subarray(0, 8).equals(SALTED) || (raw.length - 16) % 16 !== 0) {
		throw new UserContextError(
			'the encrypted user data is not CryptoJS AES data (it should start with U2FsdGVkX1, "Salted__")',
		);
	}
	const { key, iv } = keyAndIv(Buffer.from(sharedSecret, 'utf8'), raw.subarray(8, 16));
	const plain = decipherOrUndefined(key, iv, raw.subarray(16));
	if (plain === undefined) {
		throw new UserContextError('it could not be decrypted: wrong Shared Secret, or damaged data');
	}
	const value = parseJson(plain);
	if (value === undefined) {
		throw new UserContextError('it decrypted to something that is not JSON: wrong Shared Secret, or damaged data');
	}
	const parsed = UserContextSchema.safeParse(value);
	if (!parsed.success || typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new UserContextError('it decrypted to JSON that is not a HighLevel user context object');
	}
	const context: UserContext = { ...parsed.data };
	if (context.activeLocation) context.locationId = context.activeLocation;
	return context;
}
