/**
 * S3 Express One Zone (directory buckets). Sources, checked 2026-12 through the docs search:
 * - "Authorizing Zonal endpoint API operations with CreateSession" (AmazonS3 userguide,
 *   s3-express-create-session): Zonal (object-level) operations, except CopyObject and HeadBucket,
 *   use session credentials from CreateSession, which expire after 5 minutes; Regional
 *   (bucket-level, s3express-control) operations use plain IAM authorization.
 * - API reference CreateSession: `GET /?session` on the Zonal endpoint, signed with the caller's
 *   own (IAM or STS) credentials; the response's SessionToken then goes in `x-amz-s3session-token`
 *   (header auth) or `X-Amz-S3session-Token` (presigned URLs), never in x-amz-security-token.
 * - The AWS SDKs (middleware-sdk-s3 s3-express: SESSION_TOKEN_HEADER "x-amz-s3session-token",
 *   SESSION_TOKEN_QUERY_PARAM "X-Amz-S3session-Token", signing name "s3express").
 * Endpoints: `bucket--usw2-az1--x-s3.s3express-usw2-az1.us-west-2.amazonaws.com` (Zonal,
 * virtual-hosted), `s3express-control.us-west-2.amazonaws.com` (Regional).
 */
import { S3_SESSION_TOKEN_QUERY_PARAM, SESSION_TOKEN_QUERY_PARAM } from './constants.ts';

export const S3_EXPRESS_SERVICE = 's3express';
/** A directory bucket's name ends in --<zone id>--x-s3, e.g. my-bucket--usw2-az1--x-s3. */
export const DIRECTORY_BUCKET = /^([a-z0-9][a-z0-9.-]*?)--([a-z0-9]+-az\d+)--x-s3$/;

export interface S3ExpressEndpoint {
	/** Zonal: object-level operations (and CreateSession); regional: s3express-control, bucket-level. */
	kind: 'zonal' | 'regional';
	region: string;
	/** Zonal endpoints: the Availability Zone id (usw2-az1). */
	zoneId?: string;
	/** The full directory bucket name, when the host is virtual-hosted. */
	bucket?: string;
}

const ZONAL = /^(?:(.+)\.)?s3express(?:-fips)?-([a-z0-9]+-az\d+)\.([a-z]{2}(?:-gov)?-[a-z]+-\d)\.amazonaws\.com$/;
const REGIONAL = /^s3express-control(?:-fips)?\.([a-z]{2}(?:-gov)?-[a-z]+-\d)\.amazonaws\.com$/;

/**
 * The S3 Express endpoint a host names, if any: the `--x-s3` suffix of a directory bucket and the
 * s3express-<zone> label. Kept apart so host inference (or a service registry) can call it.
 */
export function s3ExpressEndpoint(hostWithPort: string): S3ExpressEndpoint | undefined {
	const host = hostWithPort.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
	const regional = REGIONAL.exec(host);
	if (regional) return { kind: 'regional', region: regional[1]! };
	const zonal = ZONAL.exec(host);
	if (!zonal) return undefined;
	const [, bucket, zoneId, region] = zonal;
	return { kind: 'zonal', region: region!, zoneId: zoneId!, ...(bucket && DIRECTORY_BUCKET.test(bucket) ? { bucket } : {}) };
}

/** The bucket name is a directory bucket's (my-bucket--usw2-az1--x-s3). */
export function isDirectoryBucket(name: string): boolean {
	return DIRECTORY_BUCKET.test(name.trim().toLowerCase());
}

/** CreateSession is `GET /?session` on a Zonal endpoint: the one Zonal request signed with the caller's own credentials. */
export function isCreateSession(url: string): boolean {
	const query = /\?([^#]*)/.exec(url)?.[1] ?? '';
	return query.split('&').some((p) => p.split('=')[0]!.toLowerCase() === 'session');
}

/**
 * Where the session token goes, in AWS's case (lowercase it for a header or POST field): an
 * s3express request other than CreateSession carries the CreateSession token as
 * X-Amz-S3session-Token; everything else (CreateSession itself included) uses X-Amz-Security-Token.
 */
export function sessionTokenParam(service: string, url: string): string {
	return service.trim().toLowerCase() === S3_EXPRESS_SERVICE && !isCreateSession(url)
		? S3_SESSION_TOKEN_QUERY_PARAM
		: SESSION_TOKEN_QUERY_PARAM;
}
