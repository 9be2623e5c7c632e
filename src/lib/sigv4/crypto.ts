import { toHex, utf8Bytes } from './encoding.ts';

// WebCrypto only: the same calls run in Node 20 and in browsers.
const subtle = globalThis.crypto.subtle;

function bytesOf(data: string | Uint8Array): Uint8Array<ArrayBuffer> {
	return (typeof data === 'string' ? utf8Bytes(data) : data) as Uint8Array<ArrayBuffer>;
}

export async function sha256Hex(data: string | Uint8Array): Promise<string> {
	return toHex(await subtle.digest('SHA-256', bytesOf(data)));
}

/** HMAC pads a short key with zeros to the 64-byte block, so an empty key is 64 zero bytes, which WebCrypto (refusing empty keys) accepts. */
const EMPTY_KEY = new Uint8Array(64);

export function hmacKey(key: Uint8Array): Promise<CryptoKey> {
	const raw = key.length === 0 ? EMPTY_KEY : key;
	return subtle.importKey('raw', raw as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

export async function hmac(key: Uint8Array | CryptoKey, data: string | Uint8Array): Promise<Uint8Array> {
	const cryptoKey = key instanceof Uint8Array ? await hmacKey(key) : key;
	return new Uint8Array(await subtle.sign('HMAC', cryptoKey, bytesOf(data)));
}
