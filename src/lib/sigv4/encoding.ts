const utf8 = new TextEncoder();

/** `%XX` (uppercase hex) for every byte value, or the character itself when unreserved. */
const ENCODED_BYTE: string[] = Array.from({ length: 256 }, (_, b) => {
	const c = String.fromCharCode(b);
	return /[A-Za-z0-9\-_.~]/.test(c) ? c : '%' + b.toString(16).toUpperCase().padStart(2, '0');
});

const HEX_OF_BYTE: string[] = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

export function utf8Bytes(text: string): Uint8Array {
	return utf8.encode(text);
}

export function toHex(bytes: ArrayBuffer | Uint8Array): string {
	const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
	let out = '';
	for (let i = 0; i < view.length; i++) out += HEX_OF_BYTE[view[i]!];
	return out;
}

export function fromHex(hex: string): Uint8Array {
	const out = new Uint8Array(hex.length >> 1);
	for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
	return out;
}

/** AWS's UriEncode of raw bytes: only A-Z a-z 0-9 - _ . ~ stay; '/' stays when `keepSlash`. */
export function uriEncodeBytes(bytes: Uint8Array, keepSlash = false): string {
	let out = '';
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i]!;
		out += keepSlash && b === 0x2f ? '/' : ENCODED_BYTE[b];
	}
	return out;
}

/** AWS's UriEncode of text, as UTF-8. */
export function uriEncode(text: string, keepSlash = false): string {
	if (/^[A-Za-z0-9\-_.~]*$/.test(text)) return text;
	return uriEncodeBytes(utf8.encode(text), keepSlash);
}

function hexValue(b: number): number {
	if (b >= 0x30 && b <= 0x39) return b - 0x30;
	if (b >= 0x41 && b <= 0x46) return b - 0x37;
	if (b >= 0x61 && b <= 0x66) return b - 0x57;
	return -1;
}

/**
 * Percent-decoding to bytes, as a server does before it re-encodes: a `%` not followed by two
 * hex digits stays a literal `%`. `plusIsSpace` applies the form rule used for query strings.
 */
export function percentDecode(text: string, plusIsSpace: boolean): Uint8Array {
	const bytes = utf8.encode(text);
	if (!bytes.includes(0x25) && !(plusIsSpace && bytes.includes(0x2b))) return bytes;
	const out = new Uint8Array(bytes.length);
	let n = 0;
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i]!;
		if (b === 0x25 && i + 2 < bytes.length) {
			const hi = hexValue(bytes[i + 1]!);
			const lo = hexValue(bytes[i + 2]!);
			if (hi >= 0 && lo >= 0) {
				out[n++] = (hi << 4) | lo;
				i += 2;
				continue;
			}
		}
		out[n++] = plusIsSpace && b === 0x2b ? 0x20 : b;
	}
	return out.subarray(0, n);
}

/** Standard base64 (with padding) of the bytes. */
export function toBase64(bytes: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!);
	return btoa(binary);
}
