// A small S3 PUT's stages as a signer or the server prints them: the shared evidence of the case
// and e2e tests (the server's canonical request for PUT /photos/cat.jpg, UNSIGNED-PAYLOAD).
export const PUT_CANONICAL_REQUEST = [
	'PUT',
	'/photos/cat.jpg',
	'',
	'host:examplebucket.s3.eu-west-1.amazonaws.com',
	'x-amz-content-sha256:UNSIGNED-PAYLOAD',
	'x-amz-date:20240115T031500Z',
	'',
	'host;x-amz-content-sha256;x-amz-date',
	'UNSIGNED-PAYLOAD'
].join('\n');

/** The first three lines of its string to sign (the hash line follows). */
export const PUT_STRING_TO_SIGN_HEAD = ['AWS4-HMAC-SHA256', '20240115T031500Z', '20240115/eu-west-1/s3/aws4_request'];
