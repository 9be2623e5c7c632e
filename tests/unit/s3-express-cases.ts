// S3 Express One Zone cases: one evidence per finding code (s3-express.test.ts runs them;
// diagnose-codes.test.ts counts their codes as covered).
import type { Evidence } from '../../src/lib/diagnose/types.ts';
import type { FindingCode } from '../../src/lib/findings/index.ts';
import type { Header, SigningParams } from '../../src/lib/sigv4/index.ts';
import { DATETIME, NOW, SECRET } from './diagnose-helpers.ts';

export const BUCKET = 'amzn-s3-demo-bucket--usw2-az1--x-s3';
export const ZONAL = `https://${BUCKET}.s3express-usw2-az1.us-west-2.amazonaws.com`;
export const TOKEN = 'session-token-from-CreateSession';

export const express = (over: Partial<SigningParams> = {}): SigningParams => ({
	credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: SECRET, sessionToken: TOKEN },
	region: 'us-west-2',
	service: 's3express',
	datetime: DATETIME,
	...over
});

export function evidence(url: string, headers: Header[], service = 's3express', mode: 'header' | 'query' = 'header'): Evidence {
	const credential = `AKIDEXAMPLE/20150830/us-west-2/${service}/aws4_request`;
	const all: Header[] = [
		['x-amz-date', DATETIME],
		['x-amz-content-sha256', 'UNSIGNED-PAYLOAD'],
		...headers,
		...(mode === 'header'
			? [
					[
						'Authorization',
						`AWS4-HMAC-SHA256 Credential=${credential}, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`
					] as Header
				]
			: [])
	];
	return { request: { method: 'GET', url, headers: all }, params: express({ service }), mode, now: NOW };
}

export const S3_EXPRESS_CASES: { code: FindingCode; name: string; evidence: () => Evidence; line?: number }[] = [
	{
		code: 's3express-signing-name',
		name: 'a directory-bucket GET signed with the service s3',
		evidence: () => evidence(`${ZONAL}/photo.jpg`, [['x-amz-s3session-token', TOKEN]], 's3')
	},
	{
		code: 's3express-security-token',
		name: 'a directory-bucket GET with the token in x-amz-security-token',
		evidence: () => evidence(`${ZONAL}/photo.jpg`, [['x-amz-security-token', TOKEN]])
	},
	{
		code: 's3express-session-token-wrong-endpoint',
		name: 'x-amz-s3session-token in the query of a general-purpose bucket URL',
		evidence: () =>
			evidence(
				`https://examplebucket.s3.us-west-2.amazonaws.com/a?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-west-2%2Fs3%2Faws4_request&X-Amz-Date=${DATETIME}&X-Amz-Expires=60&X-Amz-SignedHeaders=host&X-Amz-S3session-Token=x&X-Amz-Signature=${'0'.repeat(64)}`,
				[],
				's3',
				'query'
			),
		line: 1
	},
	{
		code: 's3express-create-session-token',
		name: 'CreateSession signed with a session token',
		evidence: () => evidence(`${ZONAL}/?session`, [['x-amz-s3session-token', TOKEN]])
	}
];
