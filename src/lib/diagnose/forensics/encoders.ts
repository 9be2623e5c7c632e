/**
 * The percent-encoders signers use in place of SigV4's UriEncode, as data: which ASCII characters
 * each leaves raw, what it makes of a space, the case of its hex digits, and whether it leaves
 * non-ASCII characters alone. SigV4 keeps only A-Z a-z 0-9 - _ . ~ and writes uppercase hex.
 */
export interface Encoder {
	id: string;
	/** Who encodes this way, for the finding's message. */
	label: string;
	/** ASCII characters besides A-Z a-z 0-9 left raw; `all` leaves every character raw (no encoding). */
	safe: string | 'all';
	space: '%20' | '+' | ' ';
	lowerHex?: boolean;
	/** Non-ASCII characters written as they are (UTF-8 text), not as %XX. */
	rawNonAscii?: boolean;
}

export const ENCODERS: readonly Encoder[] = [
	{
		id: 'encode-uri-component',
		label: "JavaScript's encodeURIComponent (and .NET Uri.EscapeDataString before .NET 4.5)",
		safe: "-_.~!*'()",
		space: '%20'
	},
	{ id: 'encode-uri', label: "JavaScript's encodeURI", safe: "-_.~!*'();,/?:@&=+$#", space: '%20' },
	{ id: 'url-encoder', label: "Java's URLEncoder.encode (and Apex EncodingUtil.urlEncode)", safe: '-_.*', space: '+' },
	{
		id: 'url-encoder-plus-fixed',
		label: 'URLEncoder.encode (Java, Apex) with "+" replaced by %20 but "*" and %7E left as they are',
		safe: '-_.*',
		space: '%20'
	},
	{ id: 'http-utility', label: ".NET's HttpUtility.UrlEncode", safe: '-_.!*()', space: '+', lowerHex: true },
	{ id: 'python-quote', label: "Python's urllib quote before 3.7 (which encodes '~')", safe: '-_.', space: '%20' },
	{ id: 'lower-hex', label: 'an encoder that writes lowercase hex digits', safe: '-_.~', space: '%20', lowerHex: true },
	{ id: 'raw-unicode', label: 'an encoder that leaves non-ASCII characters unencoded', safe: '-_.~', space: '%20', rawNonAscii: true },
	{ id: 'none', label: 'no encoding at all (the decoded text)', safe: 'all', space: ' ', rawNonAscii: true }
];

const ALNUM = /[A-Za-z0-9]/;
const utf8 = new TextDecoder();

function hex(b: number, lower: boolean | undefined): string {
	const h = b.toString(16).padStart(2, '0');
	return '%' + (lower ? h : h.toUpperCase());
}

/** The bytes (UTF-8 of decoded text) encoded the way `encoder` does. */
export function encodeWith(bytes: Uint8Array, encoder: Encoder, keepSlash = false): string {
	let out = '';
	let i = 0;
	while (i < bytes.length) {
		const b = bytes[i]!;
		if (b >= 0x80) {
			let j = i + 1;
			while (j < bytes.length && bytes[j]! >= 0x80) j++;
			const run = bytes.subarray(i, j);
			if (encoder.rawNonAscii) out += utf8.decode(run);
			else for (const x of run) out += hex(x, encoder.lowerHex);
			i = j;
			continue;
		}
		const c = String.fromCharCode(b);
		if (b === 0x20) out += encoder.space;
		else if ((keepSlash && c === '/') || ALNUM.test(c) || encoder.safe === 'all' || encoder.safe.includes(c)) out += c;
		else out += hex(b, encoder.lowerHex);
		i++;
	}
	return out;
}
