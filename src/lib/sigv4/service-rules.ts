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

const S3_STYLE_SERVICES = new Set(['s3', 's3-object-lambda', 's3-outposts']);

export function serviceRules(service: string): ServiceRules {
	const s3Style = S3_STYLE_SERVICES.has(service.toLowerCase());
	return {
		s3Style,
		uriEscapePath: !s3Style,
		normalizePath: !s3Style,
		contentSha256Header: s3Style,
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
