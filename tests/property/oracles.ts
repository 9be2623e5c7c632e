// The three signers on one SigCase: our core, @smithy/signature-v4 (the AWS SDK for JavaScript v3
// signer) and aws4 — each configured the way ../shared/vectors/README.md ("Verified") found it
// reproduces AWS's published vectors.
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { ALGORITHM_IDENTIFIER, ALWAYS_UNSIGNABLE_HEADERS, getCanonicalHeaders, getPayloadHash, SignatureV4 } from '@smithy/signature-v4';
import aws4 from 'aws4';
import fc from 'fast-check';
import { expect } from 'vitest';
import { presignUrl, signRequest, type SigningTrace } from '../../src/lib/sigv4/index.ts';
import {
	aws4PathMode,
	caseArb,
	coreParams,
	coreRequest,
	datetimeOf,
	escapeUri,
	logicalQuery,
	mergedHeaders,
	urlHost,
	wirePath,
	wireQuery,
	wireUrl,
	type Oracle,
	type SigCase
} from './model.ts';
import { fcParams, recordCount } from './runs.ts';

export interface Signed {
	canonicalRequest: string;
	signature: string;
	/** "host;x-amz-date" */
	signedHeaders: string;
	/** Header mode. */
	authorization?: string;
	/** Header mode: the values of the headers the signer adds (lowercase names). */
	added?: Record<string, string>;
	/** Query mode: the decoded X-Amz-* parameters of the signed URL. */
	authParams?: Record<string, string>;
}

const ADDED_HEADERS = ['x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256'];
const DEFAULT_EXPIRES = 3600;

/** The X-Amz-* parameters of a URL's query, decoded. */
export function amzParams(query: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const part of query.split('&')) {
		const eq = part.indexOf('=');
		if (eq > 0 && part.startsWith('X-Amz-')) out[part.slice(0, eq)] = decodeURIComponent(part.slice(eq + 1));
	}
	return out;
}

/** Smithy's list of headers never signed, proxy-* and sec-* (our core documents the same list). */
export function neverSigned(lowerName: string): boolean {
	return Object.hasOwn(ALWAYS_UNSIGNABLE_HEADERS, lowerName) || /^(proxy-|sec-)/.test(lowerName);
}

// ---------------------------------------------------------------- our core

export async function coreSign(c: SigCase): Promise<Signed & { trace: SigningTrace }> {
	const trace = c.mode === 'header' ? await signRequest(coreRequest(c), coreParams(c)) : await presignUrl(coreRequest(c), coreParams(c));
	const out: Signed & { trace: SigningTrace } = {
		trace,
		canonicalRequest: trace.canonicalRequest,
		signature: trace.signature,
		signedHeaders: trace.signedHeaders.join(';')
	};
	if (c.mode === 'header') {
		out.authorization = trace.authorization!;
		out.added = {};
		for (const [name, value] of trace.request.headers) {
			const lower = name.toLowerCase();
			if (ADDED_HEADERS.includes(lower) && !(lower in out.added)) out.added[lower] = value;
		}
	} else {
		const url = trace.signedUrl!;
		out.authParams = amzParams(url.slice(url.indexOf('?') + 1));
	}
	return out;
}

// ---------------------------------------------------------------- @smithy/signature-v4

/** The request type smithy's signer takes and returns (@smithy/types, not a direct dependency). */
type SmithyRequest = Parameters<SignatureV4['presign']>[0];

/** Exposes smithy's own (protected) canonical request and string-to-sign builders. */
class SmithyOracle extends SignatureV4 {
	canonicalOf(request: SmithyRequest, headers: Record<string, string>, payloadHash: string): string {
		return this.createCanonicalRequest(request, headers, payloadHash);
	}
	stringToSignOf(longDate: string, scope: string, canonicalRequest: string): Promise<string> {
		return this.createStringToSign(longDate, scope, canonicalRequest, ALGORITHM_IDENTIFIER);
	}
}

