import { hmac, hmacKey } from './crypto.ts';
import { fromHex, toHex, utf8Bytes } from './encoding.ts';
import { SigningError } from './signing-error.ts';
import { KEY_PREFIX, TERMINATOR } from './constants.ts';
import type { KeyChain } from './types.ts';

interface CachedKey {
	chain: KeyChain;
	key: CryptoKey;
}

// Every keystroke re-signs with the same key: keep the last few chains (memory only, never stored).
const CACHE_LIMIT = 16;
const chainCache = new Map<string, Promise<CachedKey>>();
const hexKeyCache = new Map<string, Promise<CryptoKey>>();

function remember<T>(cache: Map<string, T>, id: string, value: T): T {
	if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
	cache.set(id, value);
	return value;
}

async function derive(secret: string, date: string, region: string, service: string): Promise<CachedKey> {
	const kDate = await hmac(utf8Bytes(KEY_PREFIX + secret), date);
	const kRegion = await hmac(kDate, region);
	const kService = await hmac(kRegion, service);
	const kSigning = await hmac(kService, TERMINATOR);
	return {
		chain: { date, region, service, kDate: toHex(kDate), kRegion: toHex(kRegion), kService: toHex(kService), kSigning: toHex(kSigning) },
		key: await hmacKey(kSigning)
	};
}

/** The key chain with the signing key ready for HMAC. */
export function signingKeyFor(secret: string, date: string, region: string, service: string): Promise<CachedKey> {
	const id = `${date}\n${region}\n${service}\n${secret}`;
	const cached = chainCache.get(id);
	if (cached) return cached;
	const pending = derive(secret, date, region, service);
	pending.catch(() => chainCache.delete(id));
	return remember(chainCache, id, pending);
}

/** kDate = HMAC("AWS4" + secret, date), kRegion, kService, kSigning = HMAC(kService, "aws4_request"), as hex. */
export async function deriveSigningKey(secret: string, date: string, region: string, service: string): Promise<KeyChain> {
	return (await signingKeyFor(secret, date, region, service)).chain;
}

export async function signWithKey(key: CryptoKey, stringToSign: string): Promise<string> {
	return toHex(await hmac(key, stringToSign));
}

/** The hex HMAC-SHA256 of the string to sign under a signing key given as 64 hex digits. */
export async function signatureFor(stringToSign: string, kSigningHex: string): Promise<string> {
	if (!/^[0-9a-fA-F]{64}$/.test(kSigningHex)) {
		throw new SigningError(
			'signingKey',
			'The signing key is not 64 hex digits (32 bytes).',
			'Use kSigning as hex, the last step of the key chain.'
		);
	}
	const id = kSigningHex.toLowerCase();
	const key = hexKeyCache.get(id) ?? remember(hexKeyCache, id, hmacKey(fromHex(id)));
	return signWithKey(await key, stringToSign);
}
