import { SESSION_TOKEN_HEADER, SESSION_TOKEN_QUERY_PARAM } from '../sigv4/index.ts';
import type { HttpRequest } from '../sigv4/index.ts';
import { parseAuthorization } from './authorization-header.ts';
import { DATETIME_SHAPE, parseCredential } from './credential-scope.ts';
import { scopeFromHost } from './host-scope.ts';
import type { ImportBuilder } from './import-builder.ts';
import { findParam, hostOf, queryOf, queryParams, type QueryParam } from './query-params.ts';
import { sigv2FieldsOf } from './sigv2-fields.ts';

const PRESIGN_PARAMS = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders', 'X-Amz-Signature'];

function header(request: HttpRequest, name: string): string | undefined {
	const lower = name.toLowerCase();
	const found = request.headers.find(([n]) => n.toLowerCase() === lower);
	return found?.[1].replace(/\r?\n[ \t]+/g, ' ').trim();
}

/**
 * Reads the signature evidence a request carries: the Authorization header (SigV4, SigV4a or
 * SigV2), the X-Amz-* query parameters of a presigned URL, X-Amz-Date, the session token, and any
 * SigV2 fields in the query or a form body. `source` names the format in notes ("the curl command").
 */
export function addRequestEvidence(b: ImportBuilder, request: HttpRequest, source: string, searchFrom = 0): void {
	const authorization = header(request, 'authorization');
	if (authorization !== undefined) {
		const at = b.locate(authorization.trim().slice(0, 40), b.locate('uthorization', 0, searchFrom), searchFrom);
		b.within('the Authorization header', at, () => addAuthorization(b, authorization, source, searchFrom));
	}

	const params = queryParams(queryOf(request.url));
	addPresignParams(b, request.url, params, searchFrom);
	if (b.mode === 'query' && authorization !== undefined) {
		b.note('The request has both an Authorization header and X-Amz-Signature in its URL; AWS accepts only one of them.');
	}

	const token = header(request, SESSION_TOKEN_HEADER);
	if (token !== undefined) b.setParam('sessionToken', token, 'the X-Amz-Security-Token header');

	const amzDate = header(request, 'x-amz-date');
	if (amzDate !== undefined) setDatetime(b, amzDate, 'the X-Amz-Date header');
	else if (b.mode === 'header') {
		const date = header(request, 'date');
		if (date !== undefined) {
			const parsed = Date.parse(date);
			if (Number.isFinite(parsed)) {
				b.setParam('datetime', new Date(parsed).toISOString().replace(/[-:]|\.\d+/g, ''), 'the Date header');
				b.note(`No X-Amz-Date header: the time is taken from the Date header ("${date}"), as AWS does.`);
			}
		}
	}

	const v2 = sigv2FieldsOf(params.map((p) => [p.name, p.value]));
	if (typeof request.body === 'string' && /^[\w.-]+=[^&]*(&[\w.-]+=[^&]*)*$/.test(request.body.trim())) {
		v2.push(...sigv2FieldsOf(queryParams(request.body.trim(), true).map((p): [string, string] => [p.name, p.value])));
	}
	for (const [name, value] of v2) {
		b.addSigv2Field(name, value);
		if (name.toLowerCase() === 'awsaccesskeyid') b.setParam('accessKeyId', value, name);
	}

	const host = hostOf(request.url) ?? header(request, 'host');
	if (host && (b.params.region === undefined || b.params.service === undefined) && b.mode !== undefined) {
		const guess = scopeFromHost(host);
		if (guess.region && b.params.region === undefined) b.setParam('region', guess.region, `the host name ${host}`);
		if (guess.service && b.params.service === undefined) b.setParam('service', guess.service, `the host name ${host}`);
		if (guess.region || guess.service) b.note(`Region and service not in the text: guessed from the host name ${host}.`);
	}
}

function setDatetime(b: ImportBuilder, value: string, source: string): void {
	if (DATETIME_SHAPE.test(value)) b.setParam('datetime', value, source);
	else if (/^\d{8}T/.test(value.trim())) {
		// Kept as typed (never replaced by a default): the diagnosis names the malformed timestamp the server refused.
		b.setParam('datetime', value.trim(), source);
		b.note(`${source} is "${value}", not in the YYYYMMDD'T'HHMMSS'Z' form; it is kept as sent, and the comparison names it.`);
	} else b.note(`${source} is "${value}", not in the YYYYMMDD'T'HHMMSS'Z' form; the time is left for you to set.`);
}

