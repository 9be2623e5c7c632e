// The SigV4a key derivation written out with node:crypto, apart from the core's WebCrypto one, as
// ../shared/research/demand-2.md §4 gives it (aws-c-auth key_derivation.c).
import { createHmac } from 'node:crypto';
import { p256 } from '@noble/curves/nist.js';

const N = p256.Point.CURVE().n;

/** d: the first HMAC output k0 ≤ n − 2 over counters 1..254, plus one; 32 bytes. */
export function privateScalarV4a(accessKeyId: string, secret: string): Uint8Array {
	for (let counter = 1; counter <= 254; counter++) {
		const fixed = Buffer.concat([
			Buffer.from([0, 0, 0, 1]),
			Buffer.from('AWS4-ECDSA-P256-SHA256\0' + accessKeyId),
			Buffer.from([counter, 0, 0, 1, 0])
		]);
		const k0 = BigInt(
			'0x' +
				createHmac('sha256', 'AWS4A' + secret)
					.update(fixed)
					.digest('hex')
		);
		if (k0 <= N - 2n) return new Uint8Array(Buffer.from((k0 + 1n).toString(16).padStart(64, '0'), 'hex'));
	}
	throw new Error('no SigV4a key for these credentials');
}

/** Q = d·G as the core writes it (hex x, y). */
export function publicKeyOfScalar(d: Uint8Array): { x: string; y: string } {
	const point = Buffer.from(p256.getPublicKey(d, false));
	return { x: point.subarray(1, 33).toString('hex'), y: point.subarray(33).toString('hex') };
}
