import { AUTH_HEADER, AUTH_QUERY_PARAMS, CONTENT_SHA256_HEADER, GENERATED_HEADERS, HOST_HEADER, UNSIGNED_PAYLOAD } from './constants.ts';
import { checkHeaders, checkMethod, checkParams } from './validate.ts';
import { parseWireUrl, hostHeaderFor, formatWireUrl, type WireUrl } from './wire-url.ts';
import { splitQuery, decodedKey, canonicalQueryComponent, type RawQueryParam } from './canonical-query.ts';
import { canonicalPath } from './canonical-path.ts';
import { isNeverSigned, serviceRules, type ServiceRules } from './service-rules.ts';
import { credentialScope } from './credential-scope.ts';
import { hashBody, payloadHashProblem } from './payload-hash.ts';
import { SigningError } from './signing-error.ts';
import type { AuthMode, Header, HttpRequest, SigningParams } from './types.ts';

/** The request as the signer reads it, with the service's rules resolved (params override the service's defaults). */
export interface SigningContext extends Omit<ServiceRules, 's3Style'> {
	mode: AuthMode;
	method: string;
	url: WireUrl;
	date: string;
	scope: string;
	/** Headers to send, the signer's own still to be added. */
	headers: Header[];
	/** The request's query parameters, minus signature parameters. */
	query: RawQueryParam[];
	/** What was dropped from the pasted request, for provenance. */
	dropped: string[];
	/** The request's own x-amz-content-sha256 value, when it is well-formed. */
	contentSha256?: string;
}

/** The request read once for signing (smithy's prepareRequest): checked, its own signature dropped, the service's rules resolved. */
export function prepareRequest(req: HttpRequest, params: SigningParams, mode: AuthMode): SigningContext {
	if (!req || typeof req.url !== 'string')
		throw new SigningError('url', 'The request has no URL.', 'Give the full URL the request is sent to.');
	checkParams(params, mode);
	const method = checkMethod(req.method ?? '');
	const url = parseWireUrl(req.url);
	const given = Array.isArray(req.headers) ? req.headers : [];
	checkHeaders(given);
	if (req.body !== undefined && typeof req.body !== 'string' && !(req.body instanceof Uint8Array)) {
		throw new SigningError('body', 'The body is neither text nor bytes.', 'Give the body as a string or a Uint8Array.');
	}

	const rules = serviceRules(params.service);
	const dropped: string[] = [];
	const headers: Header[] = [];
	let contentSha256: string | undefined;
	for (const header of given) {
		const lower = header[0].toLowerCase();
		if (lower === AUTH_HEADER || (mode === 'query' && GENERATED_HEADERS.has(lower))) {
			dropped.push(`header ${header[0]}`);
			continue;
		}
		if (lower === CONTENT_SHA256_HEADER && contentSha256 === undefined && !payloadHashProblem(header[1].trim())) {
			contentSha256 = header[1].trim();
		}
		headers.push(header);
	}
	if (!headers.some(([n]) => n.toLowerCase() === HOST_HEADER)) headers.unshift(['Host', hostHeaderFor(url)]);

	const query: RawQueryParam[] = [];
	for (const param of splitQuery(url.query)) {
		if (AUTH_QUERY_PARAMS.has(decodedKey(param).toLowerCase())) dropped.push(`query ${param.key}`);
		else query.push(param);
	}

	const date = params.datetime.slice(0, 8);
	const ctx: SigningContext = {
		mode,
		method,
		url,
		date,
		scope: credentialScope(date, params.region, params.service),
		uriEscapePath: params.uriEscapePath ?? rules.uriEscapePath,
		normalizePath: params.normalizePath ?? rules.normalizePath,
		contentSha256Header: params.contentSha256Header ?? rules.contentSha256Header,
		presignUnsignedPayload: rules.presignUnsignedPayload,
		headers,
		query,
		dropped
	};
	if (contentSha256 !== undefined) ctx.contentSha256 = contentSha256;
	return ctx;
}

/** The name the core's callers know it by. */
export const createContext = prepareRequest;

/** The URL to send: the request's own, less the signature parameters dropped from it. */
export function urlWithoutDropped(ctx: SigningContext, original: string): string {
	if (!ctx.dropped.some((d) => d.startsWith('query '))) return original.trim().replace(/#[\s\S]*$/, '');
	const rest = ctx.query.map((p) => p.raw).join('&');
	return formatWireUrl(ctx.url, rest === '' ? undefined : rest);
}

export function canonicalPathFor(ctx: SigningContext) {
	return { ...canonicalPath(ctx.url.path, ctx), input: ctx.url.path || '(empty)' };
}

export function userQueryPairs(ctx: SigningContext): [string, string][] {
	return ctx.query.map((p) => [canonicalQueryComponent(p.key), canonicalQueryComponent(p.value)]);
}

export function queryRules(ctx: SigningContext, pairs: [string, string][]): string[] {
	const rules: string[] = [];
	if (pairs.length === 0) return ['no query parameters: an empty line'];
	rules.push('each key and value decoded ("+" is a space), then encoded: only A-Z a-z 0-9 - _ . ~ stay, uppercase hex');
	rules.push('sorted by encoded key, then by value; a key without "=" gets "key="');
	const droppedQuery = ctx.dropped.filter((d) => d.startsWith('query ')).map((d) => d.slice(6));
	if (droppedQuery.length) rules.push(`the request's own ${droppedQuery.join(', ')} ignored: they are what is being computed`);
	return rules;
}

/** The names to sign: the given list, or every header but the never-signed ones; host always. */
export function headersToSign(headers: Header[], params: SigningParams): Set<string> {
	const names = new Set<string>();
	if (params.signedHeaders) {
		for (const name of params.signedHeaders) names.add(name.trim().toLowerCase());
	} else {
		for (const [name] of headers) {
			const lower = name.toLowerCase();
			if (lower.startsWith('x-amz-') || !isNeverSigned(lower)) names.add(lower);
		}
	}
	names.add(HOST_HEADER);
	return names;
}

export async function payloadHashFor(
	ctx: SigningContext,
	req: HttpRequest,
	params: SigningParams
): Promise<{ value: string; input: string; rules: string[] }> {
	if (params.payloadHash !== undefined) return { value: params.payloadHash, input: 'payload hash option', rules: ['given explicitly'] };
	if (ctx.mode === 'header' && ctx.contentSha256 !== undefined) {
		return {
			value: ctx.contentSha256,
			input: `${CONTENT_SHA256_HEADER} header`,
			rules: [`the request's ${CONTENT_SHA256_HEADER} value, as the server uses it`]
		};
	}
	if (ctx.mode === 'query' && ctx.presignUnsignedPayload) {
		return {
			value: UNSIGNED_PAYLOAD,
			input: 'presigned URL',
			rules: [`S3 presigned URLs sign ${UNSIGNED_PAYLOAD}: the body is not known when the URL is made`]
		};
	}
	const size = typeof req.body === 'string' ? new TextEncoder().encode(req.body).length : (req.body?.length ?? 0);
	return {
		value: await hashBody(req.body),
		input: `body (${size} bytes)`,
		rules: [size === 0 ? 'hex SHA-256 of the empty body' : 'hex SHA-256 of the body bytes, lowercase']
	};
}
