import { splitQuery } from './canonical-query.ts';
import { percentDecode, toBase64, uriEncode, utf8Bytes } from './encoding.ts';
import type { Credentials, Header, HttpRequest } from './types.ts';
import { formatWireUrl, hostHeaderFor, parseWireUrl, type WireUrl } from './wire-url.ts';

/**
 * Signature Version 2, two flavors: S3's REST form (HMAC-SHA1 over method, Content-MD5,
 * Content-Type, Date or Expires, the x-amz-* headers and the resource; "Signing and authenticating
 * REST requests (AWS signature version 2)") and the query APIs' form (SignatureVersion=2,
 * HmacSHA256 over method, host, path and the sorted query; "Signature Version 2 signing process").
 */
export interface SigningParamsV2 {
	credentials: Credentials;
	flavor: 's3' | 'query';
	/** S3: the Date header to sign and send (RFC 1123); default: the request's Date header. */
	date?: string;
	/** S3 query-string authentication: the Expires time in seconds since the epoch (a presigned URL). */
	expires?: number;
	/** Query APIs: the Timestamp parameter (ISO 8601); default: the request's Timestamp. */
	timestamp?: string;
	/** Query APIs: HmacSHA256 (default) or HmacSHA1. */
	signatureMethod?: 'HmacSHA256' | 'HmacSHA1';
}

export interface SigningTraceV2 {
	flavor: 's3' | 'query';
	/** header: an Authorization header (S3); query: the signature in the URL or form body. */
	mode: 'header' | 'query';
	algorithm: 'HmacSHA1' | 'HmacSHA256';
	stringToSign: string;
	/** S3: the x-amz-* headers as signed, and the resource (bucket, key, sub-resources). */
	canonicalizedAmzHeaders?: string;
	canonicalizedResource?: string;
	/** Query APIs: the sorted, encoded parameters as signed. */
	canonicalizedQuery?: string;
	/** base64 */
	signature: string;
	authorization?: string;
	signedUrl?: string;
	request: HttpRequest;
}

/** Query parameters that name an S3 sub-resource and so are part of the resource signed (botocore HmacV1Auth). */
export const S3_SUB_RESOURCES: ReadonlySet<string> = new Set([
	'accelerate',
	'acl',
	'analytics',
	'cors',
	'delete',
	'inventory',
	'lifecycle',
	'location',
	'logging',
	'metrics',
	'notification',
	'object-lock',
	'partNumber',
	'policy',
	'replication',
	'requestPayment',
	'response-cache-control',
	'response-content-disposition',
	'response-content-encoding',
	'response-content-language',
	'response-content-type',
	'response-expires',
	'restore',
	'select',
	'select-type',
	'tagging',
	'torrent',
	'uploadId',
	'uploads',
	'versionId',
	'versioning',
	'versions',
	'website'
]);

const decode = (text: string) => new TextDecoder().decode(percentDecode(text, false));

async function hmacBase64(algorithm: 'SHA-1' | 'SHA-256', secret: string, data: string): Promise<string> {
	const key = await crypto.subtle.importKey('raw', utf8Bytes(secret) as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: algorithm }, false, [
		'sign'
	]);
	return toBase64(new Uint8Array(await crypto.subtle.sign('HMAC', key, utf8Bytes(data) as Uint8Array<ArrayBuffer>)));
}

/** A header value on one line: folded lines joined by one space, ends trimmed (split, not a regex that backtracks on long blanks). */
function unfold(value: string): string {
	return value
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line !== '')
		.join(' ');
}

function headerValue(headers: Header[], lower: string): string | undefined {
	const found = headers.find(([n]) => n.toLowerCase() === lower);
	return found === undefined ? undefined : unfold(found[1]);
}

/** The bucket a host names: bucket.s3[.-region].amazonaws.com, or the whole host of a CNAME; none for s3.amazonaws.com itself. */
export function bucketOfHost(hostname: string): string | undefined {
	const host = hostname.toLowerCase();
	if (!/\.amazonaws\.com(\.cn)?$/.test(host)) return host;
	const labels = host.split('.');
	const at = labels.findIndex((l) => l === 's3' || l.startsWith('s3-'));
	if (at <= 0) return undefined;
	// AWS's own example writes awsexamplebucket1.us-west-1.s3.amazonaws.com: the region label is not the bucket's.
	const before = labels.slice(0, at);
	if (before.length > 1 && /^[a-z]{2}(-[a-z]+)+-\d+$/.test(before[before.length - 1]!)) before.pop();
	return before.join('.');
}

/** x-amz-* headers: lowercase names, sorted, repeated ones joined with ",", values unfolded and trimmed. */
function amzHeaders(headers: Header[]): string {
	const byName = new Map<string, string[]>();
	for (const [name, value] of headers) {
		const lower = name.trim().toLowerCase();
		if (!lower.startsWith('x-amz-')) continue;
		byName.set(lower, [...(byName.get(lower) ?? []), unfold(value)]);
	}
	return [...byName.keys()]
		.sort()
		.map((name) => `${name}:${byName.get(name)!.join(',')}\n`)
		.join('');
}

function s3Resource(url: WireUrl): string {
	const bucket = bucketOfHost(url.hostname);
	const path = url.path === '' ? '/' : url.path;
	const subs = splitQuery(url.query)
		.filter((p) => S3_SUB_RESOURCES.has(decode(p.key)))
		.map((p) => ({ key: decode(p.key), text: p.hasEquals ? `${decode(p.key)}=${decode(p.value)}` : decode(p.key) }))
		.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
		.map((p) => p.text);
	return `${bucket !== undefined ? `/${bucket}` : ''}${path}${subs.length > 0 ? `?${subs.join('&')}` : ''}`;
}

