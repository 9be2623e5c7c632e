// Random SigV4 requests for the property tests. A case is generated as LOGICAL data (path segments,
// query keys and values, headers as sent, body) and turned into the wire form the way a client
// would send it: each path segment and query component percent-encoded in one of several styles
// (SDK-strict, encodeURIComponent, form encoding, only what must be encoded, raw UTF-8 and spaces
// left as they are; upper- or lowercase hex). The oracles get the same request in their own terms.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { Credentials, Header, HttpRequest, SigningParams } from '../../src/lib/sigv4/index.ts';

export type Mode = 'header' | 'query';
export type Oracle = 'smithy' | 'aws4';
export type PathStyle = 'strict' | 'component' | 'minimal' | 'raw';
export type QueryStyle = 'strict' | 'component' | 'form' | 'minimal' | 'raw';

export interface Segment {
	/** Decoded: what the segment means (for S3, a piece of the object key). */
	text: string;
	style: PathStyle;
	lowerHex: boolean;
}

export interface QueryParam {
	key: string;
	/** null: the parameter is written without '=' ("?acl"). */
	value: string | null;
	keyStyle: QueryStyle;
	valueStyle: QueryStyle;
	lowerHex: boolean;
}

export interface QuerySpec {
	params: QueryParam[];
	leadingAmp: boolean;
	trailingAmp: boolean;
	/** Insert an empty parameter ("&&") before this index. */
	emptyAt: number | null;
	/** A stale X-Amz-Signature left in the URL (smithy only: it ignores it like our core). */
	staleSignature: boolean;
}

export interface SigCase {
	mode: Mode;
	method: string;
	scheme: 'http' | 'https';
	hostname: string;
	port?: string;
	service: string;
	s3: boolean;
	region: string;
	/** Signing time, whole seconds since the epoch. */
	epochSeconds: number;
	credentials: Credentials;
	signSessionToken?: false;
	expiresIn?: number;
	/** Non-S3 only: sign the path unnormalized (S3-like, still double-encoded). */
	normalizePath?: false;
	/** Non-S3 header mode only: add and sign x-amz-content-sha256. */
	contentSha256Header?: true;
	/** The path after its leading '/': [''] is "/", ['a', ''] is "/a/". */
	segments: Segment[];
	/** The URL has no path at all ("https://host?x"); only when segments is ['']. */
	omitPath: boolean;
	query?: QuerySpec;
	/** As sent: order, case and duplicates kept. */
	headers: Header[];
	body?: string | Uint8Array;
}

// ---------------------------------------------------------------- encoding the wire form

export const S3_SERVICES = new Set(['s3', 's3-object-lambda', 's3-outposts']);
const DEFAULT_PORT = { http: '80', https: '443' } as const;
const utf8 = new TextEncoder();

