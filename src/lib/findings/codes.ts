/** The text a finding is about: the request, one of the signature's stages, or the credentials. */
export type Stage = 'request' | 'canonical-request' | 'string-to-sign' | 'signing-key' | 'signature' | 'authorization' | 'credentials';

/**
 * Every finding the debugger can report. The codes are part of the product's contract (tests,
 * docs and links use them): add codes, never rename one. `cause` points at the research catalogue
 * (../shared/research/anchors-features.md §2) row it comes from.
 */
export const FINDING_CODES = {
	// Canonical URI
	'path-not-double-encoded': { stage: 'canonical-request', title: 'Path encoded once; this service encodes it twice', cause: 1 },
	'path-double-encoded': { stage: 'canonical-request', title: 'S3 path encoded twice; S3 encodes it once', cause: 1 },
	's3-path-normalized': { stage: 'canonical-request', title: 'S3 path normalized; S3 signs it as sent', cause: 2 },
	'path-not-normalized': { stage: 'canonical-request', title: 'Path not normalized; this service removes dot segments and "//"', cause: 3 },
	'plus-in-s3-key': { stage: 'canonical-request', title: '"+" in an S3 key signed as a space', cause: 4 },
	'path-not-encoded': { stage: 'canonical-request', title: 'Reserved characters left unencoded in the path', cause: 6 },
	'slash-encoded-in-s3-key': { stage: 'canonical-request', title: 'The "/" of an S3 key encoded as %2F', cause: 1 },
	'unreserved-encoded': { stage: 'canonical-request', title: 'Unreserved characters (~ - _ .) percent-encoded', cause: 7 },
	'percent-hex-lowercase': { stage: 'canonical-request', title: 'Percent-encoding in lowercase hex', cause: 8 },
	// Canonical query
	'query-not-sorted': { stage: 'canonical-request', title: 'Query parameters not sorted', cause: 10 },
	'query-not-encoded': { stage: 'canonical-request', title: 'Query parameters not encoded', cause: 13 },
	'query-plus-for-space': { stage: 'canonical-request', title: 'Space encoded as "+" in the query', cause: 5 },
	'query-missing-equals': { stage: 'canonical-request', title: 'Query parameter without "="', cause: 12 },
	// Canonical headers
	'headers-not-sorted': { stage: 'canonical-request', title: 'Canonical headers not sorted', cause: 16 },
	'header-name-not-lowercase': { stage: 'canonical-request', title: 'Header names not lowercase', cause: 15 },
	'header-value-not-trimmed': { stage: 'canonical-request', title: 'Header values not trimmed or collapsed', cause: 17 },
	'header-values-joined-wrong': { stage: 'canonical-request', title: 'Repeated or folded header joined wrongly', cause: 18 },
	'signed-headers-mismatch': { stage: 'canonical-request', title: 'SignedHeaders differs from the canonical headers', cause: 19 },
	'signed-header-absent': { stage: 'request', title: 'A header named in SignedHeaders is not in the request', cause: 19 },
	'x-amz-header-not-signed': { stage: 'request', title: 'An x-amz-* header is sent but not signed', cause: 50 },
	'header-added-after-signing': { stage: 'request', title: 'A header was added or changed after signing', cause: 22 },
	'host-port-mismatch': { stage: 'canonical-request', title: 'Host port differs from what is sent', cause: 20 },
	'host-mismatch': { stage: 'canonical-request', title: 'Signed host differs from the host the server saw', cause: 21 },
	'host-not-signed': { stage: 'canonical-request', title: 'The host header is not signed', cause: 19 },
	'header-value-non-ascii': { stage: 'request', title: 'A signed header value has non-ASCII characters', cause: 24 },
	'lone-surrogate': { stage: 'request', title: 'Half of a UTF-16 surrogate pair in the request, signed as U+FFFD', cause: 24 },
	'unsignable-header-signed': {
		stage: 'canonical-request',
		title: 'A header that proxies change (Expect, User-Agent, …) is signed',
		cause: 23
	},
	// Payload
	'payload-hash-mismatch': { stage: 'canonical-request', title: 'Payload hash does not match the body', cause: 26 },
	'payload-hash-missing': { stage: 'request', title: 'x-amz-content-sha256 missing or unsigned', cause: 25 },
	'payload-hash-base64': { stage: 'canonical-request', title: 'Payload hash in base64, not hex', cause: 28 },
	'payload-hash-uppercase': { stage: 'canonical-request', title: 'Payload hash in uppercase hex', cause: 28 },
	'unsigned-payload-misuse': {
		stage: 'canonical-request',
		title: 'UNSIGNED-PAYLOAD used where it does not apply (or missing where it does)',
		cause: 29
	},
	// Text shape
	'crlf-line-endings': { stage: 'canonical-request', title: 'CRLF line endings; SigV4 joins lines with LF', cause: 0 },
	'missing-blank-line': { stage: 'canonical-request', title: 'No blank line after the canonical headers', cause: 0 },
	'query-line-missing': {
		stage: 'canonical-request',
		title: 'No line for the query string (it must be there, empty when there is no query)',
		cause: 0
	},
	'trailing-newline': { stage: 'canonical-request', title: 'A line break after the last line', cause: 0 },
	'canonical-request-differs': { stage: 'canonical-request', title: 'A line of the canonical request differs (no known cause)', cause: 0 },
	'method-not-uppercase': { stage: 'canonical-request', title: 'HTTP method not uppercase', cause: 47 },
	// Date and time
	'timestamp-12-hour-clock': { stage: 'string-to-sign', title: '12-hour clock in the timestamp', cause: 32 },
	'timestamp-malformed': { stage: 'string-to-sign', title: 'Timestamp not in YYYYMMDDTHHMMSSZ form', cause: 33 },
	'timestamp-mismatch': { stage: 'string-to-sign', title: 'Timestamp differs from X-Amz-Date', cause: 34 },
	'timestamp-scope-date-mismatch': { stage: 'string-to-sign', title: 'Credential scope date differs from X-Amz-Date', cause: 34 },
	'clock-skew': { stage: 'request', title: 'Request time more than 15 minutes from the server', cause: 35 },
	'presign-expired': { stage: 'request', title: 'Presigned URL expired or not yet valid', cause: 36 },
	'presign-expires-too-long': { stage: 'request', title: 'X-Amz-Expires over 604800 seconds (7 days)', cause: 37 },
	'session-token-missing': { stage: 'request', title: 'Session token missing', cause: 49 },
	'session-token-added-after-signing': { stage: 'request', title: 'Session token added after signing', cause: 49 },
	// String to sign
	'hash-base64-not-hex': { stage: 'string-to-sign', title: 'Canonical request hash in base64, not hex', cause: 28 },
	'hex-uppercase': { stage: 'string-to-sign', title: 'Hex in uppercase; SigV4 uses lowercase hex', cause: 46 },
	'raw-canonical-request-in-sts': {
		stage: 'string-to-sign',
		title: 'The canonical request itself, not its hash, in the string to sign',
		cause: 28
	},
	'string-to-sign-differs': { stage: 'string-to-sign', title: 'A line of the string to sign differs (no known cause)', cause: 0 },
	'algorithm-line-wrong': { stage: 'string-to-sign', title: 'First line of the string to sign is not AWS4-HMAC-SHA256', cause: 0 },
	'scope-region-mismatch': { stage: 'string-to-sign', title: 'Wrong region in the credential scope', cause: 39 },
	'scope-service-mismatch': { stage: 'string-to-sign', title: 'Wrong service in the credential scope', cause: 40 },
	'host-signs-as': {
		stage: 'request',
		title: 'This host signs with another service name (the registry knows its signing name)',
		cause: 40
	},
	'service-signs-in-fixed-region': {
		stage: 'request',
		title: 'A global service signed in the client region; it signs in one fixed region (IAM: us-east-1)',
		cause: 39
	},
	'scope-terminator-wrong': { stage: 'string-to-sign', title: 'Credential scope does not end in aws4_request', cause: 0 },
	// Keys and signature
	'signing-key-missing-aws4-prefix': { stage: 'signing-key', title: 'Signing key derived without the "AWS4" prefix', cause: 45 },
	'hmac-key-data-swapped': { stage: 'signing-key', title: 'HMAC key and data swapped', cause: 45 },
	'hex-intermediate-keys': { stage: 'signing-key', title: 'Hex strings used as intermediate keys', cause: 45 },
	'signing-key-step-skipped': { stage: 'signing-key', title: 'The "aws4_request" step of the signing key skipped', cause: 45 },
	'signature-base64': { stage: 'signature', title: 'Signature in base64, not hex', cause: 46 },
	'wrong-secret-key': { stage: 'signing-key', title: 'Every string matches; the secret key differs', cause: 44 },
	'secret-key-whitespace': { stage: 'credentials', title: 'White space around the access key or secret', cause: 44 },
	'authorization-malformed': { stage: 'authorization', title: 'Authorization header malformed', cause: 48 },
	'signature-mismatch': {
		stage: 'signature',
		title: 'The signature differs; the stages that would show why are not given',
		cause: 0
	},
	'request-unsignable': { stage: 'request', title: 'The request cannot be signed as given', cause: 0 },
	'sigv2-fields-in-sigv4': { stage: 'request', title: 'SigV2 fields in a SigV4 request or form', cause: 55 },
	'sigv2-request': { stage: 'request', title: 'The request is signed with Signature Version 2', cause: 43 },
	// Browser POST (policy) uploads
	'post-policy-json-signed': { stage: 'string-to-sign', title: 'The policy JSON signed instead of its base64', cause: 56 },
	'post-policy-line-endings': {
		stage: 'string-to-sign',
		title: 'The policy signed with other line endings (CRLF vs LF) than the base64 sent',
		cause: 56
	},
	'post-field-not-in-policy': { stage: 'request', title: 'A form field no policy condition covers', cause: 56 },
	'post-policy-expired': { stage: 'request', title: 'The POST policy has expired', cause: 56 },
	// Server-side encryption
	'sse-customer-key-in-url': { stage: 'request', title: 'An SSE-C key, its MD5 or algorithm in the URL', cause: 53 },
	'sse-kms-with-sigv2': { stage: 'request', title: 'SSE-KMS with Signature Version 2', cause: 54 },
	'header-hoisted-to-query': { stage: 'request', title: 'A header that must stay a header is in the query', cause: 54 },
	'sse-header-on-get': { stage: 'request', title: 'An SSE-S3/SSE-KMS header on a GET or HEAD (S3 rejects it)', cause: 54 },
	// Found by the real-world corpus (tests/realworld)
	'session-token-signed': {
		stage: 'canonical-request',
		title: 'Session token signed; this service (e.g. IoT WebSockets) wants it added after signing',
		cause: 49
	},
	'post-condition-failed': { stage: 'request', title: "A form field's value fails its POST policy condition", cause: 56 },
	'query-in-path': { stage: 'canonical-request', title: 'The query string signed as part of the path', cause: 0 },
	'signing-key-differs': { stage: 'signing-key', title: 'One of your signing keys differs from the correct chain', cause: 45 },
	// aws-chunked uploads (a captured body checked chunk by chunk) and flexible checksums
	'chunk-signature-mismatch': { stage: 'signature', title: "A chunk's signature does not match its data", cause: 30 },
	'chunk-previous-signature-wrong': {
		stage: 'string-to-sign',
		title: 'A chunk signed over the wrong previous signature (the chain is broken)',
		cause: 30
	},
	'chunk-string-to-sign-wrong': { stage: 'string-to-sign', title: "A chunk's string to sign is not AWS4-HMAC-SHA256-PAYLOAD's", cause: 30 },
	'chunk-size-mismatch': { stage: 'request', title: "A chunk's declared size differs from its data", cause: 30 },
	'chunk-too-small': { stage: 'request', title: 'A chunk other than the last is under 8 KiB (S3: InvalidChunkSizeError)', cause: 30 },
	'chunk-final-missing': { stage: 'request', title: 'The body ends without the final 0-size chunk', cause: 30 },
	'chunk-signature-missing': { stage: 'request', title: 'A signed aws-chunked body has a chunk without chunk-signature', cause: 30 },
	'decoded-length-mismatch': { stage: 'request', title: 'x-amz-decoded-content-length differs from the data sent', cause: 30 },
	'trailer-signature-mismatch': { stage: 'signature', title: 'The trailer signature does not match the trailers', cause: 30 },
	'trailer-signature-missing': { stage: 'request', title: 'Signed trailers sent without x-amz-trailer-signature', cause: 30 },
	'trailer-not-declared': { stage: 'request', title: 'The trailers sent differ from those x-amz-trailer names', cause: 30 },
	'presign-empty-body-checksum': {
		stage: 'request',
		title: "A presigned PUT carries the empty body's checksum (x-amz-checksum-crc32=AAAAAA==)",
		cause: 30
	},
	'chunked-without-content-length': {
		stage: 'request',
		title: 'aws-chunked sent with Transfer-Encoding: chunked and no Content-Length (S3-compatible servers refuse it)',
		cause: 30
	},
	'checksum-signed-not-sent': { stage: 'request', title: 'A checksum header signed into the presigned URL is not sent', cause: 30 },
	'checksum-sent-not-signed': { stage: 'request', title: 'A checksum header sent with a presigned URL is not signed', cause: 30 },
	'checksum-mismatch': { stage: 'request', title: 'An x-amz-checksum-* value does not match the body', cause: 30 },
	'checksum-header-unsupported': {
		stage: 'request',
		title: 'The server refuses the checksum headers the SDKs send by default since January 2025 (Backblaze B2: "Unsupported header")',
		cause: 30
	},
	// S3 Express One Zone (directory buckets)
	's3express-signing-name': { stage: 'string-to-sign', title: 'A directory bucket (--x-s3) signed as s3, not s3express', cause: 40 },
	's3express-security-token': {
		stage: 'request',
		title: 'x-amz-security-token sent to a directory bucket instead of the session token (x-amz-s3session-token)',
		cause: 49
	},
	's3express-session-token-wrong-endpoint': {
		stage: 'request',
		title: "x-amz-s3session-token sent to an endpoint that is not a directory bucket's Zonal one",
		cause: 49
	},
	's3express-create-session-token': { stage: 'request', title: 'CreateSession carries a session token (x-amz-s3session-token)', cause: 49 },
	// SigV4a (issue 15)
	'sigv4a-region-not-in-set': { stage: 'request', title: "The request's region is not in its SigV4a region set", cause: 0 },
	'sigv4a-region-set-missing': { stage: 'request', title: 'A SigV4a request without x-amz-region-set', cause: 0 },
	'sigv4a-scope-has-region': { stage: 'authorization', title: 'A region in a SigV4a credential scope (it has none)', cause: 0 },
	'sigv4-sigv4a-confusion': { stage: 'authorization', title: 'SigV4 and SigV4a mixed: algorithm, scope and signature disagree', cause: 0 },
	'sigv4a-signature-invalid': { stage: 'signature', title: 'The SigV4a signature does not verify with the derived public key', cause: 0 },
	// WebSocket presigns (issue 15)
	'transcribe-port-missing': {
		stage: 'request',
		title: 'A Transcribe streaming WebSocket URL without :8443 (its port, part of the signed Host)',
		cause: 20
	},
	'appsync-realtime-host-signed': {
		stage: 'request',
		title: "AppSync real-time: the header signed for the real-time host, not the API's GraphQL host",
		cause: 21
	},
	'appsync-connect-path': {
		stage: 'canonical-request',
		title: 'AppSync real-time: the header signed for another path than /graphql/connect (Events: /event)',
		cause: 0
	},
	// Login tokens: EKS, RDS, Aurora DSQL, MSK, Neptune (issue 15)
	'eks-token-cluster-unsigned': { stage: 'request', title: 'An EKS token that does not sign x-k8s-aws-id', cause: 0 },
	'eks-token-cluster-name': { stage: 'request', title: 'The cluster name in x-k8s-aws-id is unknown or not a cluster name', cause: 0 },
	'auth-token-expires-too-long': { stage: 'request', title: "X-Amz-Expires longer than the token's verifier accepts", cause: 37 },
	'auth-token-wrong-service': {
		stage: 'string-to-sign',
		title: 'A login token signed with the wrong service name (rds for rds-db, …)',
		cause: 40
	},
	'auth-token-scheme-included': { stage: 'request', title: 'An RDS or DSQL token that starts with https://', cause: 0 },
	'auth-token-expired': { stage: 'request', title: 'The login token has expired (or is not valid yet)', cause: 36 },
	'auth-token-region-mismatch': {
		stage: 'string-to-sign',
		title: "The token's credential scope names another region than its host",
		cause: 39
	}
} as const satisfies Record<string, { stage: Stage; title: string; cause: number }>;

export type FindingCode = keyof typeof FINDING_CODES;
