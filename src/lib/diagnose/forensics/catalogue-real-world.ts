import { canonicalPath, normalizePathSegments, percentDecode, utf8Bytes } from '../../sigv4/index.ts';
import type { FindingCode } from '../../findings/index.ts';
import { kind, type MistakeKind, type Variant } from './mistake.ts';
import type { Model, Plan, QueryOrder } from './model.ts';
import { ENCODERS, encodeWith, type Encoder } from './encoders.ts';

// Mistakes seen in real failure reports (issue 11): query sorting done the wrong way, paths and
// queries encoded by a general-purpose encoder, duplicated headers, a header signed with one value
// and sent with another, and SSE headers a presigned URL signs that the request does not carry.

/** The request's values for a lowercase header name, in order. */
function sentValues(model: Model, lower: string): string[] {
	return model.headers.filter(([n]) => n.toLowerCase() === lower).map(([, v]) => v);
}

function withValues(name: string, values: readonly string[]): (plan: Plan) => Plan {
	return (plan) => ({ ...plan, headers: { ...plan.headers, signedValues: { ...plan.headers.signedValues, [name]: values } } });
}

const ORDERS: { order: QueryOrder; suffix: string; message: string }[] = [
	{
		order: 'decoded',
		suffix: 'before-encoding',
		message:
			'Your signer sorted the query parameters before encoding them; SigV4 sorts the encoded names (so "%2A", "~" and uppercase letters land elsewhere).'
	},
	{
		order: 'pair',
		suffix: 'as-strings',
		message: 'Your signer sorted the query as "key=value" strings; SigV4 sorts by name first, so "a=1" comes before "a-b=2" and "ab=3".'
	},
	{
		order: 'ignore-case',
		suffix: 'ignore-case',
		message:
			'Your signer sorted the query names case-insensitively; SigV4 sorts by character code, so uppercase names (X-Amz-…) come before lowercase ones.'
	},
	{
		order: 'key-only',
		suffix: 'by-key-only',
		message:
			"Your signer sorted the query by name only and left a repeated name's values in the order given; SigV4 sorts them by value too."
	}
];

/** Which path finding an encoder's output is: characters left raw, unreserved ones encoded, or lowercase hex. */
function pathCode(wrong: string, right: string): FindingCode {
	if (/[^A-Za-z0-9\-_.~/%]/.test(wrong)) return 'path-not-encoded';
	if (/%7E/i.test(wrong) && right.includes('~')) return 'unreserved-encoded';
	if (/%[0-9a-f]?[a-f]/.test(wrong)) return 'percent-hex-lowercase';
	return 'path-not-encoded';
}

function encodedPath(model: Model, encoder: Encoder): string {
	const raw = model.normalizePath ? normalizePathSegments(model.rawPath || '/') : model.rawPath || '/';
	// S3 encodes each decoded key segment once; other services encode the path as sent (its "%" too).
	return raw
		.split('/')
		.map((segment) => encodeWith(model.uriEscapePath ? utf8Bytes(segment) : percentDecode(segment, false), encoder))
		.join('/');
}

/** Each encoder's output once: encoders that write the same text are named together. */
function byOutput(model: Model, encode: (e: Encoder) => string, right: string): { text: string; encoders: Encoder[] }[] {
	const seen = new Map<string, Encoder[]>();
	for (const encoder of ENCODERS) {
		const text = encode(encoder);
		if (text === right) continue;
		seen.set(text, [...(seen.get(text) ?? []), encoder]);
	}
	return [...seen].map(([text, encoders]) => ({ text, encoders }));
}

const labels = (encoders: Encoder[]) => encoders.map((e) => e.label).join('; or ');

/** A header's likely signed values: the common ones for its name, and the sent value's usual rewrites. */
// A Map: header names come from the user, and 'constructor' must not find Object's.
const COMMON_VALUES = new Map<string, string[]>([
	[
		'content-type',
		[
			'application/octet-stream',
			'binary/octet-stream',
			'text/plain',
			'text/plain;charset=UTF-8',
			'application/json',
			'application/x-www-form-urlencoded',
			'application/xml',
			'image/jpeg',
			'image/png',
			'application/pdf',
			'multipart/form-data',
			''
		]
	],
	['x-amz-server-side-encryption', ['AES256', 'aws:kms', 'aws:kms:dsse']],
	['x-amz-server-side-encryption-customer-algorithm', ['AES256']],
	['x-amz-server-side-encryption-bucket-key-enabled', ['true', 'false']],
	['x-amz-acl', ['private', 'public-read', 'bucket-owner-full-control']],
	['x-amz-storage-class', ['STANDARD', 'STANDARD_IA', 'INTELLIGENT_TIERING', 'GLACIER']]
]);