/** @smithy/core/protocols escapeUri, copied: encodeURIComponent plus !'()* (RFC 3986 unreserved kept). */
export function escapeUri(text: string): string {
	return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function pct(ch: string, lower: boolean): string {
	let out = '';
	for (const b of utf8.encode(ch)) {
		const hex = b.toString(16).padStart(2, '0');
		out += '%' + (lower ? hex : hex.toUpperCase());
	}
	return out;
}

const UNRESERVED = /^[A-Za-z0-9\-_.~]$/;
/** Non-ASCII that may be left raw (IRI style): printable, not white space (a URL is trimmed). */
const RAW_NON_ASCII = (ch: string) => ch.codePointAt(0)! > 0x7f && /^[^\s\p{C}]$/u.test(ch);
const keepIn = (chars: string) => (ch: string) => UNRESERVED.test(ch) || (ch.length === 1 && chars.includes(ch));

const PATH_KEEP: Record<PathStyle, (ch: string) => boolean> = {
	strict: keepIn(''),
	component: keepIn("!'()*"),
	// pchar = unreserved / sub-delims / ':' / '@' (RFC 3986 3.3): legal raw in a path segment.
	minimal: keepIn("!$&'()*+,;=:@"),
	// The AWS suite's own inputs (get-space, get-utf8): raw spaces and UTF-8 on the request line.
	raw: (ch) => keepIn("!$&'()*+,;=:@ ")(ch) || RAW_NON_ASCII(ch)
};

function queryKeep(style: QueryStyle, isKey: boolean): (ch: string) => boolean {
	// Legal raw in a query (RFC 3986 3.4) and meaning themselves to every parser here: not & # % +, not = in a key.
	const minimal = keepIn("!$'()*,;:@/?" + (isKey ? '' : '='));
	switch (style) {
		case 'strict':
			return keepIn('');
		case 'component':
			return keepIn("!'()*");
		case 'form':
			return (ch) => /^[A-Za-z0-9*\-._]$/.test(ch);
		case 'minimal':
			return minimal;
		case 'raw':
			return (ch) => minimal(ch) || ch === ' ' || RAW_NON_ASCII(ch);
	}
}

function encodeKeeping(text: string, keep: (ch: string) => boolean, lower: boolean, spaceAsPlus = false): string {
	let out = '';
	for (const ch of text) out += spaceAsPlus && ch === ' ' ? '+' : keep(ch) ? ch : pct(ch, lower);
	// A raw space is never left last: it could end the URL, and a URL (a request line) is trimmed.
	return out.endsWith(' ') ? out.slice(0, -1) + pct(' ', lower) : out;
}

export function wireSegment(s: Segment): string {
	return encodeKeeping(s.text, PATH_KEEP[s.style], s.lowerHex);
}

export function wirePath(c: SigCase): string {
	return c.omitPath ? '' : '/' + c.segments.map(wireSegment).join('/');
}

function wireComponent(text: string, style: QueryStyle, isKey: boolean, lower: boolean): string {
	return encodeKeeping(text, queryKeep(style, isKey), lower, style === 'form');
}

/** A pasted URL's old signature, to be dropped: a patterned fake, not a vector. */
export const STALE_SIGNATURE = 'X-Amz-Signature=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

/** The raw query after '?', or undefined when the URL has no '?'. */
export function wireQuery(c: SigCase): string | undefined {
	if (!c.query) return undefined;
	const q = c.query;
	const parts = q.params.map(
		(p) =>
			wireComponent(p.key, p.keyStyle, true, p.lowerHex) +
			(p.value === null ? '' : '=' + wireComponent(p.value, p.valueStyle, false, p.lowerHex))
	);
	if (q.staleSignature) parts.push(STALE_SIGNATURE);
	if (q.emptyAt !== null) parts.splice(Math.min(q.emptyAt, parts.length), 0, '');
	if (q.leadingAmp) parts.unshift('');
	if (q.trailingAmp) parts.push('');
	return parts.join('&');
}

export function wireUrl(c: SigCase): string {
	const q = wireQuery(c);
	return `${c.scheme}://${c.hostname}${c.port === undefined ? '' : ':' + c.port}${wirePath(c)}${q === undefined ? '' : '?' + q}`;
}

/** The Host a client sends for the URL: the port only when it is not the scheme's default. */
export function urlHost(c: SigCase): string {
	return c.port === undefined || c.port === DEFAULT_PORT[c.scheme] ? c.hostname : `${c.hostname}:${c.port}`;
}

export function datetimeOf(c: SigCase): string {
	return new Date(c.epochSeconds * 1000)
		.toISOString()
		.replace(/\.\d{3}Z$/, 'Z')
		.replace(/[-:]/g, '');
}

/** Decoded query parameters, in order: what an SDK holds before it serializes the URL. */
export function logicalQuery(c: SigCase): [string, string][] {
	return (c.query?.params ?? []).map((p) => [p.key, p.value ?? '']);
}

/**
 * Header values as a server sees them: OWS around each field value removed; repeated names
 * (case-insensitively) joined with ',' in the order received (the AWS suite's
 * get-header-key-duplicate). The oracles take one value per name.
 */
export function mergedHeaders(headers: Header[]): Map<string, string> {
	const merged = new Map<string, string[]>();
	for (const [name, value] of headers) {
		const lower = name.toLowerCase();
		const v = value.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
		const list = merged.get(lower);
		if (list) list.push(v);
		else merged.set(lower, [v]);
	}
	return new Map([...merged].map(([k, v]) => [k, v.join(',')]));
}

export function coreRequest(c: SigCase): HttpRequest {
	const req: HttpRequest = { method: c.method, url: wireUrl(c), headers: c.headers.map(([n, v]) => [n, v] as Header) };
	if (c.body !== undefined) req.body = c.body;
	return req;
}

export function coreParams(c: SigCase): SigningParams {
	const params: SigningParams = {
		credentials: { ...c.credentials },
		region: c.region,
		service: c.service,
		datetime: datetimeOf(c)
	};
	if (c.signSessionToken === false) params.signSessionToken = false;
	if (c.expiresIn !== undefined) params.expiresIn = c.expiresIn;
	if (c.normalizePath === false) params.normalizePath = false;
	if (c.contentSha256Header) params.contentSha256Header = true;
	return params;
}

export function bodyBytes(body: string | Uint8Array | undefined): Uint8Array {
	return body === undefined ? new Uint8Array() : typeof body === 'string' ? utf8.encode(body) : body;
}

// ---------------------------------------------------------------- arbitraries

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** One character of a logical path segment or query component. */
const charArb = fc.oneof(
	{ weight: 8, arbitrary: fc.constantFrom(...'abcxyzABCXYZ0129-_.~') },
	// Reserved, sub-delims, '+', '*', '%', space and characters that are never legal raw.
	{ weight: 5, arbitrary: fc.constantFrom(...'!$&\'()*+,;=:@/?#%[]{}|\\^`"<> ', '+', '*', '%', ' ', '~') },
	{ weight: 2, arbitrary: fc.constantFrom('é', 'ß', 'ሴ', '中', '😀', 'Ω', '\u00a0', '\u2028', '\u0085') },
	{ weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((s) => s.isWellFormed()) }
);
const textArb = (maxLength: number) => fc.string({ unit: charArb, minLength: 0, maxLength });

const pathStyleArb = fc.constantFrom<PathStyle>('strict', 'strict', 'component', 'minimal', 'raw');
const queryStyleArb = fc.constantFrom<QueryStyle>('strict', 'strict', 'component', 'form', 'minimal', 'raw');

const segmentArb = fc.record({
	text: fc.oneof({ weight: 6, arbitrary: textArb(8).filter((t) => t !== '') }, { weight: 2, arbitrary: fc.constantFrom('.', '..', '') }),
	style: pathStyleArb,
	lowerHex: fc.nat(3).map((n) => n === 0)
});

/**
 * IRI-style text, as in the AWS suite's get-utf8 / get-space / get-vanilla-utf8-query: raw UTF-8,
 * spaces and sub-delims on the request line, no '%' and no '+'.
 */
const iriTextArb = fc
	.string({ unit: fc.constantFrom(..."abcXYZ019-_.~!$'()*,;:@ ", 'é', 'ß', 'ሴ', '中', '😀', 'Ω'), minLength: 1, maxLength: 8 })
	.filter((t) => !t.endsWith(' ') && t !== '.' && t !== '..');
const iriSegmentArb = fc.record({ text: iriTextArb, style: fc.constant<PathStyle>('raw'), lowerHex: fc.constant(false) });
const iriParamArb = fc.record({
	key: iriTextArb,
	value: iriTextArb,
	keyStyle: fc.constant<QueryStyle>('raw'),
	valueStyle: fc.constant<QueryStyle>('raw'),
	lowerHex: fc.constant(false)
});

/** Keys from a small pool, so that duplicates are common; '' is an empty key ("=v"). */
const queryKeyArb = fc.oneof(
	{
		weight: 4,
		arbitrary: fc.constantFrom('Param1', 'param1', 'a', 'A', 'b', 'key', 'ሴ', 'a b', '+', 'x*y', 'max-keys', 'list-type', 'prefix')
	},
	{ weight: 3, arbitrary: textArb(6).filter((k) => k !== '' && !/^x-amz-/i.test(k)) },
	{ weight: 1, arbitrary: fc.constant('') }
);

const queryParamArb = fc
	.record({
		key: queryKeyArb,
		value: fc.oneof({ weight: 5, arbitrary: textArb(8) }, { weight: 1, arbitrary: fc.constant(null) }),
		keyStyle: queryStyleArb,
		valueStyle: queryStyleArb,
		lowerHex: fc.boolean()
	})
	// "?" + "" would be no parameter at all for a server; an empty key needs its '=' ("?=v").
	.map((p): QueryParam => (p.key === '' && p.value === null ? { ...p, value: '' } : p));

const querySpecArb = fc
	.record({
		params: fc.array(queryParamArb, { maxLength: 6 }),
		leadingAmp: fc.boolean(),
		trailingAmp: fc.boolean(),
		emptyAt: fc.option(fc.nat(6), { freq: 4 }),
		staleSignature: fc.boolean(),
		dupes: fc.array(fc.tuple(fc.nat(), textArb(5)), { maxLength: 2 })
	})
	.map(({ dupes, ...q }): QuerySpec => {
		// Repeat some keys with other values: duplicate keys with distinct and equal values.
		const params = q.params.slice();
		for (const [i, value] of dupes) {
			const src = params[i % Math.max(params.length, 1)];
			if (src) params.push({ ...src, value: i % 3 === 0 ? src.value : value });
		}
		return { ...q, params };
	});

const SIGNED_NAMES = ['My-Header1', 'My-Header2', 'X-Amz-Meta-Color', 'Content-Type', 'Range', 'Accept', 'X-Custom', 'Content-MD5'];
/** Never signed by default (smithy's ALWAYS_UNSIGNABLE_HEADERS, proxy-*, sec-*), and a stale Authorization. */
export const NEVER_SIGNED_NAMES = [
	'User-Agent',
	'Cache-Control',
	'Connection',
	'Expect',
	'From',
	'Keep-Alive',
	'Max-Forwards',
	'Pragma',
	'Referer',
	'TE',
	'Trailer',
	'Transfer-Encoding',
	'Upgrade',
	'X-Amzn-Trace-Id',
	'Proxy-Authorization',
	'Sec-Fetch-Mode',
	'Authorization'
];
/** Names the signers add or treat specially: generated only on purpose, never at random. */
const SPECIAL_NAMES = new Set([
	'host',
	'date',
	'x-amz-date',
	'x-amz-security-token',
	'x-amz-content-sha256',
	'authorization',
	'presigned-expires',
	'__proto__'
]);
const TCHARS = ALNUM + "!#$%&'*+-.^_`|~";

const randomNameArb = fc
	.string({ unit: fc.constantFrom(...TCHARS), minLength: 1, maxLength: 12 })
	.filter((n) => !SPECIAL_NAMES.has(n.toLowerCase()) && !/^(proxy-|sec-)/i.test(n));

function recase(name: string, how: number): string {
	if (how === 1) return name.toLowerCase();
	if (how === 2) return name.toUpperCase();
	if (how === 3) return [...name].map((ch, i) => (i % 2 ? ch.toLowerCase() : ch.toUpperCase())).join('');
	return name;
}

const headerNameArb = fc
	.tuple(
		fc.oneof(
			{ weight: 6, arbitrary: fc.constantFrom(...SIGNED_NAMES) },
			{ weight: 2, arbitrary: fc.constantFrom(...NEVER_SIGNED_NAMES) },
			{ weight: 2, arbitrary: randomNameArb }
		),
		fc.nat(5)
	)
	.map(([name, how]) => recase(name, how));

const valueCharArb = fc.oneof(
	{ weight: 30, arbitrary: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)) },
	{ weight: 1, arbitrary: fc.constantFrom('é', 'ሴ', '😀', '\u00a0') }
);
/** White space inside or around a value: spaces, tabs, and obs-fold continuation lines. */
const wsArb = fc.constantFrom(' ', '  ', '\t', ' \t  ', '\n  ', '\n\t', '\n ', '\r\n\t', '\r\n ');

