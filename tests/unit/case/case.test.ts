import { describe, expect, it } from 'vitest';
import {
	analyze,
	CASE_FIELDS,
	DEFAULT_CASE,
	DEFAULT_SIGNATURE,
	edit,
	exampleCase,
	importPaste,
	INPUT_FIELDS,
	originOf,
	readCase,
	SECRET_FIELDS,
	type Case
} from '../../../src/lib/case/index.ts';
import { PUT_CANONICAL_REQUEST, PUT_STRING_TO_SIGN_HEAD } from '../../helpers/evidence.ts';
import { SHORT_KEYS } from '../../../src/lib/share/short-keys.ts';
import { signatureFor, signRequest } from '../../../src/lib/sigv4/index.ts';

const CURL = [
	"curl -X PUT 'https://examplebucket.s3.eu-west-1.amazonaws.com/photos/cat.jpg'",
	"  -H 'Content-Type: image/jpeg'",
	"  -H 'X-Amz-Date: 20240301T101500Z'",
	"  -H 'Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240301/eu-west-1/s3/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=0000000000000000000000000000000000000000000000000000000000000000'",
	"  -H 'X-Amz-Content-Sha256: UNSIGNED-PAYLOAD'"
].join(' \\\n');

describe('the case: one field list', () => {
	it('every field has exactly one link key, and the defaults cover every field but the secrets and a file body', () => {
		expect(Object.keys(SHORT_KEYS).sort()).toEqual([...CASE_FIELDS].sort());
		expect(new Set(Object.values(SHORT_KEYS)).size).toBe(CASE_FIELDS.length);
		for (const field of CASE_FIELDS) if (!SECRET_FIELDS.includes(field) && field !== 'bodyFile') expect(DEFAULT_CASE).toHaveProperty(field);
		for (const field of INPUT_FIELDS) expect(CASE_FIELDS).toContain(field);
	});

	it('exampleCase is a copy: changing it leaves the default alone', () => {
		const c = exampleCase();
		c.form.push(['a', 'b']);
		c.view.optionsOpen = true;
		expect(DEFAULT_CASE.form).toEqual([]);
		expect(DEFAULT_CASE.view.optionsOpen).toBe(false);
	});

	it('reads origins back from a link or file, and refuses a malformed one with its path', () => {
		const c: Case = {
			...exampleCase(),
			origins: { region: { from: 'paste', paste: 2, kind: 'curl', line: 3 }, service: { from: 'typed' } }
		};
		const back = readCase(JSON.parse(JSON.stringify(c)));
		expect(back).toEqual({ case: c });
		expect(readCase({ origins: { region: { from: 'guess' } } })).toEqual({
			problem: expect.stringContaining('"origins.region.from" should be "typed", "paste" or "unknown"')
		});
	});
});

describe('where each field came from', () => {
	it('a field nobody set is the default; a typed change is typed; an unchanged write is not', () => {
		const c = exampleCase();
		expect(originOf(c, 'region')).toEqual({ from: 'default' });
		const typed = edit(c, { region: 'eu-west-1', service: c.service });
		expect(originOf(typed, 'region')).toEqual({ from: 'typed' });
		expect(originOf(typed, 'service')).toEqual({ from: 'default' });
		expect(typed.region).toBe('eu-west-1');
		expect(c.region).toBe('us-east-1');
	});

	it('a paste fills in what it carries, numbered, and a second paste adds its evidence', () => {
		const first = importPaste(exampleCase(), CURL);
		expect(first.report.kind).toBe('curl');
		expect(first.report.summary[0]).toBe('Recognised a curl command.');
		const c = first.case;
		expect(c.requestText).toContain('PUT /photos/cat.jpg');
		expect(c.region).toBe('eu-west-1');
		expect(c.datetime).toBe('20240301T101500Z');
		for (const field of ['requestText', 'region', 'service', 'datetime'] as const)
			expect(originOf(c, field)).toMatchObject({ from: 'paste', paste: 1, kind: 'curl' });
		expect(originOf(c, 'policyText')).toEqual({ from: 'default' });

		const sts = ['AWS4-HMAC-SHA256', '20240301T101500Z', '20240301/eu-west-1/s3/aws4_request', 'ab'.repeat(32)].join('\n');
		const second = importPaste(c, sts).case;
		expect(second.requestText).toBe(c.requestText);
		expect(second.provided.stringToSign).toBe(sts);
		expect(second.provided.authorization).toBe(c.provided.authorization);
		expect(originOf(second, 'datetime')).toMatchObject({ from: 'paste', paste: expect.any(Number) });
	});

	it('an empty paste says so and changes nothing else', () => {
		const c = exampleCase();
		const { case: next, report } = importPaste(c, '   ');
		expect(report.problem).toMatch(/paste box is empty/);
		expect({ ...next, pasteText: '' }).toEqual(c);
	});
});

