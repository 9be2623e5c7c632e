// S3 Express One Zone (issue 14 item 4): directory-bucket hosts, the s3express signing name, the
// session token's header / query parameter / POST field, the CreateSession exception, and one
// diagnose case per finding code. Facts (AWS docs "Authorizing Zonal endpoint API operations with
// CreateSession", API reference CreateSession, the SDKs' s3-express middleware) are cited in
// src/lib/sigv4/s3-express.ts.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/lib/diagnose/index.ts';
import type { Evidence } from '../../src/lib/diagnose/types.ts';
import {
	isCreateSession,
	isDirectoryBucket,
	presignUrl,
	s3ExpressEndpoint,
	serviceRules,
	sessionTokenParam,
	signPostPolicy,
	signRequest,
	type Header
} from '../../src/lib/sigv4/index.ts';
import { NOW } from './diagnose-helpers.ts';
import { BUCKET, evidence, express, S3_EXPRESS_CASES, TOKEN, ZONAL } from './s3-express-cases.ts';

describe('S3 Express endpoints', () => {
	it('reads a Zonal virtual-hosted host: bucket, zone id and region', () => {
		expect(s3ExpressEndpoint(`${BUCKET}.s3express-usw2-az1.us-west-2.amazonaws.com:443`)).toEqual({
			kind: 'zonal',
			region: 'us-west-2',
			zoneId: 'usw2-az1',
			bucket: BUCKET
		});
		expect(s3ExpressEndpoint('s3express-use1-az4.us-east-1.amazonaws.com')).toEqual({
			kind: 'zonal',
			region: 'us-east-1',
			zoneId: 'use1-az4'
		});
	});

	it('reads the Regional control endpoint, and leaves general-purpose S3 and look-alikes alone', () => {
		expect(s3ExpressEndpoint('s3express-control.eu-north-1.amazonaws.com')).toEqual({ kind: 'regional', region: 'eu-north-1' });
		expect(s3ExpressEndpoint('examplebucket.s3.us-west-2.amazonaws.com')).toBeUndefined();
		expect(s3ExpressEndpoint('bucket--usw2-az1--x-s3.example.com')).toBeUndefined();
	});

	it('knows a directory bucket name by its --<zone>--x-s3 suffix', () => {
		expect(isDirectoryBucket(BUCKET)).toBe(true);
		expect(isDirectoryBucket('my-bucket--x-s3')).toBe(false);
		expect(isDirectoryBucket('plain-bucket')).toBe(false);
	});

	it('signs s3express S3-style: key encoded once, x-amz-content-sha256', () => {
		expect(serviceRules('s3express')).toMatchObject({ s3Style: true, uriEscapePath: false, contentSha256Header: true });
	});
});

describe('the session token goes where S3 Express reads it', () => {
	it('header auth: x-amz-s3session-token, signed, and no x-amz-security-token', async () => {
		const t = await signRequest({ method: 'GET', url: `${ZONAL}/photo.jpg`, headers: [] }, express());
		expect(t.request.headers).toContainEqual(['X-Amz-S3session-Token', TOKEN]);
		expect(t.request.headers.some(([n]) => n.toLowerCase() === 'x-amz-security-token')).toBe(false);
		expect(t.signedHeaders).toContain('x-amz-s3session-token');
		expect(t.credentialScope).toBe('20150830/us-west-2/s3express/aws4_request');
	});

	it('presigned URL: X-Amz-S3session-Token in the signed query', async () => {
		const t = await presignUrl({ method: 'GET', url: `${ZONAL}/photo.jpg`, headers: [] }, express());
		expect(t.signedUrl).toContain(`X-Amz-S3session-Token=${TOKEN}`);
		expect(t.signedUrl).not.toContain('X-Amz-Security-Token');
		expect(t.canonicalRequest).toContain('X-Amz-S3session-Token=');
	});

	it('POST form: the x-amz-s3session-token field', async () => {
		const policy = JSON.stringify({ expiration: '2015-08-31T00:00:00Z', conditions: [{ bucket: BUCKET }] });
		const t = await signPostPolicy({ policy, action: `${ZONAL}/` }, express());
		const names = t.fields.map(([n]) => n);
		expect(names).toContain('x-amz-s3session-token');
		expect(names).not.toContain('x-amz-security-token');
	});

	it("CreateSession (GET /?session) keeps x-amz-security-token: it is signed with the caller's own credentials", async () => {
		expect(isCreateSession(`${ZONAL}/?session`)).toBe(true);
		expect(isCreateSession(`${ZONAL}/?sessions=1`)).toBe(false);
		const t = await signRequest({ method: 'GET', url: `${ZONAL}/?session`, headers: [] }, express());
		expect(t.request.headers).toContainEqual(['X-Amz-Security-Token', TOKEN]);
		expect(t.credentialScope).toContain('/s3express/');
		expect(sessionTokenParam('s3', `${ZONAL}/a`)).toBe('X-Amz-Security-Token');
	});

	it("a pasted request's own x-amz-s3session-token is replaced, not signed twice", async () => {
		const headers: Header[] = [['x-amz-s3session-token', 'old']];
		const t = await signRequest({ method: 'GET', url: `${ZONAL}/a`, headers }, express());
		expect(t.request.headers.filter(([n]) => n.toLowerCase() === 'x-amz-s3session-token')).toEqual([['x-amz-s3session-token', TOKEN]]);
	});
});