export const headerValueArb = fc
	.record({
		lead: fc.option(wsArb, { freq: 3 }),
		first: fc.string({ unit: valueCharArb, maxLength: 8 }),
		rest: fc.array(fc.tuple(wsArb, fc.string({ unit: valueCharArb, minLength: 1, maxLength: 8 })), { maxLength: 3 }),
		trail: fc.option(wsArb, { freq: 3 })
	})
	.map(({ lead, first, rest, trail }) => (lead ?? '') + first + rest.map(([w, s]) => w + s).join('') + (trail ?? ''));

const HOSTS = [
	'example.amazonaws.com',
	'examplebucket.s3.amazonaws.com',
	'sns.us-east-1.amazonaws.com',
	'localhost',
	'127.0.0.1',
	'[::1]',
	'h.example'
];

const B64 = ALNUM + '+/';
const tokenArb = fc
	.tuple(fc.string({ unit: fc.constantFrom(...B64), minLength: 1, maxLength: 120 }), fc.constantFrom('', '=', '=='))
	.map(([s, pad]) => s + pad);

const credentialsArb = fc.record({
	accessKeyId: fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'), minLength: 16, maxLength: 20 }),
	secretAccessKey: fc.string({ unit: fc.constantFrom(...B64), minLength: 1, maxLength: 40 }),
	sessionToken: fc.option(tokenArb, { freq: 2, nil: undefined })
});

