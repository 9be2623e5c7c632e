// Captured aws-chunked uploads checked chunk by chunk (analyzeChunkedUpload), and the
// flexible-checksum findings of diagnose: each case of diagnose-chunked-cases.ts gives its finding.
import { describe, expect, it } from 'vitest';
import { analyzeChunkedUpload } from '../../src/lib/diagnose/index.ts';
import { diagnoseScenario, findingOf, request, s3Params, sign } from './diagnose-helpers.ts';
import { captured, CHECKSUM_CASES, CHUNKED_CASES, EXAMPLE_SECRET, PUT_URL } from './diagnose-chunked-cases.ts';

const errors = (findings: { severity: string; code: string }[]) => findings.filter((f) => f.severity === 'error').map((f) => f.code);

describe('a captured aws-chunked upload', () => {
	for (const variant of ['signed', 'signed-trailer', 'unsigned-trailer'] as const) {
		it(`verifies every chunk of a correct ${variant} upload and finds nothing`, async () => {
			const c = await captured({ variant, ...(variant === 'signed' ? {} : { checksum: 'crc32c' as const }) });
			const a = await analyzeChunkedUpload({ headers: c.headers, body: c.body, secretAccessKey: EXAMPLE_SECRET });
			expect(a.findings).toEqual([]);
			expect(a.variant).toBe(variant);
			expect(a.firstBroken).toBeUndefined();
			if (variant === 'unsigned-trailer') expect(a.chunks).toEqual([]);
			else {
				expect(a.chunks.map((x) => x.ok)).toEqual([true, true, true]);
				expect(a.chunks.map((x) => x.expected)).toEqual(c.trace.chunks.map((x) => x.signature));
			}
			if (variant === 'signed-trailer') expect(a.trailer).toMatchObject({ ok: true, expected: c.trace.trailer!.signature });
		});
	}

	it("AWS's streaming example as pasted text with LF line breaks verifies too", async () => {
		const c = await captured();
		const pasted = c.body.replace(/\r\n/g, '\n');
		const a = await analyzeChunkedUpload({ headers: c.headers, body: pasted, secretAccessKey: EXAMPLE_SECRET });
		expect(a.chunks.map((x) => x.ok)).toEqual([true, true, true]);
		expect(errors(a.findings)).toEqual([]);
	});

	for (const c of CHUNKED_CASES) {
		it(`${c.code}: ${c.name}`, async () => {
			const { headers, body } = await c.upload();
			const a = await analyzeChunkedUpload({ headers, body, secretAccessKey: EXAMPLE_SECRET });
			const f = findingOf(a.findings, c.code);
			expect(f.severity).toBe(c.severity ?? 'error');
			if (c.confirmed) expect(f.confirmed).toBe(true);
			expect(f.fix.length).toBeGreaterThan(10);
			if (c.firstBroken !== undefined) expect(a.firstBroken).toBe(c.firstBroken);
		});
	}

	it("an unsigned trailer whose checksum is not the data's is a checksum-mismatch", async () => {
		const c = await captured({ variant: 'unsigned-trailer', checksum: 'crc32c' });
		const body = c.body.replace('sOO8/Q==', 'AAAAAA==');
		const a = await analyzeChunkedUpload({ headers: c.headers, body, secretAccessKey: EXAMPLE_SECRET });
		expect(findingOf(a.findings, 'checksum-mismatch').message).toContain('sOO8/Q==');
	});
});

describe('a captured upload that cannot be verified, or is not for AWS', () => {
	it('says why the chunks are not verified: no secret, no seed signature, not aws-chunked, unsigned', async () => {
		const c = await captured();
		const run = (headers: typeof c.headers, secretAccessKey = EXAMPLE_SECRET) =>
			analyzeChunkedUpload({ headers, body: c.body, secretAccessKey });
		expect((await run(c.headers, '')).unverified).toBe('no secret access key is given');
		expect((await run(c.headers.filter(([n]) => n !== 'Authorization'))).unverified).toContain('no Authorization header');
		expect((await run(c.headers.filter(([n]) => n !== 'X-Amz-Date'))).unverified).toContain('no X-Amz-Date');
		expect((await run(c.headers.filter(([n]) => n !== 'x-amz-content-sha256'))).unverified).toContain('x-amz-content-sha256 is missing');
		const unsigned = await captured({ variant: 'unsigned-trailer' });
		expect(
			(await analyzeChunkedUpload({ headers: unsigned.headers, body: unsigned.body, secretAccessKey: EXAMPLE_SECRET })).unverified
		).toContain('no signatures');
		expect((await run(c.headers)).unverified).toBeUndefined();
	});

	it('chunks under 8 KiB are only a warning for a server that is not AWS', async () => {
		const c = await captured({ chunkSize: 4096 });
		const headers = c.headers.map(([n, v]) => [n, n === 'Host' ? 'localhost:9000' : v] as [string, string]);
		const a = await analyzeChunkedUpload({ headers, body: c.body, secretAccessKey: EXAMPLE_SECRET });
		expect(findingOf(a.findings, 'chunk-too-small').severity).toBe('warning');
	});
});

