import type { ImportKind } from '../parse/types.ts';
/** What each paste format is called in the page's sentences. */
export const KIND_NAMES: Record<ImportKind, string> = {
	'raw-http': 'an HTTP request',
	curl: 'a curl command',
	fetch: 'a fetch() call',
	har: 'a HAR file',
	'presigned-url': 'a presigned URL',
	'authorization-header': 'an Authorization header',
	's3-error-xml': 'an S3 error response',
	'service-error-text': 'an AWS error message',
	'botocore-log': 'a botocore debug log',
	'curl-verbose': 'a curl -v log',
	'awscurl-log': 'an awscurl log',
	'canonical-request': 'a canonical request',
	'string-to-sign': 'a string to sign',
	'sigv2-request': 'a Signature Version 2 request',
	'post-form': 'a POST form',
	'service-error-xml': 'an AWS error response',
	'signing-keys': 'a list of signing keys',
	'appsync-realtime': 'an AppSync real-time connection',
	'auth-token': 'a login token (EKS, RDS, Aurora DSQL, MSK or Neptune)',
	unknown: 'nothing recognisable'
};

/** A format's name, or its kind when it has none yet. */
export function kindName(kind: string): string {
	return (KIND_NAMES as Record<string, string>)[kind] ?? kind;
}