const codesOf = async (e: Evidence) => (await diagnose(e)).map((f) => f.code);
const EXPRESS_CODES = S3_EXPRESS_CASES.map((c) => c.code);

describe('diagnose names each S3 Express mix-up', () => {
	for (const c of S3_EXPRESS_CASES) {
		it(`${c.code}: ${c.name}`, async () => {
			const findings = await diagnose(c.evidence());
			const f = findings.find((x) => x.code === c.code);
			expect(f, findings.map((x) => x.code).join(', ')).toBeDefined();
			expect(f!.severity).toBe('error');
			expect(f!.fix.length).toBeGreaterThan(10);
			if (c.line !== undefined) expect(f!.line).toBe(c.line);
			// Each case is that mistake alone.
			expect(findings.filter((x) => EXPRESS_CODES.includes(x.code)).map((x) => x.code)).toEqual([c.code]);
		});
	}

	it('names nothing of S3 Express in requests our core signed for a directory bucket (GET, presigned, CreateSession)', async () => {
		const get = await signRequest({ method: 'GET', url: `${ZONAL}/photo.jpg`, headers: [] }, express());
		const url = await presignUrl({ method: 'GET', url: `${ZONAL}/photo.jpg`, headers: [] }, express());
		const session = await signRequest({ method: 'GET', url: `${ZONAL}/?session`, headers: [] }, express());
		for (const [t, mode] of [
			[get, 'header'],
			[url, 'query'],
			[session, 'header']
		] as const) {
			const e: Evidence = { request: t.request, params: express(), mode, now: NOW };
			const codes = await codesOf(e);
			expect(codes.filter((c) => EXPRESS_CODES.includes(c))).toEqual([]);
		}
	});

	it('temporary keys whose token went out as x-amz-s3session-token are not "session token missing" (smithy-rs#3474)', async () => {
		const e = evidence(`${ZONAL}/?session`, [['x-amz-s3session-token', TOKEN]]);
		e.request.headers = e.request.headers.map(([n, v]) => [n, v.replace('AKIDEXAMPLE', 'ASIAIOSFODNN7EXAMPLE')] as Header);
		e.params = { ...e.params, credentials: { accessKeyId: 'ASIAIOSFODNN7EXAMPLE', secretAccessKey: e.params.credentials.secretAccessKey } };
		const codes = await codesOf(e);
		expect(codes).toContain('s3express-create-session-token');
		expect(codes).not.toContain('session-token-missing');
	});

	it('HeadBucket and CopyObject with x-amz-security-token are not named: they are signed with IAM credentials', async () => {
		const head = evidence(`${ZONAL}/`, [['x-amz-security-token', TOKEN]]);
		head.request.method = 'HEAD';
		expect(await codesOf(head)).not.toContain('s3express-security-token');
		const copy = evidence(`${ZONAL}/b.jpg`, [
			['x-amz-security-token', TOKEN],
			['x-amz-copy-source', `/${BUCKET}/a.jpg`]
		]);
		copy.request.method = 'PUT';
		expect(await codesOf(copy)).not.toContain('s3express-security-token');
	});
});

describe('host inference', () => {
	it('a directory-bucket host or s3express-control gives the service s3express and its region', async () => {
		const { scopeFromHost } = await import('../../src/lib/parse/host-scope.ts');
		expect(scopeFromHost(`${BUCKET}.s3express-usw2-az1.us-west-2.amazonaws.com`)).toEqual({ service: 's3express', region: 'us-west-2' });
		expect(scopeFromHost('s3express-control.eu-north-1.amazonaws.com')).toEqual({ service: 's3express', region: 'eu-north-1' });
		expect(scopeFromHost('examplebucket.s3.us-west-2.amazonaws.com')).toEqual({ service: 's3', region: 'us-west-2' });
	});
});
