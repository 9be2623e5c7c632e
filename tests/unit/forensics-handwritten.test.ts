// Independent wrong signers, written by hand with node:crypto the way people write them (Apex,
// C#, shell): the forensics search must name their mistake and show the stage they made, byte
// for byte. Nothing here goes through the catalogue's own mutations.
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { searchMistakePairs, searchSingleMistakes } from '../../src/lib/diagnose/forensics/search.ts';
import type { Evidence } from '../../src/lib/diagnose/types.ts';
import { presignUrl, signRequest } from '../../src/lib/sigv4/index.ts';
import { keyChainText } from '../../src/lib/sigv4/index.ts';
import { SECRET } from './forensics-fixtures.ts';

const HOST = 'sns.us-east-1.amazonaws.com';
const AMZ_DATE = '20150830T133600Z';
const evidence: Evidence = {
	mode: 'header',
	request: {
		method: 'GET',
		url: `https://${HOST}/?Version=2010-03-31&Action=ListTopics`,
		headers: [['Content-Type', 'application/x-www-form-urlencoded']]
	},
	params: { credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: '' }, region: 'us-east-1', service: 'sns', datetime: AMZ_DATE }
};

interface Wrong {
	/** Apex formatGmt('hhmmss') in the string to sign. */
	hh?: boolean;
	/** EncodingUtil.base64Encode of the canonical request's digest. */
	base64Hash?: boolean;
	noAws4Prefix?: boolean;
	hexKeys?: boolean;
	headersInRequestOrder?: boolean;
	crlf?: boolean;
	upperSignature?: boolean;
}

const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** A hand-written SigV4 signer for this one GET, with switches for the classic mistakes. */
function handSign(wrong: Wrong = {}) {
	const headers: [string, string][] = [
		['host', HOST],
		['content-type', 'application/x-www-form-urlencoded'],
		['x-amz-date', AMZ_DATE]
	];
	if (!wrong.headersInRequestOrder) headers.sort((a, b) => (a[0] < b[0] ? -1 : 1));
	const canonical = [
		'GET',
		'/',
		'Action=ListTopics&Version=2010-03-31',
		...headers.map(([n, v]) => `${n}:${v}`),
		'',
		headers.map(([n]) => n).join(';'),
		createHash('sha256').update('').digest('hex')
	].join(wrong.crlf ? '\r\n' : '\n');
	const digest = createHash('sha256').update(canonical, 'utf8').digest();
	const time = wrong.hh ? AMZ_DATE.replace('T13', 'T01') : AMZ_DATE;
	const sts = [
		'AWS4-HMAC-SHA256',
		time,
		'20150830/us-east-1/sns/aws4_request',
		wrong.base64Hash ? digest.toString('base64') : digest.toString('hex')
	].join('\n');
	const next = (key: Buffer) => (wrong.hexKeys ? key.toString('hex') : key);
	const kDate = hmac((wrong.noAws4Prefix ? '' : 'AWS4') + SECRET, '20150830');
	const kRegion = hmac(next(kDate), 'us-east-1');
	const kService = hmac(next(kRegion), 'sns');
	const kSigning = hmac(next(kService), 'aws4_request');
	const signature = hmac(kSigning, sts).toString('hex');
	return { canonical, sts, kDate, kSigning, signature: wrong.upperSignature ? signature.toUpperCase() : signature };
}

const withSignature = (signature: string): Evidence => ({ ...evidence, provided: { signature } });
const stage = (result: { mutated?: { stage: string; text: string }[] }, name: string) =>
	result.mutated?.find((m) => m.stage === name)?.text;

