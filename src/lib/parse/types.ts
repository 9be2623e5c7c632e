import type { AuthMode, HttpRequest, SigningParams } from '../sigv4/index.ts';
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
	| 'service-error-xml'
	| 'service-error-text'
	| 'botocore-log'
	| 'curl-verbose'
	| 'awscurl-log'
	| 'canonical-request'
	| 'string-to-sign'
	| 'sigv2-request'
	| 'post-form'
	| 'signing-keys'
	| 'appsync-realtime'
	/** A login token: EKS k8s-aws-v1., RDS / Aurora DSQL / MSK IAM auth token, Neptune Bolt token. */
	| 'auth-token'
	| 'unknown';

/** What the user's own signer produced, as far as the pasted text shows it. */
export interface ProvidedStages {
	canonicalRequest?: string;
	stringToSign?: string;
	signature?: string;
	authorization?: string;
	signedUrl?: string;
	/** A login token as pasted (EKS, RDS, DSQL, MSK, Neptune): its shape is checked beside the request it decodes to. */
	token?: string;
	/** The user's own signing-key chain, as hex, where the paste lists it (kDate: …, kRegion: …). */
	signingKeys?: SigningKeys;
}

/** The four keys of the SigV4 chain, as lowercase hex; each only when the paste gives it. */
export interface SigningKeys {
	kDate?: string;
	kRegion?: string;
	kService?: string;
	kSigning?: string;
}

/** The fields an import can say the source of. */
export type OriginField =
	'request' | 'region' | 'service' | 'datetime' | 'accessKeyId' | 'sessionToken' | 'expiresIn' | 'mode' | 'payloadHash' | 'signedHeaders';

/**
 * Where a field was read: `from` names the text in plain words ("the server's string to sign",
 * "your canonical request", "the Authorization header", "the error message"); `line` is the
 * 1-based line of the pasted text the value sits on.
 */
export interface FieldOrigin {
	from: string;
	line?: number;
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

/** A form field or query/body parameter as pasted: name keeps its case, order and duplicates kept. */
export type FormField = [name: string, value: string];

/** One request of a HAR file, so a UI can offer the choice (importText(text, { harEntry: index })). */
export interface HarEntrySummary {
	/** 0-based position in log.entries. */
	index: number;
	method: string;
	url: string;
	/** The response status, when the HAR has one. */
	status?: number;
	/** True when the request carries an AWS SigV4 signature (Authorization header or X-Amz-Signature). */
	signed: boolean;
}

export interface ImportOptions {
	/** HAR only: the 0-based entry to import instead of the one chosen automatically. */
	harEntry?: number;
}

export interface ImportResult {
	kind: ImportKind;
	request?: HttpRequest;
	params?: ImportedParams;
	mode?: AuthMode;
	provided?: ProvidedStages;
	server?: ServerStages;
	/** HAR only: every entry, in order (the one imported is named in the notes). */
	entries?: HarEntrySummary[];
	/** HAR only: when the imported entry was sent (its startedDateTime), as a SigV4 datetime. */
	sentAt?: string;
	/** Browser POST upload: the form fields, in order (file contents left out). */
	form?: FormField[];
	/**
	 * Signature Version 2 fields found anywhere in the text (AWSAccessKeyId, Signature, Expires,
	 * SignatureVersion, an "AWS AKID:sig" Authorization header…), so a diagnosis can name them even
	 * when they sit next to SigV4 ones.
	 */
	sigv2Fields?: FormField[];
	/** For each field read from the text, the first source that gave it (the one kept). */
	origins?: Partial<Record<OriginField, FieldOrigin>>;
	/** What was recognised and what was left out, in plain words (e.g. "HAR: entry 3 of 7 chosen"). */
	notes: string[];
	errors: ParseError[];
}
