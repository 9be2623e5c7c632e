/** The formats the importer knows, for the error that says a paste is none of them. */
export const WHAT_TO_PASTE =
	'Paste one of: a raw HTTP request ("GET /path HTTP/1.1" and headers), a curl command, a browser "Copy as fetch" call, a HAR file, ' +
	'a presigned URL, an Authorization header, an AWS error body (S3 XML or a "The Canonical String for this request should have been" message), ' +
	'a botocore DEBUG, curl -v or awscurl -v log, a canonical request, a string to sign, the fields of a browser POST upload, ' +
	'or a login token (EKS k8s-aws-v1., RDS / Aurora DSQL / MSK IAM auth token, Neptune Bolt token).';
