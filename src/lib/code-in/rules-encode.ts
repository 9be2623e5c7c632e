import { findingAt, type CodeFinding } from './code-finding.ts';
import type { Token } from './lexer.ts';
import { bare, callsNamed, pathTo, receiverOf, type Call, type Source } from './source.ts';
import { idsMatch, UPPER } from './words.ts';

interface Encoder {
	path: RegExp;
	/** What is wrong with the encoder's output for SigV4, unless the code repairs it. */
	plus?: boolean;
	tilde?: boolean;
	star?: boolean;
	lowerHex?: boolean;
	reservedRaw?: string;
	/** Keeps '/': fine for an S3 key. */
	keepsSlash?: boolean;
	label: string;
}

const ENCODERS: Encoder[] = [
	{ path: /^URLEncoder\.encode$/, plus: true, tilde: true, star: true, label: 'URLEncoder.encode' },
	{ path: /^EncodingUtil\.urlEncode$/, plus: true, tilde: true, star: true, label: 'EncodingUtil.urlEncode' },
	{ path: /^HttpUtility\.UrlEncode$/, plus: true, lowerHex: true, label: 'HttpUtility.UrlEncode' },
	{ path: /^WebUtility\.UrlEncode$/, plus: true, label: 'WebUtility.UrlEncode' },
	{ path: /^Uri\.EscapeUriString$/, reservedRaw: "? # [ ] @ ! $ & ' ( ) * + , ; =", keepsSlash: true, label: 'Uri.EscapeUriString' },
	{ path: /(^|\.)quote_plus$/, plus: true, label: 'quote_plus' },
	{ path: /(^|\.)urlencode$/, plus: true, label: 'urlencode' },
	{ path: /^http_build_query$/, plus: true, label: 'http_build_query' },
	{ path: /^CGI\.escape$/, plus: true, label: 'CGI.escape' },
	{ path: /^URI\.encode_www_form(_component)?$/, plus: true, label: 'URI.encode_www_form' },
	{ path: /^URI\.(escape|encode)$/, reservedRaw: "? & = + $ , ; : @ ' ( ) * !", keepsSlash: true, label: 'URI.escape' },
	{ path: /^url\.QueryEscape$/, plus: true, label: 'url.QueryEscape' },
	{ path: /^url\.PathEscape$/, reservedRaw: "$ & + , ; = : @ ' ( ) * !", label: 'url.PathEscape' },
	{ path: /^encodeURIComponent$/, reservedRaw: "! ' ( ) *", label: 'encodeURIComponent' },
	{ path: /^encodeURI$/, reservedRaw: "? # & = + $ , ; : @ ! ' ( ) *", keepsSlash: true, label: 'encodeURI' },
	{ path: /^(querystring|qs)\.(stringify|escape)$/, plus: false, reservedRaw: "! ' ( ) *", label: 'querystring.stringify' }
];
/** Encoders whose output is otherwise right for SigV4 but encode '/' (wrong inside an S3 key). */
const SLASH_ENCODERS =
	/^(encodeURIComponent|rawurlencode|Uri\.EscapeDataString|URLEncoder\.encode|EncodingUtil\.urlEncode|url\.QueryEscape|url\.PathEscape|CGI\.escape|ERB\.Util\.url_encode|quote|urllib\.parse\.quote|parse\.quote)$/;
const S3_KEY =
	/^(key|objectKey|object_key|s3Key|s3_key|fileKey|file_key|keyName|key_name|fileName|filename|file_name|objectName|object_name|objectPath|object_path)$/i;

