import { signatureDerToRaw, signatureRawToDer } from './ecdsa-der.ts';
import { fromHex, toHex, utf8Bytes } from './encoding.ts';
import type { PublicKeyV4a } from './signing-key-v4a.ts';

const ECDSA_SHA256 = { name: 'ECDSA', hash: 'SHA-256' } as const;
const HEX64 = /^[0-9a-f]{64}$/;

/** ECDSA P-256 over the string to sign (WebCrypto hashes it with SHA-256); hex DER, as AWS sends it. */
export async function signStringV4a(privateKey: CryptoKey, stringToSign: string): Promise<{ der: string; raw: string }> {
	const raw = new Uint8Array(await crypto.subtle.sign(ECDSA_SHA256, privateKey, utf8Bytes(stringToSign) as Uint8Array<ArrayBuffer>));
	return { der: toHex(signatureRawToDer(raw)), raw: toHex(raw) };
}

/**
 * The raw r‖s of a signature given as hex: DER (what AWS sends), or already raw (128 hex digits).
 * Chunk signatures are right-padded with "*" to 144 characters; the padding is not part of it.
 */
export function rawSignatureOf(signatureHex: string): Uint8Array | undefined {
	const hex = signatureHex.trim().replace(/\*+$/, '').toLowerCase();
	if (!/^(?:[0-9a-f]{2})+$/.test(hex)) return undefined;
	const bytes = fromHex(hex);
	return signatureDerToRaw(bytes) ?? (bytes.length === 64 ? bytes : undefined);
}

/**
 * Whether a SigV4a signature is valid for a string to sign (or a trace's) under a public key.
 * ECDSA signatures are random: two valid ones differ, so this is the only fair comparison.
 */
export async function verifyV4a(
	subject: string | { stringToSign: string },
	signatureHex: string,
	publicKey: PublicKeyV4a
): Promise<boolean> {
	const raw = rawSignatureOf(signatureHex);
	const x = publicKey.x.toLowerCase();
	const y = publicKey.y.toLowerCase();
	if (!raw || !HEX64.test(x) || !HEX64.test(y)) return false;
	const point = new Uint8Array(65);
	point[0] = 4;
	point.set(fromHex(x), 1);
	point.set(fromHex(y), 33);
	let key: CryptoKey;
	try {
		key = await crypto.subtle.importKey('raw', point, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
	} catch {
		// Coordinates that are not a point of the curve: nothing verifies under them.
		return false;
	}
	const message = utf8Bytes(typeof subject === 'string' ? subject : subject.stringToSign) as Uint8Array<ArrayBuffer>;
	return crypto.subtle.verify(ECDSA_SHA256, key, raw as Uint8Array<ArrayBuffer>, message);
}
