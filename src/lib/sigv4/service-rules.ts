import { HOST_RULES, S3_PATH_SIGNING_NAMES } from './service-registry-data.ts';

/**
 * How a service treats the parts of SigV4 that differ between services. S3 and its relatives
 * sign the path as the object key (encoded once, never normalized), need x-amz-content-sha256,
 * and presign with UNSIGNED-PAYLOAD; every other service double-encodes and normalizes.
 */
export interface ServiceRules {
	s3Style: boolean;
	uriEscapePath: boolean;
	normalizePath: boolean;
	contentSha256Header: boolean;
	presignUnsignedPayload: boolean;
}

// From the service registry: the signing names S3's rule set signs with disableDoubleEncoding
// (s3, s3-object-lambda, s3-outposts, s3express), and those that require x-amz-content-sha256.
const S3_STYLE_SERVICES = new Set(S3_PATH_SIGNING_NAMES.split(' '));
const CONTENT_SHA256_SERVICES = new Set(HOST_RULES.filter((r) => r.flags?.includes('c')).map((r) => r.signingName));

export function serviceRules(service: string): ServiceRules {
	const name = service.toLowerCase();
	const s3Style = S3_STYLE_SERVICES.has(name);
	return {
		s3Style,
		uriEscapePath: !s3Style,
		normalizePath: !s3Style,
		contentSha256Header: s3Style || CONTENT_SHA256_SERVICES.has(name),
		presignUnsignedPayload: s3Style
	};
}

/**
 * Headers never signed by default: hop-by-hop headers, and those that browsers, proxies and
 * SDKs add or rewrite after signing. `signedHeaders` overrides this list.
 */
export const NEVER_SIGNED_HEADERS: ReadonlySet<string> = new Set([
	'authorization',
	'cache-control',
	'connection',
	'expect',
	'from',
	'keep-alive',
	'max-forwards',
	'pragma',
	'referer',
	'te',
	'trailer',
	'transfer-encoding',
	'upgrade',
	'user-agent',
	'x-amzn-trace-id'
]);

/** Header name prefixes never signed by default (proxy-*, and the browser's sec-*). */
export const NEVER_SIGNED_PREFIXES: readonly string[] = ['proxy-', 'sec-'];

export function isNeverSigned(lowerName: string): boolean {
	return NEVER_SIGNED_HEADERS.has(lowerName) || NEVER_SIGNED_PREFIXES.some((p) => lowerName.startsWith(p));
}