describe('analyze: case → trace → findings, in Node', () => {
	it('signs the example as AWS documents it (S3 API Reference, GET object with Range)', async () => {
		const a = await analyze(exampleCase());
		expect(a.trace?.signature).toBe(DEFAULT_SIGNATURE);
		expect(a.view?.signature).toBe(DEFAULT_SIGNATURE);
		expect(a.findings).toEqual([]);
		expect(a.error).toBeUndefined();
	});

	it('points an input that cannot be signed at its field', async () => {
		expect((await analyze({ ...exampleCase(), datetime: '2013-05-24' })).error?.field).toBe('datetime');
		expect((await analyze({ ...exampleCase(), mode: 'query', expiresIn: 'soon' })).error?.field).toBe('expiresIn');
		expect((await analyze({ ...exampleCase(), requestText: 'GET / HTTP/1.1\nnot a header\n' })).error?.message).toMatch(/^Line 2, column/);
	});

	it('compares the pasted evidence with the one trace it shows, and runs forensics when asked', async () => {
		const base = exampleCase();
		const clean = await analyze(base);
		const trace = clean.trace!;
		// The Apex signer of seed 002: the canonical request's hash in base64 instead of hex.
		const base64Hash = Buffer.from(trace.canonicalRequestHash, 'hex').toString('base64');
		const stringToSign = [...trace.stringToSign.split('\n').slice(0, 3), base64Hash].join('\n');
		const wrong = await signatureFor(stringToSign, trace.keyChain.kSigning);
		// The user means this request (they typed it), and gives the signature their signer made for it.
		const c: Case = { ...base, provided: { signature: wrong }, origins: { requestText: { from: 'typed' } } };

		const plain = await analyze(c);
		expect(plain.trace?.signature).toBe(DEFAULT_SIGNATURE);
		expect(plain.findings.map((f) => f.code)).toContain('signature-mismatch');
		expect(plain.forensics).toBeUndefined();

		const searched = await analyze(c, { forensics: 'single' });
		expect(searched.forensics?.findings.map((f) => f.code)).toContain('hash-base64-not-hex');
		expect(searched.findings.find((f) => f.code === 'hash-base64-not-hex')).toMatchObject({ confirmed: true });
	});

	it('without the secret: every stage that needs none, and no judgement of the signature', async () => {
		const trace = (await signRequest(
			{ method: 'GET', url: 'https://examplebucket.s3.amazonaws.com/test.txt', headers: [['Range', 'bytes=0-9']] },
			{
				credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
				region: 'us-east-1',
				service: 's3',
				datetime: '20130524T000000Z'
			}
		))!;
		const a = await analyze({ ...exampleCase(), secretAccessKey: '', provided: { signature: '0'.repeat(64) } });
		expect(a.view?.needsSecret).toBe(true);
		expect(a.view?.canonicalRequest).toBe(trace.canonicalRequest);
		expect(a.findings.filter((f) => f.stage === 'signature' || f.code === 'signature-mismatch')).toEqual([]);
	});
});