describe('flexible-checksum findings', () => {
	for (const c of CHECKSUM_CASES) {
		it(`${c.code}: ${c.name}`, async () => {
			const { findings } = await diagnoseScenario(await c.scenario());
			const f = findingOf(findings, c.code);
			expect(f.severity).toBe(c.severity ?? 'error');
			expect(f.line).toBe(c.line);
			if (c.confirmed) expect(f.confirmed).toBe(true);
		});
	}

	it('the empty-body checksum without a body or a server reply is a warning', async () => {
		const url = 'https://examplebucket.s3.amazonaws.com/photo.jpg?x-amz-checksum-crc32=AAAAAA%3D%3D';
		const { findings } = await diagnoseScenario({ request: request('PUT', url), params: s3Params(), mode: 'query' });
		expect(findingOf(findings, 'presign-empty-body-checksum').severity).toBe('warning');
	});

	it("aws-chunked without Content-Length is only a warning without the server's word, and nothing for AWS itself", async () => {
		const headers: [string, string][] = [
			['Content-Encoding', 'aws-chunked'],
			['Transfer-Encoding', 'chunked'],
			['x-amz-content-sha256', 'STREAMING-UNSIGNED-PAYLOAD-TRAILER']
		];
		const minio = await diagnoseScenario({ request: request('PUT', 'http://localhost:9000/b/k', headers), params: s3Params() });
		expect(findingOf(minio.findings, 'chunked-without-content-length').severity).toBe('warning');
		const aws = await diagnoseScenario({ request: request('PUT', 'https://b.s3.amazonaws.com/k', headers), params: s3Params() });
		expect(aws.findings.map((f) => f.code)).not.toContain('chunked-without-content-length');
	});

	it('a checksum header the presigner hoisted into the query and the client also sends is sent not signed (aws-sdk-go-v2#2387)', async () => {
		const sum = 'LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ='; // SHA-256 of "hello"
		const url = (await sign(request('PUT', `${PUT_URL}?x-amz-checksum-sha256=${encodeURIComponent(sum)}`), s3Params(), 'query')).signedUrl!;
		const { findings } = await diagnoseScenario({
			request: request('PUT', url, [['x-amz-checksum-sha256', sum]], 'hello'),
			params: s3Params(),
			mode: 'query',
			provided: () => ({ signedUrl: url })
		});
		const f = findingOf(findings, 'checksum-sent-not-signed');
		expect(f.message).toContain('moved x-amz-checksum-sha256 into the query');
		expect(f.fix).toContain('unhoistableHeaders');
	});

	it("the server's HeadersNotSigned confirms checksum-sent-not-signed rather than naming a generic unsigned header", async () => {
		const url = (await sign(request('PUT', PUT_URL), s3Params(), 'query')).signedUrl!;
		const { findings } = await diagnoseScenario({
			request: request('PUT', url, [['x-amz-sdk-checksum-algorithm', 'SHA256']], 'hello'),
			params: s3Params(),
			mode: 'query',
			provided: () => ({ signedUrl: url }),
			server: () => ({
				code: 'AccessDenied',
				message: 'There were headers present in the request which were not signed',
				fields: { HeadersNotSigned: 'x-amz-sdk-checksum-algorithm' }
			})
		});
		expect(findingOf(findings, 'checksum-sent-not-signed')).toMatchObject({ confirmed: true, basis: 'server' });
	});

	it('the empty-body checksum is an error, confirmed, when Garage or R2 answer InvalidDigest (usekaneo/kaneo#1196)', async () => {
		const url = 'https://examplebucket.s3.amazonaws.com/photo.jpg?x-amz-checksum-crc32=AAAAAA%3D%3D';
		const { findings } = await diagnoseScenario({
			request: request('PUT', url),
			params: s3Params(),
			mode: 'query',
			server: () => ({ code: 'InvalidDigest', message: 'The Content-MD5 you specified is not valid.' })
		});
		expect(findingOf(findings, 'presign-empty-body-checksum')).toMatchObject({ severity: 'error', confirmed: true });
	});

	it('a server refusing a header that is not a checksum header is not checksum-header-unsupported', async () => {
		const { findings } = await diagnoseScenario({
			request: request('PUT', 'http://localhost:7070/b/k', [], 'hello'),
			params: s3Params(),
			server: () => ({ code: 'InvalidRequest', message: 'The value specified in the x-amz-trailer header is not supported' })
		});
		expect(findings.map((f) => f.code)).not.toContain('checksum-header-unsupported');
	});

	it('a checksum that matches the body is not a finding', async () => {
		const { findings } = await diagnoseScenario({
			request: request('PUT', 'https://b.s3.amazonaws.com/k', [['x-amz-checksum-crc32', 'NhCmhg==']], 'hello'),
			params: s3Params()
		});
		expect(findings.map((f) => f.code)).not.toContain('checksum-mismatch');
	});
});
