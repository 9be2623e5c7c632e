import { serviceRules, SigningError, type SigningField, type SigningParams } from '../sigv4/index.ts';
import type { Case, InputName, Tristate } from './case.ts';

/** An input the page can point an error at: a case input, or the request box for the request's parts. */
export type InputField = Extract<SigningField, InputName> | 'payloadHash' | 'request' | 'policy' | 'postFields' | 'chunkSize';

export interface FieldError {
	field: InputField;
	message: string;
	fix?: string;
}

/** Signs stages that need no secret when none is given; never shown, never compared. */
export const NO_SECRET = 'no-secret-key-given';
/** Stands in the Authorization header for an access key ID the evidence does not give; no stage depends on it. */
export const UNKNOWN_ACCESS_KEY = 'ACCESS-KEY-ID-NOT-IN-YOUR-PASTE';

/** The input a signing error points at: the request's parts are the request box, the POST fields their box. */
export function fieldOf(e: SigningError): InputField {
	switch (e.field) {
		case 'policy':
			return 'policy';
		case 'fields':
			return 'postFields';
		case 'accessKeyId':
		case 'secretAccessKey':
		case 'sessionToken':
		case 'region':
		case 'service':
		case 'datetime':
		case 'payloadHash':
		case 'signedHeaders':
		case 'expiresIn':
		case 'chunkSize':
			return e.field;
		default:
			// The method, URL, headers and body, and inputs the page has no box for (server-side encryption).
			return 'request';
	}
}

export function asFieldError(e: unknown, fallback: FieldError['field']): FieldError {
	if (e instanceof SigningError) {
		const error: FieldError = { field: fieldOf(e), message: e.message };
		if (e.fix) error.fix = e.fix;
		return error;
	}
	return { field: fallback, message: `Unexpected error: ${e instanceof Error ? e.message : String(e)}` };
}

function yesNo(value: Tristate, auto: boolean): boolean {
	return value === 'auto' ? auto : value === 'on';
}

/** True when the case has no secret key: the page shows what it can without one. */
export function needsSecret(c: Case): boolean {
	return (c.secretAccessKey ?? '') === '';
}

/** The signing parameters the case's inputs say, or the input that does not make sense. */
export function paramsOf(c: Case): SigningParams | FieldError {
	const rules = serviceRules(c.service.trim() || 's3');
	const params: SigningParams = {
		credentials: {
			accessKeyId: c.accessKeyId.trim() || (c.origins.accessKeyId?.from === 'unknown' ? UNKNOWN_ACCESS_KEY : ''),
			secretAccessKey: c.secretAccessKey || NO_SECRET
		},
		region: c.region.trim(),
		service: c.service.trim(),
		datetime: c.datetime.trim(),
		uriEscapePath: yesNo(c.uriEscapePath, rules.uriEscapePath),
		normalizePath: yesNo(c.normalizePath, rules.normalizePath),
		contentSha256Header: yesNo(c.contentSha256Header, rules.contentSha256Header)
	};
	const token = (c.sessionToken ?? '').trim();
	if (token) params.credentials.sessionToken = token;
	if (c.payload === 'unsigned') params.payloadHash = 'UNSIGNED-PAYLOAD';
	else if (c.payloadHash.trim()) params.payloadHash = c.payloadHash.trim();
	// A file body stands in for the request's body; a presigned URL that the service leaves unsigned stays so.
	else if (c.bodyFile && (c.mode !== 'query' || !rules.presignUnsignedPayload)) params.payloadHash = c.bodyFile.sha256;
	const names = c.signedHeaders
		.split(/[;,\s]+/)
		.map((n) => n.trim())
		.filter(Boolean);
	if (names.length > 0) params.signedHeaders = names;
	if (c.mode === 'query') {
		const text = c.expiresIn.trim();
		if (!/^\d+$/.test(text)) {
			return { field: 'expiresIn', message: `"${text}" is not a whole number of seconds.`, fix: 'Use 1 to 604800 (7 days).' };
		}
		params.expiresIn = Number(text);
	}
	return params;
}