/** URL encoders that are wrong for SigV4 unless repaired, percent hex in lowercase, and '/' encoded in an S3 key. */
export function encodeRules(src: Source): CodeFinding[] {
	const out: CodeFinding[] = [];
	const ts = src.tokens;
	const s3 = ts.some((t) => t.k === 'str' && /(^|[./])s3([.-]|$)|amazonaws\.com\/|^s3$/.test(t.v));
	for (const c of callsNamed(src, /./)) {
		const path = pathTo(src, c.name);
		const at = ts[c.name]!;
		const repairs = repairsAfter(src, c);
		// Wrapped in the code's own encoder (encodeRfc3986(encodeURIComponent(s))): that function repairs it.
		if (wrappedByHelper(src, c)) continue;
		const enc = ENCODERS.find((e) => e.path.test(path));
		if (enc && !(enc.label === 'urlencode' && (src.language === 'python' ? quoteVia(src, c) : src.language !== 'php'))) {
			if (enc.label === 'http_build_query' && idsMatch(ts.slice(c.open, c.close), /PHP_QUERY_RFC3986/)) continue;
			if (enc.plus && !repairs.plus)
				out.push(
					findingAt(
						at,
						'query-plus-for-space',
						'error',
						`${enc.label} writes a space as "+" (form encoding). SigV4 encodes a space as %20.`,
						fixText(enc)
					)
				);
			else if (enc.tilde && !repairs.tilde)
				out.push(
					findingAt(
						at,
						'unreserved-encoded',
						'warning',
						`${enc.label} encodes "~" as %7E. SigV4 leaves the unreserved characters A-Z a-z 0-9 - _ . ~ as they are.`,
						fixText(enc)
					)
				);
			else if (enc.star && !repairs.star)
				out.push(
					findingAt(
						at,
						'path-not-encoded',
						'warning',
						`${enc.label} leaves "*" raw. SigV4 encodes every character but A-Z a-z 0-9 - _ . ~.`,
						fixText(enc)
					)
				);
			if (enc.lowerHex && !repairs.upper)
				out.push(
					findingAt(
						at,
						'percent-hex-lowercase',
						'error',
						`${enc.label} writes percent-encodings in lowercase hex (%2f). SigV4 uses uppercase (%2F).`,
						fixText(enc)
					)
				);
			if (enc.reservedRaw && !repairs.reserved)
				out.push(
					findingAt(
						at,
						'path-not-encoded',
						'warning',
						`${enc.label} leaves ${enc.reservedRaw} raw. SigV4 encodes every character but A-Z a-z 0-9 - _ . ~.`,
						fixText(enc)
					)
				);
		}
		if (s3 && SLASH_ENCODERS.test(path) && !enc?.keepsSlash && c.args[0]) {
			const first = ts.slice(c.args[0].from, c.args[0].to);
			const onKey = first.length <= 3 && first.some((t) => t.k === 'id' && S3_KEY.test(bare(t.t)));
			const keepsSlash = /quote$/.test(path) ? !ts.slice(c.open, c.close).some((t) => t.k === 'str' && t.v === '') : false;
			if (onKey && !keepsSlash && !repairs.slash)
				out.push(
					findingAt(
						at,
						'slash-encoded-in-s3-key',
						'warning',
						`${path} encodes the "/" in the S3 key as %2F. S3's canonical URI keeps the key's "/" as they are.`,
						"Encode each segment of the key and join them with '/' (key.split('/').map(encode).join('/')), or put the '/' back after encoding."
					)
				);
		}
	}
	for (const t of ts) if (t.k === 'str') lowerPercent(src, t, out);
	out.push(...goQueryEncode(src), ...slashReplaced(src));
	return out;
}

function fixText(enc: Encoder): string {
	return `Use an RFC 3986 encoder (encodeURIComponent plus ! ' ( ) * → %21 %27 %28 %29 %2A; rawurlencode; Uri.EscapeDataString; urllib.parse.quote(s, safe='-_.~')) or repair ${enc.label}'s output: "+" → %20, "*" → %2A, "%7E" → "~".`;
}

/** Python's urlencode encodes with quote_plus unless told quote_via=quote. */
function quoteVia(src: Source, c: Call): boolean {
	return idsMatch(src.tokens.slice(c.open, c.close), /^quote_via$/);
}

/** The repairs the code applies to an encoder's output in the statements around it. */
function repairsAfter(src: Source, c: Call) {
	const st = src.statementOf[c.name]!;
	let end = st.to;
	for (let n = 0; n < 6 && end < src.tokens.length; n++) end = src.statementOf[end]!.to;
	const ts = src.tokens.slice(Math.max(0, st.from), end);
	const lit = ts.filter((t) => t.k === 'str' || t.k === 'rx').map((t) => t.v);
	return {
		plus: lit.some((v) => /^(\\\\)?\\?\+$|^\+$|%20/.test(v)),
		tilde: lit.some((v) => /%7E/i.test(v)),
		star: lit.some((v) => /%2A/i.test(v)),
		upper: ts.some((t) => t.k === 'id' && UPPER.test(t.t)),
		reserved:
			lit.some((v) => /[!'()*]/.test(v) && (/%2[17-9A]/i.test(v) || /\[.*[!'()*].*\]/.test(v) || /toString\(16\)|charCodeAt/.test(v))) ||
			ts.some((t) => t.k === 'id' && t.t === 'charCodeAt'),
		slash: lit.some((v) => /%2F/i.test(v)) || ts.some((t) => t.k === 'id' && t.t === 'split')
	};
}