function addAuthorization(b: ImportBuilder, value: string, source: string, searchFrom: number): void {
	const parsed = parseAuthorization(value);
	const at = b.locate(value.trim().slice(0, 40), b.locate('uthorization', 0, searchFrom), searchFrom);
	for (const p of parsed.problems) b.error(at + Math.max(0, p.index - (value.length - value.trimStart().length)), p.message, p.fix);
	if (parsed.kind === 'other') {
		b.note(`The Authorization header uses "${parsed.scheme}", not AWS Signature Version 4; it is kept as an ordinary header.`);
		return;
	}
	b.setProvided('authorization', value.trim(), source);
	if (parsed.sigv2) {
		b.addSigv2Field('Authorization', value.trim());
		b.setParam('accessKeyId', parsed.sigv2.accessKeyId, 'the SigV2 Authorization header');
		b.note(
			'The Authorization header is "AWS AKID:signature": Signature Version 2. S3 rejects SigV2 in regions opened after 2014 and for SSE-KMS; sign with SigV4 (AWS4-HMAC-SHA256) instead.'
		);
		return;
	}
	b.setMode('header', 'The Authorization header');
	if (parsed.kind === 'sigv4a') {
		b.note('The Authorization header is SigV4a (AWS4-ECDSA-P256-SHA256): the scope has no region; the region set is in X-Amz-Region-Set.');
	}
	const cred = parsed.scope;
	if (cred) {
		b.setParam('accessKeyId', cred.accessKeyId, 'the Authorization header');
		if (cred.region !== undefined) b.setParam('region', cred.region, 'the credential scope');
		b.setParam('service', cred.service, 'the credential scope');
	}
	if (parsed.signedHeaders !== undefined) b.setParam('signedHeaders', parsed.signedHeaders.split(';'), 'SignedHeaders');
	b.setProvided('signature', parsed.signature, source);
}

function addPresignParams(b: ImportBuilder, url: string, params: QueryParam[], searchFrom: number): void {
	const present = PRESIGN_PARAMS.filter((name) => findParam(params, name));
	const hasSigV4 = present.length > 0 || findParam(params, SESSION_TOKEN_QUERY_PARAM) !== undefined;
	if (!hasSigV4) return;
	const urlAt = b.locate(url.slice(0, 60), 0, searchFrom);
	const missing = PRESIGN_PARAMS.filter((name) => !present.includes(name));
	if (missing.length > 0 && findParam(params, 'X-Amz-Signature')) {
		b.error(
			urlAt,
			`The presigned URL has no ${missing.join(', ')}.`,
			'Query-string authentication needs X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date, X-Amz-Expires, X-Amz-SignedHeaders and X-Amz-Signature.'
		);
	}
	if (!findParam(params, 'X-Amz-Signature') && !findParam(params, 'X-Amz-Credential')) return;
	b.within('the presigned URL', urlAt, () => {
		b.setMode('query', 'The X-Amz-* parameters of the URL');
		b.setProvided('signedUrl', url.trim(), 'the URL');
		b.setProvided('signature', findParam(params, 'X-Amz-Signature')?.value, 'X-Amz-Signature');
		addPresignScope(b, params, urlAt);
	});
}

/** Scope, time, expiry, signed headers and token from X-Amz-* query parameters. */
export function addPresignScope(b: ImportBuilder, params: QueryParam[], at: number): void {
	const algorithm = findParam(params, 'X-Amz-Algorithm')?.value;
	const credential = findParam(params, 'X-Amz-Credential');
	if (credential) {
		const parsed = parseCredential(credential.value, algorithm === 'AWS4-ECDSA-P256-SHA256');
		if (parsed) {
			b.setParam('accessKeyId', parsed.accessKeyId, 'X-Amz-Credential');
			if (parsed.region !== undefined) b.setParam('region', parsed.region, 'X-Amz-Credential');
			b.setParam('service', parsed.service, 'X-Amz-Credential');
		} else {
			b.error(
				b.locate(credential.rawValue, at, at),
				`X-Amz-Credential "${credential.value}" should be AKID/YYYYMMDD/region/service/aws4_request.`,
				'Encode each "/" of the credential as %2F and put all five parts in it.'
			);
		}
	}
	const date = findParam(params, 'X-Amz-Date')?.value;
	if (date !== undefined) setDatetime(b, date, 'X-Amz-Date');
	const expires = findParam(params, 'X-Amz-Expires')?.value;
	if (expires !== undefined) {
		if (/^\d{1,9}$/.test(expires)) b.setParam('expiresIn', Number(expires), 'X-Amz-Expires');
		else b.note(`X-Amz-Expires is "${expires}", not a number of seconds.`);
	}
	const signed = findParam(params, 'X-Amz-SignedHeaders')?.value;
	if (signed !== undefined && signed !== '') b.setParam('signedHeaders', signed.split(';'), 'X-Amz-SignedHeaders');
	const token = findParam(params, SESSION_TOKEN_QUERY_PARAM)?.value;
	if (token !== undefined) b.setParam('sessionToken', token, 'X-Amz-Security-Token');
}