describe("evidence first: the case becomes the user's own, never the example", () => {
	const STS = [...PUT_STRING_TO_SIGN_HEAD, 'a'.repeat(64)].join('\n');
	const CR = PUT_CANONICAL_REQUEST;
	const errorBody = (accessKeyId: string) =>
		`<?xml version="1.0" encoding="UTF-8"?><Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message><AWSAccessKeyId>${accessKeyId}</AWSAccessKeyId><StringToSign>${STS}</StringToSign><SignatureProvided>${'b'.repeat(64)}</SignatureProvided><CanonicalRequest>${CR}</CanonicalRequest></Error>`;

	it("an S3 error body alone rebuilds the request, scope and time from the server's stages", () => {
		const { case: c, report } = importPaste(exampleCase(), errorBody('AKIAIOSFODNN7EXAMPLE'));
		expect(c.requestText.split('\n')[0]).toBe('PUT /photos/cat.jpg HTTP/1.1');
		expect(c.requestText).toContain('examplebucket.s3.eu-west-1.amazonaws.com');
		expect([c.region, c.service, c.datetime, c.payloadHash]).toEqual(['eu-west-1', 's3', '20240115T031500Z', 'UNSIGNED-PAYLOAD']);
		expect(originOf(c, 'requestText')).toMatchObject({ from: 'paste', paste: 1, kind: 's3-error-xml' });
		expect(originOf(c, 'region')).toMatchObject({ from: 'paste', paste: 1 });
		// AWS's published example key: its published secret is public and stays.
		expect(c.secretAccessKey).toBe(exampleCase().secretAccessKey);
		expect(report.summary.join(' ')).not.toMatch(/unknown/);
	});

	it("with the user's own key, the example secret is not theirs: it is emptied and asked for", () => {
		const { case: c, report } = importPaste(exampleCase(), errorBody('AKIAREALKEY000000000'));
		expect(c.accessKeyId).toBe('AKIAREALKEY000000000');
		expect(c.secretAccessKey).toBe('');
		expect(report.summary.join(' ')).toMatch(/secret access key/);
	});

	it("a canonical request alone: its request and time are used, what it does not give is unknown, never the example's", async () => {
		const { case: c, report } = importPaste(exampleCase(), CR);
		expect(c.requestText.split('\n')[0]).toBe('PUT /photos/cat.jpg HTTP/1.1');
		expect(c.datetime).toBe('20240115T031500Z');
		expect([c.region, c.service]).toEqual(['eu-west-1', 's3']);
		expect(originOf(c, 'region')).toMatchObject({ source: 'the host name examplebucket.s3.eu-west-1.amazonaws.com' });
		expect(c.accessKeyId).toBe('');
		expect(originOf(c, 'accessKeyId')).toEqual({ from: 'unknown', paste: 1 });
		expect(c.secretAccessKey).toBe('');
		expect(report.summary.join(' ')).toMatch(/unknown: accessKeyId/);
		// The access key ID is in no stage of a header signature: the stages are shown, the secret asked for.
		const a = await analyze(c);
		expect(a.missing).toBeUndefined();
		expect(a.view?.canonicalRequest).toBe(CR);
		expect(a.view?.needsSecret).toBe(true);
		expect(a.findings.filter((f) => f.severity === 'error')).toEqual([]);
		expect(a.verdict?.kind).toBe('undecided');
	});

	it('a canonical request without a date: the time is unknown and nothing is signed or judged without it', async () => {
		const noDate = ['GET', '/a.txt', '', 'host:examplebucket.s3.eu-west-1.amazonaws.com', '', 'host', 'UNSIGNED-PAYLOAD'].join('\n');
		const { case: c } = importPaste(exampleCase(), noDate);
		expect(c.datetime).toBe('');
		expect(originOf(c, 'datetime')).toEqual({ from: 'unknown', paste: 1 });
		const a = await analyze(c);
		expect(a.trace).toBeUndefined();
		expect(a.missing).toEqual(['datetime']);
		expect(a.error).toMatchObject({ field: 'datetime', message: expect.stringMatching(/not in your paste/) });
		expect(a.findings).toEqual([]);
		expect(a.verdict).toMatchObject({
			kind: 'undecided',
			sentence: expect.stringMatching(/^Not enough to tell — The request time is not in your paste/)
		});
	});

	it('a canonical request and a string to sign together: both used, the scope from the string to sign', async () => {
		const { case: c } = importPaste(exampleCase(), `${CR}\n\n${STS}`);
		expect([c.region, c.service, c.datetime]).toEqual(['eu-west-1', 's3', '20240115T031500Z']);
		expect(c.provided.canonicalRequest).toBe(CR);
		expect(c.provided.stringToSign).toBe(STS);
	});

	it('never calls a canonical request correct against a request rebuilt from that same canonical request', async () => {
		const { createHash } = await import('node:crypto');
		const sts = [...PUT_STRING_TO_SIGN_HEAD, createHash('sha256').update(CR).digest('hex')].join('\n');
		const c = edit(importPaste(exampleCase(), `${CR}\n\n${sts}`).case, { secretAccessKey: 'their-own-secret-key-0000000000000000000' });
		const a = await analyze(c);
		expect(a.findings.filter((f) => f.severity === 'error')).toEqual([]);
		expect(a.verdict).toMatchObject({ kind: 'undecided', sentence: expect.stringContaining('cannot be checked against itself') });
	});

	it("when the user's request is there, it wins: evidence is compared with it, not rebuilt over it", () => {
		const own = importPaste(exampleCase(), CURL).case;
		const { case: c } = importPaste(own, errorBody('AKIAIOSFODNN7EXAMPLE'));
		expect(c.requestText).toBe(own.requestText);
		expect(c.datetime).toBe(own.datetime);
		expect(c.server.canonicalRequest).toBe(CR);
	});
});