/** '%' + lowercase hex: a hand-written encoder that SigV4 rejects. */
function lowerPercent(src: Source, t: Token, out: CodeFinding[]) {
	const st = src.tokens.slice(src.statementOf[src.tokens.indexOf(t)]!.from, src.statementOf[src.tokens.indexOf(t)]!.to);
	const formatLower =
		/%%%?0?2?x|%\{[^}]*:0?2?x\}|^%\{:02x\}/.test(t.v) ||
		(/^%$/.test(t.v) &&
			idsMatch(st, /^(toString|toHexString|hex|format|ToString)$/) &&
			!idsMatch(st, UPPER) &&
			st.some((x) => (x.k === 'num' && x.t === '16') || (x.k === 'str' && /^x2?$/.test(x.v))));
	if (formatLower)
		out.push(
			findingAt(
				t,
				'percent-hex-lowercase',
				'error',
				'This percent-encodes with lowercase hex (%2f). SigV4 uses uppercase hex digits (%2F).',
				'Write the two hex digits in uppercase ("%%%02X", toString(16).toUpperCase()).'
			)
		);
}

function wrappedByHelper(src: Source, c: Call): boolean {
	for (let k = c.name - 1; k >= 1; k--) {
		const t = src.tokens[k]!;
		if (t.t === '(' && src.match[k]! > c.close) {
			const name = src.tokens[k - 1]!;
			return name?.k === 'id' && /rfc3986|escape|encode|uri/i.test(name.t) && !ENCODERS.some((e) => e.path.test(pathTo(src, k - 1)));
		}
	}
	return false;
}

/** Go's url.Values.Encode (uri.Query().Encode()) writes a space as "+". */
function goQueryEncode(src: Source): CodeFinding[] {
	if (src.language !== 'go') return [];
	return callsNamed(src, /^Encode$/)
		.filter((c) => {
			const recv = src.tokens.slice(receiverOf(src, c.name - 1).from, c.name - 1);
			return recv.some((t) => t.k === 'id' && /^(Query|Values|params|query|values|v)$/.test(t.t)) && !repairsAfter(src, c).plus;
		})
		.map((c) =>
			findingAt(
				src.tokens[c.name]!,
				'query-plus-for-space',
				'error',
				'url.Values.Encode writes a space as "+" (form encoding). SigV4 encodes a space as %20.',
				'Replace "+" with "%20" in the encoded query (strings.ReplaceAll(q, "+", "%20")), or build the query with an RFC 3986 encoder.'
			)
		);
}

/** key.Replace("/", "%2F"): the key's "/" encoded by hand. */
function slashReplaced(src: Source): CodeFinding[] {
	return callsNamed(src, /^(replace|Replace|replaceAll|ReplaceAll|gsub|str_replace)$/)
		.filter((c) => {
			const lit = c.args.map((a) => src.tokens.slice(a.from, a.to).find((t) => t.k === 'str')?.v);
			const fromSlash = lit.indexOf('/');
			return (
				fromSlash >= 0 &&
				/^%2F$/i.test(lit[fromSlash + 1] ?? '') &&
				idsMatch(src.tokens.slice(receiverOf(src, c.name - 1).from, c.close), S3_KEY_PART)
			);
		})
		.map((c) =>
			findingAt(
				src.tokens[c.name]!,
				'slash-encoded-in-s3-key',
				'warning',
				'This turns the "/" of the S3 key into %2F. S3 signs the key with its "/" as they are, so the path you sign and the one sent differ.',
				"Leave the key's '/' alone: encode each segment and join them with '/'."
			)
		);
}
const S3_KEY_PART = /key|path|object|file/i;