/**
 * Smithy signs a request object, not a URL: path, decoded query object, one value per header.
 * - path: non-S3 (uriEscapePath: true) gets the wire path and normalizes + encodes it, as AWS does.
 *   S3 (uriEscapePath: false) signs the path given as is: it gets the object key encoded once
 *   (escapeUri of each decoded segment), which is what the S3 SDK passes it. Non-S3 with
 *   normalizePath: false: uriEscapePath: false and the wire path encoded once (the README's setting
 *   for the suite's -unnormalized cases).
 * - applyChecksum: true for S3 (and for contentSha256Header), false otherwise.
 * - presign: every header unhoistable (our core never moves headers into the query); for S3 the
 *   SDK's x-amz-content-sha256: UNSIGNED-PAYLOAD, unsignable, so that the payload line is
 *   UNSIGNED-PAYLOAD.
 * - signSessionToken: false: header mode marks x-amz-security-token unsignable; query mode signs
 *   without the token (smithy always puts it in the canonical query; the canonical request and key
 *   do not depend on it otherwise).
 * The canonical request is rebuilt with smithy's own functions from the request smithy returns, and
 * checked: its signature must equal smithy's.
 */
/** The request smithy's signers (v4 and v4a) take for a case, and the options it needs; see smithySign. */
export function smithyRequestOf(c: SigCase) {
	const token = c.credentials.sessionToken;
	const tokenUnsigned = token !== undefined && c.signSessionToken === false;
	const credentials =
		c.mode === 'query' && tokenUnsigned
			? { accessKeyId: c.credentials.accessKeyId, secretAccessKey: c.credentials.secretAccessKey }
			: { ...c.credentials };

	let path: string;
	let uriEscapePath: boolean;
	if (c.s3) {
		path = '/' + c.segments.map((s) => escapeUri(s.text)).join('/');
		uriEscapePath = false;
	} else if (c.normalizePath === false) {
		path = (wirePath(c) || '/').split('/').map(escapeUri).join('/');
		uriEscapePath = false;
	} else {
		path = wirePath(c) || '/';
		uriEscapePath = true;
	}

	const query: Record<string, string | string[]> = {};
	const pairs = logicalQuery(c);
	if (c.query?.staleSignature) pairs.push(['X-Amz-Signature', 'stale']);
	for (const [k, v] of pairs) {
		const cur = Object.hasOwn(query, k) ? query[k] : undefined;
		query[k] = cur === undefined ? v : Array.isArray(cur) ? [...cur, v] : [cur, v];
	}

	const headers: Record<string, string> = Object.fromEntries(mergedHeaders(c.headers));
	if (!Object.hasOwn(headers, 'host')) headers.host = urlHost(c);
	const unsignable = new Set<string>();
	if (c.mode === 'header' && tokenUnsigned) unsignable.add('x-amz-security-token');
	if (c.mode === 'query' && c.s3) {
		headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
		unsignable.add('x-amz-content-sha256');
	}
	const unsignableHeaders = unsignable.size > 0 ? unsignable : undefined;

	const request = new HttpRequest({
		method: c.method,
		protocol: `${c.scheme}:`,
		hostname: c.hostname,
		...(c.port === undefined ? {} : { port: Number(c.port) }),
		path,
		query,
		headers,
		body: c.body
	});
	return { request, credentials, uriEscapePath, unsignableHeaders, headers };
}

