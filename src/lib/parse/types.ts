import type { AuthMode, HttpRequest, SigningParams } from '../sigv4/types.ts';
import type { ParseError } from './parse-error.ts';

/** The formats importText recognises. */
export type ImportKind =
	| 'raw-http'
	| 'curl'
	| 'fetch'
	| 'har'
	| 'presigned-url'
	| 'authorization-header'
	| 's3-error-xml'
	| 'service-error-text'
	| 'botocore-log'
	| 'curl-verbose'
	| 'awscurl-log'
	| 'canonical-request'
	| 'string-to-sign'
	| 'sigv2-request'
	| 'post-form'
	| 'unknown';

/** What the user's own signer produced, as far as the pasted text shows it. */
export interface ProvidedStages {
	canonicalRequest?: string;
	stringToSign?: string;
	signature?: string;
	authorization?: string;
	signedUrl?: string;
}

/** What the server said: its canonical request and string to sign, and the error's other fields. */
export interface ServerStages {
	canonicalRequest?: string;
	stringToSign?: string;
	/** The error code, e.g. SignatureDoesNotMatch, RequestTimeTooSkewed, HeadersNotSigned. */
	code?: string;
	message?: string;
	/** Every other element of the error body, by name (AWSAccessKeyId, SignatureProvided, RequestTime, …). */
	fields?: Record<string, string>;
}

/** Scope and options read from the text; credentials never include a secret (pasted text has none). */
export type ImportedParams = Partial<Omit<SigningParams, 'credentials'>> & { accessKeyId?: string; sessionToken?: string };

export interface ImportResult {
	kind: ImportKind;
	request?: HttpRequest;
	params?: ImportedParams;
	mode?: AuthMode;
	provided?: ProvidedStages;
	server?: ServerStages;
	/** What was recognised and what was left out, in plain words (e.g. "HAR: entry 3 of 7 chosen"). */
	notes: string[];
	errors: ParseError[];
}