const NON_S3_SERVICES = ['service', 'sns', 'execute-api', 'iam', 'sqs', 'lambda', 'es', 'dynamodb'];
const randomServiceArb = fc
	.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'), minLength: 1, maxLength: 10 })
	.filter((s) => !S3_SERVICES.has(s) && s !== 'email' && s !== 'codecommit');

const regionArb = fc.oneof(
	fc.constantFrom('us-east-1', 'eu-west-1', 'ap-southeast-2', 'cn-north-1', 'us-gov-west-1'),
	fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'), minLength: 1, maxLength: 12 })
);

const bodyArb = fc.oneof(
	{ weight: 3, arbitrary: fc.constant(undefined) },
	{ weight: 1, arbitrary: fc.constant('') },
	{ weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
	{ weight: 2, arbitrary: fc.uint8Array({ maxLength: 64 }) }
);

/** Everything of a case but what depends on the oracle's limits. */
const rawCaseArb = fc.record({
	mode: fc.constantFrom<Mode>('header', 'query'),
	method: fc.oneof(
		{ weight: 6, arbitrary: fc.constantFrom('GET', 'PUT', 'POST', 'DELETE', 'HEAD') },
		{ weight: 1, arbitrary: fc.constantFrom('PATCH', 'OPTIONS', 'PROPFIND', 'X-CUSTOM') }
	),
	scheme: fc.constantFrom<'http' | 'https'>('https', 'http'),
	hostname: fc.constantFrom(...HOSTS),
	port: fc.option(fc.constantFrom('443', '80', '8080', '9000', '1'), { freq: 4, nil: undefined }),
	s3: fc.boolean(),
	s3Service: fc.constantFrom('s3', 's3', 's3', 's3-object-lambda', 's3-outposts'),
	otherService: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...NON_S3_SERVICES) }, { weight: 1, arbitrary: randomServiceArb }),
	region: regionArb,
	// 1970 to 2099
	epochSeconds: fc.integer({ min: 0, max: 4_102_444_799 }),
	credentials: credentialsArb,
	signSessionToken: fc.nat(3).map((n) => n !== 0),
	expiresIn: fc.option(fc.integer({ min: 1, max: 604_800 }), { freq: 4, nil: undefined }),
	normalizePath: fc.nat(9),
	contentSha256Header: fc.nat(9),
	segments: fc.array(segmentArb, { minLength: 1, maxLength: 6 }),
	iri: fc.nat(7),
	iriSegments: fc.array(iriSegmentArb, { minLength: 1, maxLength: 4 }),
	iriParams: fc.array(iriParamArb, { maxLength: 3 }),
	emptyPath: fc.nat(9),
	query: fc.option(querySpecArb, { freq: 6, nil: undefined }),
	headers: fc.array(fc.tuple(headerNameArb, headerValueArb), { maxLength: 7 }),
	hostHeader: fc.option(
		fc.record({
			name: fc.constantFrom('Host', 'host', 'HOST'),
			upper: fc.boolean(),
			lead: fc.constantFrom('', ' ', '\t'),
			trail: fc.constantFrom('', '  ')
		}),
		{
			freq: 4,
			nil: undefined
		}
	),
	hostFirst: fc.boolean(),
	contentSha256: fc.option(fc.constantFrom('UNSIGNED-PAYLOAD', 'STREAMING-UNSIGNED-PAYLOAD-TRAILER', 'body', 'other'), {
		freq: 5,
		nil: undefined
	}),
	staleDate: fc.nat(9),
	body: bodyArb
});