function rewrites(value: string): string[] {
	const out = [value.replace(/\s*;\s*charset=[^;]*/i, ''), `${value};charset=UTF-8`, `${value}; charset=utf-8`, value.toLowerCase()];
	return out.filter((v) => v !== value);
}

const SSE = /^x-amz-server-side-encryption/;
/** The signer's own headers, which a signer that also copies the request's headers signs twice. */
const OWN_HEADERS = ['x-amz-date', 'x-amz-content-sha256', 'x-amz-security-token', 'host'];

const METHODS = ['GET', 'PUT', 'HEAD', 'POST', 'DELETE'];

export const REAL_WORLD: MistakeKind[] = [
	kind(
		'presign-method',
		'canonical-request-differs',
		'canonical-request',
		['method'],
		'A presigned URL signed for another method than the one it is used with',
		'Presign the URL for the method the client uses (a PUT URL cannot be opened with GET), and use it with that method.',
		(model) =>
			model.mode !== 'query'
				? []
				: METHODS.filter((m) => m !== model.base.method).map((method) => ({
						suffix: method,
						message: `Your URL was presigned for ${method}; the request uses ${model.base.method}. A presigned URL is valid for the method it was signed with only.`,
						apply: (plan: Plan) => ({ ...plan, method })
					}))
	),
	kind(
		'query-sort',
		'query-not-sorted',
		'canonical-request',
		['query.order'],
		'Query sorted before encoding, as "key=value" strings, case-insensitively, or by name only',
		'Encode each name and value first, then sort by encoded name and, for a repeated name, by encoded value (character code order, uppercase before lowercase).',
		() =>
			ORDERS.map((o) => ({
				suffix: o.suffix,
				message: o.message,
				apply: (plan) => ({ ...plan, query: { ...plan.query, order: o.order } })
			}))
	),
	kind(
		'query-encoder',
		'query-not-encoded',
		'canonical-request',
		['query.encoding'],
		'Query encoded by a general-purpose encoder (encodeURIComponent, URLEncoder, HttpUtility, quote)',
		"Encode query names and values with SigV4's UriEncode: only A-Z a-z 0-9 - _ . ~ stay, a space is %20, hex digits uppercase.",
		(model) =>
			ENCODERS.filter((e) => e.safe !== 'all').map((encoder) => ({
				suffix: encoder.id,
				code:
					encoder.space === '+' && model.userQuery.some((p) => /%20|\+| /.test(p.key + p.value))
						? 'query-plus-for-space'
						: 'query-not-encoded',
				message: `Your signer encoded the query like ${encoder.label}, not SigV4's UriEncode (only A-Z a-z 0-9 - _ . ~ raw, space as %20, uppercase hex).`,
				apply: (plan) => ({ ...plan, query: { ...plan.query, encoding: 'canonical', encoder } })
			}))
	),
	kind(
		'path-encoder',
		'path-not-encoded',
		'canonical-request',
		['path'],
		"Path characters (* ' ( ) ! ~ space, non-ASCII) left raw or encoded by a general-purpose encoder",
		"Encode each path segment with SigV4's UriEncode: only A-Z a-z 0-9 - _ . ~ stay raw; everything else (* ' ( ) ! space, non-ASCII as UTF-8) is %XX with uppercase hex.",
		(model) => {
			if (
				canonicalPath(model.rawPath, { uriEscapePath: model.uriEscapePath, normalizePath: model.normalizePath }).value !== model.base.path
			)
				return [];
			return byOutput(model, (e) => encodedPath(model, e), model.base.path).map(({ text, encoders }) => ({
				suffix: encoders.map((e) => e.id).join('+'),
				code: pathCode(text, model.base.path),
				message: `Your signer encoded the path like ${labels(encoders)}: it signed ${text} instead of ${model.base.path}.`,
				apply: (plan: Plan) => ({ ...plan, path: text })
			}));
		}
	),
	kind(
		'header-duplicated',
		'header-values-joined-wrong',
		'canonical-request',
		[],
		'A header signed twice (two x-amz-date), or only one of two sent values signed',
		'Send and sign each header once: set x-amz-date (and the signer\'s other headers) in one place only; when a header really repeats, sign all its values joined by ",".',
		(model) => {
			const out: Variant[] = [];
			for (const name of model.base.signed) {
				const values = sentValues(model, name);
				if (values.length === 1 && OWN_HEADERS.includes(name)) {
					out.push({
						suffix: `${name}:twice`,
						touches: [`header:${name}`],
						message: `Your signer signed ${name} twice (${name}:${values[0]},${values[0]}): the request carried its own ${name} and the signer added another.`,
						apply: withValues(name, [values[0]!, values[0]!])
					});
				}
				if (values.length > 1) {
					for (const [which, v] of [
						['first', values[0]!],
						['last', values[values.length - 1]!]
					] as const)
						out.push({
							suffix: `${name}:${which}`,
							touches: [`header:${name}`],
							message: `The request carries ${name} ${values.length} times; your signer signed only the ${which} value (${v}), as a map of headers keeps one. The server signs them all, joined by ",".`,
							apply: withValues(name, [v])
						});
				}
			}
			return out;
		}
	),
	kind(
		'header-value-changed',
		'header-added-after-signing',
		'canonical-request',
		[],
		'A header signed with one value and sent with another (Content-Type on a presigned PUT), or signed and not sent',
		'Send every signed header with exactly the value that was signed (a browser or HTTP client adds "; charset=UTF-8" to Content-Type, or a default type), or sign the value the client sends.',
		(model) => {
			const out: Variant[] = [];
			for (const name of model.base.signed) {
				if (SSE.test(name)) continue;
				const values = sentValues(model, name);
				// The common values are guesses for a presigned URL (signed for a client not seen); a request
				// signed and sent by the same code is tried with the sent value's usual rewrites only.
				const common = model.mode === 'query' ? COMMON_VALUES.get(name) : undefined;
				if (!COMMON_VALUES.get(name) && !(name === 'content-type' || name.startsWith('x-amz-meta-'))) continue;
				const sent = values.length === 1 ? values[0]! : undefined;
				const candidates = new Set([...(common ?? []), ...(sent !== undefined ? rewrites(sent) : [])]);
				if (sent !== undefined) candidates.delete(sent);
				else if (values.length === 0) candidates.delete('');
				for (const value of candidates) {
					out.push({
						suffix: `${name}=${value}`,
						code: values.length === 0 ? 'signed-header-absent' : 'header-added-after-signing',
						touches: [`header:${name}`],
						message:
							values.length === 0
								? `Your signature is valid if the client sends ${name}: ${value}. Your signer signed that value, and the request does not send the header.`
								: `Your signer signed ${name}: ${value}, and the request sends ${name}: ${sent}. Your signature is valid for a request that sends the signed value.`,
						apply: withValues(name, [value])
					});
				}
			}
			return out;
		}
	),
	kind(
		'sse-signed-not-sent',
		'signed-header-absent',
		'canonical-request',
		[],
		'SSE headers signed (a presigned URL) with a value the request does not send',
		'Whoever uses the URL must send each signed x-amz-server-side-encryption* header with the signed value. S3 accepts SSE-S3/SSE-KMS headers only on PUT, POST and copy; on GET and HEAD only SSE-C sends its three headers. Otherwise presign without them.',
		(model) => {
			const out: Variant[] = [];
			const onRead = model.base.method === 'GET' || model.base.method === 'HEAD';
			for (const name of model.base.signed) {
				if (!SSE.test(name)) continue;
				const values = sentValues(model, name);
				if (values.length > 1) continue;
				for (const value of COMMON_VALUES.get(name) ?? []) {
					if (values[0] === value) continue;
					out.push({
						suffix: `${name}=${value}`,
						code: values.length === 0 ? 'signed-header-absent' : 'header-added-after-signing',
						touches: [`header:${name}`],
						message:
							(values.length === 0
								? `Your signature is right: it is valid if the client sends ${name}: ${value}. Your URL signs that header, and the request does not carry it.`
								: `Your signer signed ${name}: ${value}, and the request sends ${name}: ${values[0]}. Your signature is valid if the client sends the signed value.`) +
							(onRead && !/customer/.test(name)
								? ' If the URL is for a GET or HEAD: S3 refuses SSE-S3/SSE-KMS headers there (400), so presign it without them; only SSE-C sends its headers on a read.'
								: ''),
						apply: withValues(name, [value])
					});
				}
			}
			return out;
		}
	)
];

/** The header values a set of mistakes says the client must send for the user's signature to be valid. */
export function headersToSend(plan: Plan, base: Plan): [string, string][] {
	const values = plan.headers.signedValues ?? {};
	const before = base.headers.signedValues ?? {};
	return Object.keys(values)
		.filter((name) => values[name]!.length === 1 && values[name] !== before[name])
		.map((name) => [name, values[name]![0]!]);
}