describe('hand-written wrong signers', () => {
	it('the hand signer without mistakes is the core signer, and forensics has nothing to say', async () => {
		const trace = await signRequest(evidence.request, {
			...evidence.params,
			credentials: { ...evidence.params.credentials, secretAccessKey: SECRET }
		});
		const right = handSign();
		expect(right.canonical).toBe(trace.canonicalRequest);
		expect(right.signature).toBe(trace.signature);
		expect(await searchSingleMistakes(withSignature(right.signature), SECRET)).toEqual({ findings: [], tried: 0 });
		expect(await searchSingleMistakes({ ...evidence, provided: { authorization: trace.authorization! } }, SECRET)).toEqual({
			findings: [],
			tried: 0
		});
	});

	it('Apex hh: 12-hour clock in the string to sign', async () => {
		const wrong = handSign({ hh: true });
		const result = await searchSingleMistakes(withSignature(wrong.signature), SECRET);
		expect(result.findings.map((f) => [f.code, f.stage, f.line, f.confirmed])).toEqual([
			['timestamp-12-hour-clock', 'string-to-sign', 2, true]
		]);
		expect(stage(result, 'string-to-sign')).toBe(wrong.sts);
		expect(stage(result, 'canonical-request')).toBeUndefined();
	});

	it('canonical-request hash in base64', async () => {
		const wrong = handSign({ base64Hash: true });
		const result = await searchSingleMistakes(withSignature(wrong.signature), SECRET);
		expect(result.findings.map((f) => [f.code, f.line])).toEqual([['hash-base64-not-hex', 4]]);
		expect(stage(result, 'string-to-sign')).toBe(wrong.sts);
	});

	it('signing key without "AWS4"', async () => {
		const wrong = handSign({ noAws4Prefix: true });
		const result = await searchSingleMistakes(withSignature(wrong.signature), SECRET);
		expect(result.findings.map((f) => [f.code, f.stage, f.line])).toEqual([['signing-key-missing-aws4-prefix', 'signing-key', 1]]);
		const key = stage(result, 'signing-key')!;
		expect(key).toContain(`kDate = ${wrong.kDate.toString('hex')}`);
		expect(key).toContain(`kSigning = ${wrong.kSigning.toString('hex')}`);
		expect(key.split('\n')[0]).toMatch(/^HMAC\(secret, "20150830"\)/);
		expect(stage(result, 'string-to-sign')).toBeUndefined();
	});

	it('hex text of each key used as the next key', async () => {
		const wrong = handSign({ hexKeys: true });
		const result = await searchSingleMistakes(withSignature(wrong.signature), SECRET);
		expect(result.findings.map((f) => f.code)).toEqual(['hex-intermediate-keys']);
		expect(stage(result, 'signing-key')).toContain(`kSigning = ${wrong.kSigning.toString('hex')}`);
	});

	it('the signing-key pane text has the page’s format, so the UI can diff it line by line', async () => {
		const trace = await signRequest(evidence.request, {
			...evidence.params,
			credentials: { ...evidence.params.credentials, secretAccessKey: SECRET }
		});
		const wrong = handSign({ hexKeys: true });
		const result = await searchSingleMistakes(withSignature(wrong.signature), SECRET);
		const mine = stage(result, 'signing-key')!.split('\n');
		const page = keyChainText(trace.keyChain).split('\n');
		expect(mine[0]).toBe(page[0]);
		expect(mine[1]).not.toBe(page[1]);
		expect(result.findings[0]!.line).toBe(2);
	});

	it('headers in the order of the request', async () => {
		const wrong = handSign({ headersInRequestOrder: true });
		const result = await searchSingleMistakes(withSignature(wrong.signature), SECRET);
		expect(result.findings.map((f) => [f.code, f.line])).toEqual([['headers-not-sorted', 4]]);
		expect(stage(result, 'canonical-request')).toBe(wrong.canonical);
	});

	it('CRLF in the canonical request', async () => {
		const wrong = handSign({ crlf: true });
		const result = await searchSingleMistakes(withSignature(wrong.signature), SECRET);
		expect(result.findings.map((f) => [f.code, f.stage])).toEqual([['crlf-line-endings', 'canonical-request']]);
		expect(stage(result, 'canonical-request')).toBe(wrong.canonical);
	});

	it('uppercase hex signature, alone and on top of another mistake', async () => {
		const upper = handSign({ upperSignature: true });
		const alone = await searchSingleMistakes(withSignature(upper.signature), SECRET);
		expect(alone.findings.map((f) => [f.code, f.stage])).toEqual([['hex-uppercase', 'signature']]);
		// Compared as bytes: the mistake behind an uppercase signature is found by the single search.
		const both = await searchSingleMistakes(withSignature(handSign({ hh: true, upperSignature: true }).signature), SECRET);
		expect(both.findings.map((f) => f.code)).toEqual(['timestamp-12-hour-clock', 'hex-uppercase']);
	});

	it('the Apex signer of the seed story: hh and a base64 hash together, found by the pair search', async () => {
		const wrong = handSign({ hh: true, base64Hash: true });
		expect((await searchSingleMistakes(withSignature(wrong.signature), SECRET)).findings).toEqual([]);
		const result = await searchMistakePairs(withSignature(wrong.signature), SECRET);
		expect(result.findings.map((f) => f.code).sort()).toEqual(['hash-base64-not-hex', 'timestamp-12-hour-clock']);
		expect(result.findings.every((f) => f.confirmed)).toBe(true);
		expect(stage(result, 'string-to-sign')).toBe(wrong.sts);
	});
});

describe('hand-written presigned URL with X-Amz-Credential not encoded', () => {
	// The S3 documentation's presigned GET (sigv4-query-string-auth), signed with "/" left raw in the credential.
	const s3: Evidence = {
		mode: 'query',
		request: { method: 'GET', url: 'https://examplebucket.s3.amazonaws.com/test.txt', headers: [] },
		params: {
			credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: '' },
			region: 'us-east-1',
			service: 's3',
			datetime: '20130524T000000Z',
			expiresIn: 86400
		}
	};
	const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

	it('is named, with the canonical request the signer made', async () => {
		const right = await presignUrl(s3.request, { ...s3.params, credentials: { ...s3.params.credentials, secretAccessKey: secret } });
		expect(right.signature).toBe('aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404');
		const canonical = [
			'GET',
			'/test.txt',
			'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host',
			'host:examplebucket.s3.amazonaws.com',
			'',
			'host',
			'UNSIGNED-PAYLOAD'
		].join('\n');
		const sts = [
			'AWS4-HMAC-SHA256',
			'20130524T000000Z',
			'20130524/us-east-1/s3/aws4_request',
			createHash('sha256').update(canonical).digest('hex')
		].join('\n');
		const key = ['20130524', 'us-east-1', 's3', 'aws4_request'].reduce<string | Buffer>((k, d) => hmac(k, d), 'AWS4' + secret);
		const signature = hmac(key as Buffer, sts).toString('hex');
		const signedUrl = right.signedUrl!.replace(right.signature, signature);

		const result = await searchSingleMistakes({ ...s3, provided: { signedUrl } }, secret);
		expect(result.findings.map((f) => [f.code, f.line])).toEqual([['query-not-encoded', 3]]);
		expect(stage(result, 'canonical-request')).toBe(canonical);
		expect(JSON.stringify(result)).not.toContain(secret);
	});
});