export async function smithySign(c: SigCase): Promise<Signed> {
	const { request, credentials, uriEscapePath, unsignableHeaders, headers } = smithyRequestOf(c);
	const signer = new SmithyOracle({
		service: c.service,
		region: c.region,
		credentials,
		sha256: Sha256,
		uriEscapePath,
		applyChecksum: c.s3 || c.contentSha256Header === true
	});
	const signingDate = new Date(c.epochSeconds * 1000);
	const longDate = datetimeOf(c);
	const scope = `${longDate.slice(0, 8)}/${c.region}/${c.service}/aws4_request`;

	let result: Signed;
	if (c.mode === 'header') {
		const signed = await signer.sign(request, { signingDate, ...(unsignableHeaders ? { unsignableHeaders } : {}) });
		const authorization = signed.headers['authorization']!;
		const m = /SignedHeaders=([^,]*), Signature=([0-9a-f]{64})$/.exec(authorization);
		if (!m) throw new Error(`smithy: unexpected Authorization ${authorization}`);
		const canonicalRequest = signer.canonicalOf(
			signed,
			getCanonicalHeaders(signed, unsignableHeaders),
			await getPayloadHash(signed, Sha256)
		);
		const added: Record<string, string> = {};
		for (const name of ADDED_HEADERS) if (signed.headers[name] !== undefined) added[name] = signed.headers[name]!;
		result = { canonicalRequest, signature: m[2]!, signedHeaders: m[1]!, authorization, added };
	} else {
		const unhoistableHeaders = new Set(Object.keys(headers).map((k) => k.toLowerCase()));
		const presigned = await signer.presign(request, {
			signingDate,
			expiresIn: c.expiresIn ?? DEFAULT_EXPIRES,
			unhoistableHeaders,
			...(unsignableHeaders ? { unsignableHeaders } : {})
		});
		const canonicalRequest = signer.canonicalOf(
			presigned,
			getCanonicalHeaders(presigned, unsignableHeaders),
			await getPayloadHash(request, Sha256)
		);
		const authParams: Record<string, string> = {};
		for (const [k, v] of Object.entries(presigned.query ?? {})) if (k.startsWith('X-Amz-') && typeof v === 'string') authParams[k] = v;
		result = { canonicalRequest, signature: authParams['X-Amz-Signature']!, signedHeaders: authParams['X-Amz-SignedHeaders']!, authParams };
	}
	// The rebuilt canonical request must be the one smithy signed.
	const check = await signer.sign(await signer.stringToSignOf(longDate, scope, result.canonicalRequest), { signingDate });
	if (check !== result.signature) throw new Error('smithy oracle: the rebuilt canonical request is not the one smithy signed');
	return result;
}

// ---------------------------------------------------------------- aws4

type Aws4Request = aws4.Request & { extraHeadersToIgnore?: Record<string, boolean>; extraHeadersToInclude?: Record<string, boolean> };

/**
 * aws4 signs a path string (path + '?' + query), one value per header. Configured as documented:
 * - the date as the X-Amz-Date header (header mode) or X-Amz-Date + X-Amz-Expires query parameters
 *   (query mode; aws4 has no expiry option and would default S3 to 86400).
 * - non-S3 path: see aws4PathMode (doNotEncodePath: true with a raw path, as the README found).
 * - headers: aws4's own ignore list differs (it signs cache-control, from, ...; it skips range), so
 *   extraHeadersToIgnore gets the never-signed names present and extraHeadersToInclude range.
 * - signSessionToken: false: header mode ignores x-amz-security-token; query mode signs without it.
 * Cases aws4 cannot express are constrained in model.ts (forAws4), with the reasons.
 */