async function signS3(req: HttpRequest, params: SigningParamsV2): Promise<SigningTraceV2> {
	const url = parseWireUrl(req.url);
	const { accessKeyId, secretAccessKey, sessionToken } = params.credentials;
	const presign = params.expires !== undefined;
	let headers: Header[] = req.headers.filter(([n]) => n.toLowerCase() !== 'authorization');
	if (params.date !== undefined && !presign) headers = [...headers.filter(([n]) => n.toLowerCase() !== 'date'), ['Date', params.date]];
	if (sessionToken && !presign && headerValue(headers, 'x-amz-security-token') === undefined)
		headers.push(['x-amz-security-token', sessionToken]);
	// With x-amz-date the Date position is empty: x-amz-date is signed among the x-amz-* headers.
	const date = presign
		? String(params.expires)
		: headerValue(headers, 'x-amz-date') !== undefined
			? ''
			: (headerValue(headers, 'date') ?? '');
	const canonicalizedAmzHeaders = presign ? '' : amzHeaders(headers);
	const canonicalizedResource = s3Resource(url);
	const stringToSign = [
		req.method.toUpperCase(),
		headerValue(headers, 'content-md5') ?? '',
		headerValue(headers, 'content-type') ?? '',
		date,
		''
	]
		.join('\n')
		.concat(canonicalizedAmzHeaders, canonicalizedResource);
	const signature = await hmacBase64('SHA-1', secretAccessKey, stringToSign);
	const base = {
		flavor: 's3' as const,
		algorithm: 'HmacSHA1' as const,
		stringToSign,
		canonicalizedAmzHeaders,
		canonicalizedResource,
		signature
	};
	if (presign) {
		const extra = `AWSAccessKeyId=${uriEncode(accessKeyId)}&Expires=${params.expires}&Signature=${uriEncode(signature)}${sessionToken ? `&x-amz-security-token=${uriEncode(sessionToken)}` : ''}`;
		const signedUrl = formatWireUrl(url, url.query ? `${url.query}&${extra}` : extra);
		return { ...base, mode: 'query', signedUrl, request: { ...req, url: signedUrl, headers } };
	}
	const authorization = `AWS ${accessKeyId}:${signature}`;
	return { ...base, mode: 'header', authorization, request: { ...req, headers: [...headers, ['Authorization', authorization]] } };
}

const AUTH_PARAMS = new Set(['Signature', 'AWSAccessKeyId', 'SignatureMethod', 'SignatureVersion', 'SecurityToken']);

async function signQuery(req: HttpRequest, params: SigningParamsV2): Promise<SigningTraceV2> {
	const url = parseWireUrl(req.url);
	const method = req.method.toUpperCase();
	const form = method === 'POST' && typeof req.body === 'string' && !url.query;
	const source = form ? (req.body as string) : url.query;
	const given = splitQuery(source).map((p) => [decode(p.key.replace(/\+/g, ' ')), decode(p.value.replace(/\+/g, ' '))] as [string, string]);
	const kept = given.filter(([n]) => !AUTH_PARAMS.has(n));
	const { accessKeyId, secretAccessKey, sessionToken } = params.credentials;
	const signatureMethod = params.signatureMethod ?? 'HmacSHA256';
	const timestamp = params.timestamp ?? given.find(([n]) => n === 'Timestamp')?.[1];
	const all: [string, string][] = [
		...kept.filter(([n]) => n !== 'Timestamp'),
		['AWSAccessKeyId', accessKeyId],
		['SignatureMethod', signatureMethod],
		['SignatureVersion', '2'],
		...(timestamp !== undefined && !kept.some(([n]) => n === 'Expires') ? [['Timestamp', timestamp] as [string, string]] : []),
		...(sessionToken ? [['SecurityToken', sessionToken] as [string, string]] : [])
	];
	const encoded = all.map(([n, v]) => [uriEncode(n), uriEncode(v)] as const);
	const canonicalizedQuery = encoded
		.slice()
		.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
		.map(([n, v]) => `${n}=${v}`)
		.join('&');
	const host = (headerValue(req.headers, 'host') ?? hostHeaderFor(url)).toLowerCase();
	const stringToSign = `${method}\n${host}\n${url.path === '' ? '/' : url.path}\n${canonicalizedQuery}`;
	const signature = await hmacBase64(signatureMethod === 'HmacSHA1' ? 'SHA-1' : 'SHA-256', secretAccessKey, stringToSign);
	const signedQuery = `${canonicalizedQuery}&Signature=${uriEncode(signature)}`;
	const signedUrl = form ? formatWireUrl(url, url.query) : formatWireUrl(url, signedQuery);
	const request: HttpRequest = form ? { ...req, body: signedQuery } : { ...req, url: signedUrl };
	return { flavor: 'query', mode: 'query', algorithm: signatureMethod, stringToSign, canonicalizedQuery, signature, signedUrl, request };
}

/** Signs a request with Signature Version 2, S3's or the query APIs' flavor, and shows every part. */
export function signV2(req: HttpRequest, params: SigningParamsV2): Promise<SigningTraceV2> {
	return params.flavor === 's3' ? signS3(req, params) : signQuery(req, params);
}
