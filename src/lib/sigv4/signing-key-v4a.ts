// The SigV4a key pair, derived from the credentials alone (aws-c-auth key_derivation.c): one key for
// every region, service and date. The private scalar lives only inside a non-extractable CryptoKey.
import { hmac, hmacKey } from './crypto.ts';
import { toBase64, toHex, utf8Bytes } from './encoding.ts';
import { SigningError } from './signing-error.ts';
import { ALGORITHM_V4A, KEY_PREFIX_V4A, P256_ORDER_MINUS_TWO } from './v4a-constants.ts';

/** A P-256 public point, coordinates as 64 lowercase hex digits. */
export interface PublicKeyV4a {
	x: string;
	y: string;
}

interface KeyPair {
	publicKey: PublicKeyV4a;
	privateKey: CryptoKey;
}

/** NIST SP 800-108 counter mode: the counter is one byte, so the search gives up after 254 tries. */
const MAX_COUNTER = 254;

function fixedInput(accessKeyId: string, counter: number): Uint8Array {
	const label = utf8Bytes(ALGORITHM_V4A);
	const context = utf8Bytes(accessKeyId);
	// i (32-bit 1) ‖ label ‖ 0x00 ‖ context ‖ counter ‖ L (32-bit 256, the output length in bits)
	const out = new Uint8Array(4 + label.length + 1 + context.length + 1 + 4);
	out.set([0, 0, 0, 1], 0);
	out.set(label, 4);
	out.set(context, 5 + label.length);
	out[5 + label.length + context.length] = counter;
	out.set([0, 0, 1, 0], out.length - 4);
	return out;
}

function bytes32(value: bigint): Uint8Array {
	return Uint8Array.from({ length: 32 }, (_, i) => Number((value >> BigInt(8 * (31 - i))) & 0xffn));
}

const base64url = (bytes: Uint8Array) => toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

async function derive(accessKeyId: string, secret: string): Promise<KeyPair> {
	// Loaded on first use: only SigV4a needs P-256 arithmetic, so SigV4 pages do not download it.
	const { p256 } = await import('@noble/curves/nist.js');
	const key = await hmacKey(utf8Bytes(KEY_PREFIX_V4A + secret));
	for (let counter = 1; counter <= MAX_COUNTER; counter++) {
		const k0 = BigInt('0x' + toHex(await hmac(key, fixedInput(accessKeyId, counter))));
		if (k0 > P256_ORDER_MINUS_TWO) continue;
		const d = bytes32(k0 + 1n);
		const point = p256.getPublicKey(d, false);
		const x = point.subarray(1, 33);
		const y = point.subarray(33, 65);
		const jwk: JsonWebKey = { kty: 'EC', crv: 'P-256', x: base64url(x), y: base64url(y), d: base64url(d) };
		const privateKey = await crypto.subtle.importKey('jwk', jwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
		d.fill(0);
		return { publicKey: { x: toHex(x), y: toHex(y) }, privateKey };
	}
	// Each try fails with odds of about 2^-32: reaching this means the HMAC is broken, not the input.
	throw new SigningError('secretAccessKey', 'No SigV4a key could be derived from these credentials.', 'Check the secret access key.');
}

// Every keystroke re-signs with the same key: keep the last few pairs (memory only, never stored).
const CACHE_LIMIT = 8;
const cache = new Map<string, Promise<KeyPair>>();

/** The key pair for signing; the private key cannot be exported. */
export function signingKeyV4a(accessKeyId: string, secret: string): Promise<KeyPair> {
	const id = `${accessKeyId}\n${secret}`;
	const cached = cache.get(id);
	if (cached) return cached;
	const pending = derive(accessKeyId, secret);
	pending.catch(() => cache.delete(id));
	if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
	cache.set(id, pending);
	return pending;
}

/** The public key SigV4a derives from the credentials; the private key (valid everywhere, for ever) is never returned. */
export async function deriveKeyV4a(accessKeyId: string, secret: string): Promise<{ publicKey: PublicKeyV4a }> {
	return { publicKey: (await signingKeyV4a(accessKeyId, secret)).publicKey };
}
