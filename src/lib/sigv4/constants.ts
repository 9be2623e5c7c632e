// SigV4's fixed strings, named once (as smithy's constants.ts does): every layer imports them from here.

export const ALGORITHM = 'AWS4-HMAC-SHA256';
export const TERMINATOR = 'aws4_request';
export const KEY_PREFIX = 'AWS4';

export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

/** Seconds: a presigned URL lives at most 7 days; the page proposes one hour. */
export const MAX_EXPIRES = 604800;
export const DEFAULT_EXPIRES = 3600;

// Query parameters of a presigned URL, in the case AWS writes them.
export const ALGORITHM_QUERY_PARAM = 'X-Amz-Algorithm';
export const CREDENTIAL_QUERY_PARAM = 'X-Amz-Credential';
export const AMZ_DATE_QUERY_PARAM = 'X-Amz-Date';
export const SIGNED_HEADERS_QUERY_PARAM = 'X-Amz-SignedHeaders';
export const EXPIRES_QUERY_PARAM = 'X-Amz-Expires';
export const SIGNATURE_QUERY_PARAM = 'X-Amz-Signature';
export const SESSION_TOKEN_QUERY_PARAM = 'X-Amz-Security-Token';
/** S3 Express One Zone: where the CreateSession token goes instead (see s3-express.ts). */
export const S3_SESSION_TOKEN_QUERY_PARAM = 'X-Amz-S3session-Token';

// Header names, lowercase as in the canonical request.
export const AUTH_HEADER = 'authorization';
/** The Authorization header as the signer writes it (and finds it again to replace its signature). */
export const AUTH_HEADER_AS_SENT = 'Authorization';
export const AMZ_DATE_HEADER = AMZ_DATE_QUERY_PARAM.toLowerCase();
export const SESSION_TOKEN_HEADER = SESSION_TOKEN_QUERY_PARAM.toLowerCase();
export const S3_SESSION_TOKEN_HEADER = S3_SESSION_TOKEN_QUERY_PARAM.toLowerCase();
export const CONTENT_SHA256_HEADER = 'x-amz-content-sha256';
export const HOST_HEADER = 'host';

/** Headers that carry a signature: a signer writes them, so a pasted request's own are replaced. */
export const GENERATED_HEADERS: ReadonlySet<string> = new Set([
	AUTH_HEADER,
	AMZ_DATE_HEADER,
	SESSION_TOKEN_HEADER,
	S3_SESSION_TOKEN_HEADER
]);

/** Query parameters that carry a signature (lowercase): a pasted request's own are dropped before re-signing. */
export const AUTH_QUERY_PARAMS: ReadonlySet<string> = new Set(
	[
		ALGORITHM_QUERY_PARAM,
		CREDENTIAL_QUERY_PARAM,
		AMZ_DATE_QUERY_PARAM,
		EXPIRES_QUERY_PARAM,
		SIGNED_HEADERS_QUERY_PARAM,
		SIGNATURE_QUERY_PARAM,
		SESSION_TOKEN_QUERY_PARAM,
		S3_SESSION_TOKEN_QUERY_PARAM
	].map((name) => name.toLowerCase())
);

/** Form fields a SigV4 POST signer writes itself, SigV2's (no place in a SigV4 form), and the file. */
export const POST_AUTH_FIELDS: ReadonlySet<string> = new Set([
	'policy',
	'x-amz-algorithm',
	'x-amz-credential',
	'x-amz-date',
	'x-amz-security-token',
	'x-amz-s3session-token',
	'x-amz-signature',
	'awsaccesskeyid',
	'signature',
	'file'
]);

// aws-chunked uploads: the payload line of the seed request, and the algorithms of the chunk and trailer strings to sign.
export const STREAMING_PAYLOAD = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD';
export const STREAMING_PAYLOAD_TRAILER = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER';
export const STREAMING_UNSIGNED_PAYLOAD_TRAILER = 'STREAMING-UNSIGNED-PAYLOAD-TRAILER';
export const CHUNK_ALGORITHM = 'AWS4-HMAC-SHA256-PAYLOAD';
export const TRAILER_ALGORITHM = 'AWS4-HMAC-SHA256-TRAILER';
export const AWS_CHUNKED = 'aws-chunked';
export const DECODED_LENGTH_HEADER = 'x-amz-decoded-content-length';
export const TRAILER_HEADER = 'x-amz-trailer';
export const TRAILER_SIGNATURE = 'x-amz-trailer-signature';
