// SigV4's fixed strings, named once (as smithy's constants.ts does): every layer imports them from here.

export const ALGORITHM = 'AWS4-HMAC-SHA256';
export const TERMINATOR = 'aws4_request';
export const KEY_PREFIX = 'AWS4';

export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

/** Seconds: a presigned URL lives at most 7 days; the page proposes one hour. */
export const MAX_EXPIRES = 604800;
export const DEFAULT_EXPIRES = 3600;

export const AUTH_HEADER = 'authorization';
export const AMZ_DATE_HEADER = 'x-amz-date';
export const SESSION_TOKEN_HEADER = 'x-amz-security-token';
export const CONTENT_SHA256_HEADER = 'x-amz-content-sha256';
export const HOST_HEADER = 'host';
export const SIGNATURE_QUERY_PARAM = 'X-Amz-Signature';
export const SESSION_TOKEN_QUERY_PARAM = 'X-Amz-Security-Token';

/** Headers that carry a signature: a signer writes them, so a pasted request's own are replaced. */
export const GENERATED_HEADERS: ReadonlySet<string> = new Set([AUTH_HEADER, AMZ_DATE_HEADER, SESSION_TOKEN_HEADER]);

/** Form fields a SigV4 POST signer writes itself, SigV2's (no place in a SigV4 form), and the file. */
export const POST_AUTH_FIELDS: ReadonlySet<string> = new Set([
	'policy',
	'x-amz-algorithm',
	'x-amz-credential',
	'x-amz-date',
	'x-amz-security-token',
	'x-amz-signature',
	'awsaccesskeyid',
	'signature',
	'file'
]);
