/**
 * The AWS documentation sections the steps link to, in one place so that a moved page is one edit.
 * The IAM guide is the general SigV4 reference; S3 has its own pages because its rules differ
 * (object-key encoding, x-amz-content-sha256, UNSIGNED-PAYLOAD in presigned URLs).
 */
const IAM = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html';
const S3_HEADER = 'https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html';
const S3_QUERY = 'https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html';

export const DOC_URLS = {
	canonicalRequest: `${IAM}#create-canonical-request`,
	canonicalRequestHash: `${IAM}#create-canonical-request-hash`,
	stringToSign: `${IAM}#create-string-to-sign`,
	signature: `${IAM}#calculate-signature`,
	placement: `${IAM}#add-signature-to-request`,
	temporaryCredentials: `${IAM}#temporary-security-credentials`,
	s3CanonicalRequest: `${S3_HEADER}#canonical-request`,
	s3Header: S3_HEADER,
	s3Presign: `${S3_QUERY}#query-string-auth-v4-signing`,
	sigv4a: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html',
	sigv2S3: 'https://docs.aws.amazon.com/AmazonS3/latest/API/RESTAuthentication.html',
	sigv2Query: 'https://docs.aws.amazon.com/general/latest/gr/signature-version-2.html'
} as const;