export function aws4Sign(c: SigCase): Signed {
	const datetime = datetimeOf(c);
	const headers: Record<string, string> = Object.fromEntries(mergedHeaders(c.headers));
	if (!Object.hasOwn(headers, 'host')) headers.host = urlHost(c);
	if (c.mode === 'header') headers['x-amz-date'] = datetime;
	const ignore: Record<string, boolean> = Object.create(null);
	for (const name of Object.keys(headers)) if (neverSigned(name)) ignore[name] = true;
	const token = c.credentials.sessionToken;
	const tokenUnsigned = token !== undefined && c.signSessionToken === false;
	if (c.mode === 'header' && tokenUnsigned) ignore['x-amz-security-token'] = true;

	let query = wireQuery(c);
	if (c.mode === 'query')
		query = (query === undefined ? '' : query + '&') + `X-Amz-Date=${datetime}&X-Amz-Expires=${c.expiresIn ?? DEFAULT_EXPIRES}`;
	const pathMode = aws4PathMode(c);
	if (pathMode === undefined) throw new Error('aws4 cannot express this path (see forAws4)');

	const request: Aws4Request = {
		method: c.method,
		host: c.hostname,
		path: wirePath(c) + (query === undefined ? '' : '?' + query),
		headers,
		service: c.service,
		region: c.region,
		signQuery: c.mode === 'query',
		doNotEncodePath: pathMode === 'raw',
		extraHeadersToIgnore: ignore,
		extraHeadersToInclude: { range: true }
	};
	if (c.body !== undefined) request.body = typeof c.body === 'string' ? c.body : Buffer.from(c.body);
	const credentials =
		c.mode === 'query' && tokenUnsigned
			? { accessKeyId: c.credentials.accessKeyId, secretAccessKey: c.credentials.secretAccessKey }
			: { ...c.credentials };

	const signer = new aws4.RequestSigner(request, credentials);
	const canonicalRequest = signer.canonicalString();
	const signature = signer.signature();
	const signedHeaders = signer.signedHeaders();
	if (c.mode === 'header') {
		const authorization = signer.authHeader();
		const sent = signer.sign();
		const added: Record<string, string> = {};
		for (const [name, value] of Object.entries(sent.headers ?? {})) {
			const lower = name.toLowerCase();
			if (ADDED_HEADERS.includes(lower)) added[lower] = String(value);
		}
		return { canonicalRequest, signature, signedHeaders, authorization, added };
	}
	const sent = signer.sign();
	const path = sent.path ?? '';
	return { canonicalRequest, signature, signedHeaders, authParams: amzParams(path.slice(path.indexOf('?') + 1)) };
}

// ---------------------------------------------------------------- the property

const ORACLES: Record<Oracle, (c: SigCase) => Signed | Promise<Signed>> = { smithy: smithySign, aws4: aws4Sign };

/** Our core and the oracle on one case: the same canonical request, signature and Authorization / URL parameters. */
async function agree(oracle: Oracle, c: SigCase): Promise<void> {
	const [ours, theirs] = await Promise.all([coreSign(c), ORACLES[oracle](c)]);
	const where = `${c.mode} ${c.service} ${c.method} ${wireUrl(c)}`;
	expect(ours.canonicalRequest, where).toBe(theirs.canonicalRequest);
	expect(ours.signedHeaders, where).toBe(theirs.signedHeaders);
	expect(ours.signature, where).toBe(theirs.signature);
	if (c.mode === 'header') {
		expect(ours.authorization, where).toBe(theirs.authorization);
		expect(ours.added, where).toEqual(theirs.added);
		expect(ours.added!['x-amz-date']).toBe(datetimeOf(c));
	} else {
		const token = c.credentials.sessionToken;
		const expected = { ...theirs.authParams };
		// With signSessionToken: false the token still goes in the URL, unsigned (the oracle signed without it).
		if (token !== undefined) expected['X-Amz-Security-Token'] = token;
		expect(ours.authParams, where).toEqual(expected);
	}
}

/** Below this many runs (FUZZ_RUNS=…) a bucket may honestly be empty. */
const RUNS_FOR_EVERY_BUCKET = 100;

/**
 * The property: for `runs` random cases the oracle can express (model.ts), our core agrees with it.
 * Returns the cases run per mode and service kind ("header s3", "query other", …); with enough runs
 * every bucket has cases, so both modes and both kinds of service were compared.
 */
export async function oracleProperty(oracle: Oracle, runs: number): Promise<Record<string, number>> {
	const buckets: Record<string, number> = { 'header s3': 0, 'header other': 0, 'query s3': 0, 'query other': 0 };
	await fc.assert(
		fc.asyncProperty(caseArb(oracle), async (c) => {
			buckets[`${c.mode} ${c.s3 ? 's3' : 'other'}`]!++;
			await agree(oracle, c);
		}),
		fcParams(runs)
	);
	const total = Object.values(buckets).reduce((a, b) => a + b, 0);
	expect(Object.keys(buckets), 'a case outside the four buckets').toHaveLength(4);
	expect(total).toBe(runs);
	if (runs >= RUNS_FOR_EVERY_BUCKET) {
		for (const [bucket, n] of Object.entries(buckets)) expect(n, `no ${bucket} case in ${runs}`).toBeGreaterThan(0);
	}
	recordCount(oracle, total);
	return buckets;
}
