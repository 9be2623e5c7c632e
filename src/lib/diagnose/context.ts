import {
	AUTH_HEADER,
	GENERATED_HEADERS,
	SESSION_TOKEN_HEADER,
	serviceRules,
	type Header,
	type HttpRequest,
	type SigningParams,
	type SigningTrace,
	parseWireUrl,
	type WireUrl
} from '../sigv4/index.ts';
import { parseCanonicalRequest, type ParsedCanonicalRequest, type ParsedAuthorization, type ParsedSignedUrl } from '../parse/index.ts';
import { signerAddedHeaders } from './reference-inputs.ts';
import type { Reference } from './reference-trace.ts';
import type { UserTexts } from './user-texts.ts';
import type { Evidence } from './types.ts';
import type { UserSigned } from './user-signed-headers.ts';

/** A header the request sends. `line` is its line in the raw HTTP request; none for a header the signer adds. */
export interface SentHeader {
	name: string;
	lower: string;
	value: string;
	line?: number;
}

/** Everything the comparisons share: the evidence, the correct trace and what was read from the user's texts. */
export interface DiagnoseContext {
	evidence: Evidence;
	/** The request signed (see Reference.request). */
	request: HttpRequest;
	mode: 'header' | 'query';
	params: SigningParams;
	trace: SigningTrace;
	correct: ParsedCanonicalRequest;
	wire: WireUrl;
	/** S3-style service (single encoding, no normalization, x-amz-content-sha256). */
	s3: boolean;
	uriEscapePath: boolean;
	normalizePath: boolean;
	contentSha256Header: boolean;
	/** The user's Authorization header (given, or in the request). */
	auth?: ParsedAuthorization;
	/** The user's presigned URL parameters (given, or in the request URL). */
	url?: ParsedSignedUrl;
	user?: ParsedCanonicalRequest;
	userSigned?: UserSigned;
	/** The headers sent, the signer's own included (without line). */
	sent: SentHeader[];
	/** The request as the user sent it carries a session token (header or query), signed or not. */
	tokenInRequest: boolean;
}

/** Line of each header in the raw HTTP form: request line 1, a folded value taking more than one line. */
export function requestHeaderLines(headers: Header[]): number[] {
	const lines: number[] = [];
	let line = 2;
	for (const [, value] of headers) {
		lines.push(line);
		line += 1 + (value.match(/\n/g)?.length ?? 0);
	}
	return lines;
}

export function buildContext(evidence: Evidence, reference: Reference, parts: UserTexts): DiagnoseContext {
	const { trace, params } = reference;
	const rules = serviceRules(params.service);
	const headers = evidence.request.headers ?? [];
	const lines = requestHeaderLines(headers);
	const sent: SentHeader[] = [];
	headers.forEach(([name, value], i) => {
		const lower = name.toLowerCase();
		if (lower === AUTH_HEADER || (evidence.mode === 'query' && GENERATED_HEADERS.has(lower))) return;
		sent.push({ name, lower, value, line: lines[i]! });
	});
	const has = (lower: string) => sent.some((h) => h.lower === lower);
	const wire = parseWireUrl(evidence.request.url);
	if (!has('host')) {
		const host = trace.request.headers.find(([n]) => n.toLowerCase() === 'host');
		if (host) sent.push({ name: host[0], lower: 'host', value: host[1] });
	}
	for (const lower of signerAddedHeaders(evidence, params)) {
		if (has(lower)) continue;
		const added = trace.request.headers.find(([n]) => n.toLowerCase() === lower);
		if (added) sent.push({ name: added[0], lower, value: added[1] });
	}
	const ctx: DiagnoseContext = {
		evidence,
		request: reference.request,
		mode: evidence.mode,
		params,
		trace,
		correct: parseCanonicalRequest(trace.canonicalRequest),
		wire,
		s3: rules.s3Style,
		uriEscapePath: params.uriEscapePath ?? rules.uriEscapePath,
		normalizePath: params.normalizePath ?? rules.normalizePath,
		contentSha256Header: params.contentSha256Header ?? rules.contentSha256Header,
		sent,
		tokenInRequest: headers.some(([n]) => n.toLowerCase() === SESSION_TOKEN_HEADER) || parts.url?.securityToken !== undefined
	};
	if (parts.auth) ctx.auth = parts.auth;
	if (parts.url) ctx.url = parts.url;
	if (parts.user) ctx.user = parts.user;
	if (parts.userSigned) ctx.userSigned = parts.userSigned;
	return ctx;
}

/** The raw HTTP line of the first header of this (lowercase) name, if the request has it. */
export function requestLineOf(ctx: DiagnoseContext, lower: string): number | undefined {
	return ctx.sent.find((h) => h.lower === lower)?.line;
}