type RawCase = typeof rawCaseArb extends fc.Arbitrary<infer T> ? T : never;

/** SHA-256 for the generator (node:crypto, not the core's). */
function sha256HexSync(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

function buildCase(r: RawCase): SigCase {
	const s3 = r.s3;
	const c: SigCase = {
		mode: r.mode,
		method: r.method,
		scheme: r.scheme,
		hostname: r.hostname,
		service: s3 ? r.s3Service : r.otherService,
		s3,
		region: r.region,
		epochSeconds: r.epochSeconds,
		credentials: { accessKeyId: r.credentials.accessKeyId, secretAccessKey: r.credentials.secretAccessKey },
		segments: r.emptyPath === 0 ? [{ text: '', style: 'strict', lowerHex: false }] : r.segments,
		omitPath: false,
		headers: []
	};
	if (r.port !== undefined) c.port = r.port;
	if (r.credentials.sessionToken !== undefined) {
		c.credentials.sessionToken = r.credentials.sessionToken;
		if (!r.signSessionToken) c.signSessionToken = false;
	}
	if (r.mode === 'query' && r.expiresIn !== undefined) c.expiresIn = r.expiresIn;
	if (!s3 && r.normalizePath === 0) c.normalizePath = false;
	if (!s3 && r.mode === 'header' && r.contentSha256Header === 0) c.contentSha256Header = true;
	if (r.query !== undefined) c.query = r.query;
	if (r.iri === 0) {
		c.segments = r.iriSegments;
		if (r.iriParams.length > 0)
			c.query = { params: r.iriParams, leadingAmp: false, trailingAmp: false, emptyAt: null, staleSignature: false };
		else delete c.query;
	}
	c.omitPath = r.emptyPath === 0 && r.hostFirst && c.segments.length === 1 && c.segments[0]!.text === '';
	if (r.body !== undefined) c.body = r.body;

	const headers: Header[] = r.headers.map(([n, v]) => [n, v]);
	if (r.hostHeader) {
		const h = r.hostHeader;
		const value = h.lead + (h.upper ? urlHost(c).toUpperCase() : urlHost(c)) + h.trail;
		if (r.hostFirst) headers.unshift([h.name, value]);
		else headers.push([h.name, value]);
	}
	// A request's own x-amz-content-sha256 is its payload hash (header mode; query mode has none).
	if (r.mode === 'header' && r.contentSha256 !== undefined) {
		const value =
			r.contentSha256 === 'body'
				? sha256HexSync(bodyBytes(c.body))
				: r.contentSha256 === 'other'
					? sha256HexSync(utf8.encode(String(r.epochSeconds)))
					: r.contentSha256;
		headers.splice(r.staleDate % (headers.length + 1), 0, ['X-Amz-Content-Sha256', value]);
	}
	// A stale X-Amz-Date from a pasted request: replaced (header mode) or dropped (query mode).
	if (r.staleDate === 1) headers.push(['X-Amz-Date', '20000101T000000Z']);
	c.headers = headers;
	return c;
}

// ---------------------------------------------------------------- what each oracle can express

/** aws4's parsePath re-encodes the whole path + query with encodeURI(decodeURI()) when it has a character outside this set. */
export const AWS4_PLAIN = /^[0-9A-Za-z;,/?:@&=+$\-_.!~*'()#%]*$/;
/** Escapes of characters decodeURI leaves encoded: encodeURI then encodes their '%' ("%2C" becomes "%252C"). */
const RESERVED_ESCAPE = /%(2[346BCF]|3[ABDF]|40)/i;

function aws4Full(c: SigCase): string {
	const q = wireQuery(c);
	return wirePath(c) + (q === undefined ? '' : '?' + q);
}

/**
 * How aws4 is given the path: 'wire' (the path as sent; for non-S3 aws4 encodes it once more, the
 * AWS double encoding) or, for non-S3 with raw characters, 'raw' (doNotEncodePath: true, the
 * README's setting for the suite's raw inputs: aws4 decodes then encodes, which is encoding once
 * only if the path has no '%' or '+'). undefined: aws4 cannot sign this URL as sent.
 */
export function aws4PathMode(c: SigCase): 'wire' | 'raw' | undefined {
	const full = aws4Full(c);
	if (AWS4_PLAIN.test(full)) return 'wire';
	if (RESERVED_ESCAPE.test(full)) return undefined;
	if (c.s3) return 'wire';
	return /[%+]/.test(wirePath(c)) ? undefined : 'raw';
}

/**
 * Constraints for aws4 (1.13.2). Each is an aws4 quirk; smithy and our core agree on all of them
 * and the smithy property keeps covering them:
 * - services: only 's3' gets S3 rules in aws4 (not s3-object-lambda / s3-outposts); 'email' is renamed 'ses'.
 * - no normalizePath: false and no contentSha256Header for non-S3: aws4 has no such switches.
 * - empty query keys: aws4 drops them (`if (!key) return obj`); our core and smithy sign "=v".
 * - S3 duplicate query keys: aws4 signs only the first value (firstValOnly).
 * - S3 path: aws4 turns a raw '+' into a space (S3 keeps it: a literal plus) and turns an encoded
 *   '/' (%2F) inside a key segment back into '/'.
 * - raw (unencoded) UTF-8 or spaces anywhere in the URL: aws4 re-encodes the whole path + query
 *   with encodeURI(decodeURI()), which double-encodes escapes of reserved characters ("%2C" becomes
 *   "%252C") and, for non-S3, changes "%21" into "!" before its double encoding. Such cases are
 *   sent with every component encoded instead (no raw characters), unless aws4PathMode allows them.
 * - header values: aws4 collapses every JS \s (NBSP, U+2028, ...); SigV4 only spaces and tabs.
 * - a stale X-Amz-Date header: aws4 takes it as the signing time; a stale X-Amz-Signature in the
 *   query: aws4 signs it.
 * - a body: in header mode aws4 adds Content-Type and Content-Length when missing, so the case
 *   carries both (as a client sending a body does).
 */
function forAws4(c: SigCase): SigCase {
	const out: SigCase = { ...c, segments: c.segments.slice(), headers: c.headers.filter(([n]) => n.toLowerCase() !== 'x-amz-date') };
	delete out.normalizePath;
	delete out.contentSha256Header;
	if (out.s3) out.service = 's3';
	if (out.query) {
		const seen = new Set<string>();
		let params = out.query.params.filter((p) => p.key !== '');
		if (out.s3) params = params.filter((p) => !seen.has(p.key) && !!seen.add(p.key));
		out.query = { ...out.query, params, staleSignature: false };
	}
	if (out.s3) {
		out.segments = out.segments.map((s) => {
			const text = s.text.replace(/\//g, '-');
			return { ...s, text, style: text.includes('+') && (s.style === 'minimal' || s.style === 'raw') ? 'strict' : s.style };
		});
	}
	out.headers = out.headers.map(([n, v]) => [n, v.replace(/[^\S \t\r\n]/g, '_')]);
	if (aws4PathMode(out) === undefined) {
		out.segments = out.segments.map((s) => (s.style === 'raw' ? { ...s, style: 'minimal' } : s));
		if (out.query) {
			const deRaw = (st: QueryStyle): QueryStyle => (st === 'raw' ? 'minimal' : st);
			out.query = {
				...out.query,
				params: out.query.params.map((p) => ({ ...p, keyStyle: deRaw(p.keyStyle), valueStyle: deRaw(p.valueStyle) }))
			};
		}
	}
	if (out.body !== undefined) {
		const merged = mergedHeaders(out.headers);
		if (!merged.get('content-type')) out.headers.push(['Content-Type', 'application/octet-stream']);
		if (!merged.get('content-length')) out.headers.push(['Content-Length', String(bodyBytes(out.body).length)]);
	}
	return out;
}

export function caseArb(oracle: Oracle): fc.Arbitrary<SigCase> {
	const base = rawCaseArb.map(buildCase);
	if (oracle === 'smithy') return base;
	return base.map(forAws4).filter((c) => aws4PathMode(c) !== undefined);
}
