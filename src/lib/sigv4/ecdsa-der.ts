// AWS sends SigV4a signatures as hex DER (SEQUENCE of two INTEGERs); WebCrypto reads and writes raw r‖s.

const SEQUENCE = 0x30;
const INTEGER = 0x02;
/** P-256: r and s are 32-byte integers. */
const SIZE = 32;

function integer(bytes: Uint8Array): Uint8Array {
	let start = 0;
	while (start < bytes.length - 1 && bytes[start] === 0) start++;
	const body = bytes.subarray(start);
	// A set high bit would read as negative: DER prefixes a zero byte.
	const pad = body[0]! >= 0x80 ? 1 : 0;
	const out = new Uint8Array(2 + pad + body.length);
	out[0] = INTEGER;
	out[1] = pad + body.length;
	out.set(body, 2 + pad);
	return out;
}

/** Raw r‖s (64 bytes) to DER (70–72 bytes). */
export function signatureRawToDer(raw: Uint8Array): Uint8Array {
	if (raw.length !== 2 * SIZE) throw new RangeError(`A raw P-256 signature is ${2 * SIZE} bytes, not ${raw.length}.`);
	const r = integer(raw.subarray(0, SIZE));
	const s = integer(raw.subarray(SIZE));
	const out = new Uint8Array(2 + r.length + s.length);
	out[0] = SEQUENCE;
	out[1] = r.length + s.length;
	out.set(r, 2);
	out.set(s, 2 + r.length);
	return out;
}

/** DER to raw r‖s; undefined when the bytes are not one DER SEQUENCE of two P-256-sized INTEGERs. */
export function signatureDerToRaw(der: Uint8Array): Uint8Array | undefined {
	if (der.length < 8 || der[0] !== SEQUENCE || der[1] !== der.length - 2) return undefined;
	const raw = new Uint8Array(2 * SIZE);
	let at = 2;
	for (const offset of [0, SIZE]) {
		if (der[at] !== INTEGER) return undefined;
		const length = der[at + 1]!;
		const body = der.subarray(at + 2, at + 2 + length);
		if (length === 0 || body.length !== length) return undefined;
		let start = 0;
		while (start < body.length - 1 && body[start] === 0) start++;
		const value = body.subarray(start);
		if (value.length > SIZE) return undefined;
		raw.set(value, offset + SIZE - value.length);
		at += 2 + length;
	}
	return at === der.length ? raw : undefined;
}
