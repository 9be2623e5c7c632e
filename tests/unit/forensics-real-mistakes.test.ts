// The real mistakes of issue 11 (Build 5 and 6), each made by an independent wrong signer written
// here with node:crypto (not the catalogue's own mutations), then recovered by forensics, alone,
// in pairs and in triples; and nothing confirmed on the correct signature.
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	searchMistakePairs,
	searchMistakeTriples,
	searchSingleMistakes,
	type ForensicsResult
} from '../../src/lib/diagnose/forensics/search.ts';
import { referenceInputs } from '../../src/lib/diagnose/reference-inputs.ts';
import type { Evidence } from '../../src/lib/diagnose/types.ts';
import { presignUrl } from '../../src/lib/sigv4/index.ts';
import { SECRET } from './forensics-fixtures.ts';

const DATE = '20240115T101500Z';
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();
const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
/** SigV4's UriEncode, written the way the AWS docs show it. */
const aws = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

/** Common encoders, emulated: Java URLEncoder, .NET HttpUtility.UrlEncode, Python quote before 3.7. */
const urlEncoder = (s: string) =>
	encodeURIComponent(s)
		.replace(/[!'()~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
		.replace(/%20/g, '+');
const httpUtility = (s: string) =>
	encodeURIComponent(s)
		.replace(/['~]/g, (c) => '%' + c.charCodeAt(0).toString(16))
		.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())
		.replace(/%20/g, '+');
const quote36 = (s: string) => aws(s).replace(/~/g, '%7E');

interface Signer {
	method: string;
	host: string;
	service: string;
	region: string;
	mode: 'header' | 'query';
	/** Decoded path segments. */
	segments: string[];
	/** Decoded query parameters (the request's own). */
	query: [string, string][];
	/** Headers the signer signs, lowercase, with the values it signs. */
	signed: [string, string][];
	payload: string;
}

interface Wrong {
	encodePath?: (s: string) => string;
	encodeQuery?: (s: string) => string;
	/** Sorts the encoded pairs; the default is SigV4's order. */
	sortQuery?: (pairs: [string, string][], decoded: [string, string][]) => [string, string][];
	/** Extra values signed for a header (a second x-amz-date). */
	twice?: string;
}

const byKeyThenValue = (a: [string, string], b: [string, string]) =>
	a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;

/** A hand-written SigV4 signer; returns the signature and the URL a client would use. */
function handSign(r: Signer, wrong: Wrong = {}) {
	const scope = `${DATE.slice(0, 8)}/${r.region}/${r.service}/aws4_request`;
	const signedNames = r.signed.map(([n]) => n).sort();
	const decoded: [string, string][] = [...r.query];
	if (r.mode === 'query')
		decoded.push(
			['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
			['X-Amz-Credential', `AKIDEXAMPLE/${scope}`],
			['X-Amz-Date', DATE],
			['X-Amz-Expires', '3600'],
			['X-Amz-SignedHeaders', signedNames.join(';')]
		);
	const enc = wrong.encodeQuery ?? aws;
	let pairs: [string, string][] = decoded.map(([k, v]) => [enc(k), enc(v)]);
	pairs = wrong.sortQuery ? wrong.sortQuery(pairs, decoded) : pairs.sort(byKeyThenValue);
	const path = '/' + r.segments.map(wrong.encodePath ?? aws).join('/');
	const headers = [...r.signed].sort((a, b) => (a[0] < b[0] ? -1 : 1));
	const canonical = [
		r.method,
		path,
		pairs.map(([k, v]) => `${k}=${v}`).join('&'),
		...headers.map(([n, v]) => `${n}:${n === wrong.twice ? `${v},${v}` : v}`),
		'',
		signedNames.join(';'),
		r.payload
	].join('\n');
	const sts = ['AWS4-HMAC-SHA256', DATE, scope, sha(canonical)].join('\n');
	const key = [DATE.slice(0, 8), r.region, r.service, 'aws4_request'].reduce<string | Buffer>((k, d) => hmac(k, d), 'AWS4' + SECRET);
	const signature = hmac(key as Buffer, sts).toString('hex');
	const sentQuery = decoded.map(([k, v]) => `${aws(k)}=${aws(v)}`);
	if (r.mode === 'query') sentQuery.push(`X-Amz-Signature=${signature}`);
	const url = `https://${r.host}/${r.segments.map(aws).join('/')}${sentQuery.length ? '?' + sentQuery.join('&') : ''}`;
	return { signature, url, canonical };
}

const params = (r: Signer) => ({
	credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: '' },
	region: r.region,
	service: r.service,
	datetime: DATE,
	...(r.mode === 'query' ? { expiresIn: 3600 } : {})
});

/** The evidence a user pastes: the request as sent (headers `sent`), and their signature or URL. */
function evidenceOf(r: Signer, made: { signature: string; url: string }, sent: [string, string][]): Evidence {
	if (r.mode === 'query') {
		const request = { method: r.method, url: made.url.replace(/&X-Amz-Signature=[0-9a-f]+/, ''), headers: sent };
		return { mode: 'query', request, params: params(r), provided: { signedUrl: made.url } };
	}
	const request = { method: r.method, url: made.url, headers: sent };
	return { mode: 'header', request, params: params(r), provided: { signature: made.signature } };
}

const codes = (result: ForensicsResult) => result.findings.filter((f) => f.confirmed).map((f) => f.code);

const S3_HEADER: Signer = {
	method: 'GET',
	host: 'examplebucket.s3.us-west-2.amazonaws.com',
	service: 's3',
	region: 'us-west-2',
	mode: 'header',
	segments: ["it's (a) copy*!~ é.txt"],
	query: [],
	signed: [
		['host', 'examplebucket.s3.us-west-2.amazonaws.com'],
		['x-amz-content-sha256', 'UNSIGNED-PAYLOAD'],
		['x-amz-date', DATE]
	],
	payload: 'UNSIGNED-PAYLOAD'
};
const S3_SENT: [string, string][] = [
	['x-amz-content-sha256', 'UNSIGNED-PAYLOAD'],
	['x-amz-date', DATE]
];

const API: Signer = {
	method: 'GET',
	host: 'abc.execute-api.eu-west-1.amazonaws.com',
	service: 'execute-api',
	region: 'eu-west-1',
	mode: 'header',
	segments: ['prod', 'items'],
	query: [
		['a-b', '2'],
		['a', '1'],
		['B', 'x'],
		['a', '0'],
		['~t', 'y'],
		['ça', 'z'],
		['c', 'x y*']
	],
	signed: [
		['host', 'abc.execute-api.eu-west-1.amazonaws.com'],
		['x-amz-date', DATE]
	],
	payload: sha('')
};
const API_SENT: [string, string][] = [['X-Amz-Date', DATE]];

async function expectSingle(evidence: Evidence, code: string) {
	const result = await searchSingleMistakes(evidence, SECRET);
	expect(codes(result), JSON.stringify(result.findings.map((f) => f.message))).toContain(code);
	expect(JSON.stringify(result)).not.toContain(SECRET);
	return result;
}

describe('real mistakes, each alone', () => {
	it('the hand signer without mistakes is correct: nothing confirmed', async () => {
		for (const [r, sent] of [
			[S3_HEADER, S3_SENT],
			[API, API_SENT]
		] as const) {
			const ev = evidenceOf(r, handSign(r), [...sent]);
			expect((await searchMistakePairs(ev, SECRET)).findings).toEqual([]);
		}
	});

	const sorts: [string, Wrong['sortQuery']][] = [
		[
			'sorted before encoding',
			(pairs, decoded) =>
				pairs
					.map((p, i) => [p, decoded[i]!] as const)
					.sort((x, y) => byKeyThenValue(x[1], y[1]))
					.map(([p]) => p)
		],
		['sorted as key=value strings', (pairs) => pairs.sort((a, b) => (`${a[0]}=${a[1]}` < `${b[0]}=${b[1]}` ? -1 : 1))],
		['sorted case-insensitively', (pairs) => pairs.sort((a, b) => byKeyThenValue([a[0].toLowerCase(), a[1]], [b[0].toLowerCase(), b[1]]))],
		['sorted by key only', (pairs) => pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))]
	];
	for (const [name, sortQuery] of sorts) {
		it(`query ${name} → query-not-sorted`, async () => {
			const made = handSign(API, { sortQuery: sortQuery! });
			await expectSingle(evidenceOf(API, made, API_SENT), 'query-not-sorted');
		});
	}

	const encoders: [string, (s: string) => string, string][] = [
		['encodeURIComponent', encodeURIComponent, 'path-not-encoded'],
		['Java URLEncoder / Apex EncodingUtil.urlEncode', urlEncoder, 'path-not-encoded'],
		['.NET HttpUtility.UrlEncode', httpUtility, 'path-not-encoded'],
		['Python quote before 3.7', quote36, 'unreserved-encoded'],
		['no encoding (unicode and all raw)', (s) => s, 'path-not-encoded']
	];
	for (const [name, encodePath, code] of encoders) {
		it(`S3 path encoded by ${name} → ${code}`, async () => {
			const made = handSign(S3_HEADER, { encodePath });
			await expectSingle(evidenceOf(S3_HEADER, made, S3_SENT), code);
		});
	}

	it('query encoded by URLEncoder (space as "+") → query-plus-for-space', async () => {
		const made = handSign(API, { encodeQuery: urlEncoder });
		await expectSingle(evidenceOf(API, made, API_SENT), 'query-plus-for-space');
	});

	it('two x-amz-date headers signed → header-values-joined-wrong', async () => {
		const made = handSign(API, { twice: 'x-amz-date' });
		await expectSingle(evidenceOf(API, made, API_SENT), 'header-values-joined-wrong');
	});

	it('a default port in the signed Host (S3 defaults) → host-port-mismatch', async () => {
		const r: Signer = { ...S3_HEADER, segments: ['a.txt'], signed: S3_HEADER.signed.map(([n, v]) => [n, n === 'host' ? `${v}:443` : v]) };
		const made = handSign(r);
		await expectSingle(evidenceOf(r, { ...made, url: made.url.replace(':443', '') }, S3_SENT), 'host-port-mismatch');
	});

	it('a presigned PUT signed with one Content-Type, sent with another → header-added-after-signing, "valid if"', async () => {
		const r: Signer = {
			...S3_HEADER,
			method: 'PUT',
			mode: 'query',
			segments: ['up.txt'],
			signed: [
				['content-type', 'text/plain'],
				['host', S3_HEADER.host]
			]
		};
		const made = handSign(r);
		const result = await expectSingle(evidenceOf(r, made, [['Content-Type', 'text/plain;charset=UTF-8']]), 'header-added-after-signing');
		expect(result.sends).toEqual([['content-type', 'text/plain']]);
	});
});

describe('SSE signed on a presigned URL, not sent (Build 6)', () => {
	const r: Signer = {
		method: 'GET',
		host: 'examplebucket.s3.amazonaws.com',
		service: 's3',
		region: 'us-east-1',
		mode: 'query',
		segments: ['secret.pdf'],
		query: [],
		signed: [
			['host', 'examplebucket.s3.amazonaws.com'],
			['x-amz-server-side-encryption', 'aws:kms']
		],
		payload: 'UNSIGNED-PAYLOAD'
	};

	it('the correct trace keeps the signed SSE header; forensics finds the value that makes the signature valid', async () => {
		const made = handSign(r);
		const evidence = evidenceOf(r, made, []);
		const inputs = referenceInputs(evidence);
		expect(inputs.params.signedHeaders).toContain('x-amz-server-side-encryption');
		const trace = await presignUrl(inputs.request, {
			...inputs.params,
			credentials: { ...inputs.params.credentials, secretAccessKey: SECRET }
		});
		expect(trace.signedUrl).toContain('X-Amz-SignedHeaders=host%3Bx-amz-server-side-encryption');

		const result = await expectSingle(evidence, 'signed-header-absent');
		expect(result.sends).toEqual([['x-amz-server-side-encryption', 'aws:kms']]);
		const finding = result.findings.find((f) => f.code === 'signed-header-absent')!;
		expect(finding.message).toContain('valid if the client sends x-amz-server-side-encryption: aws:kms');
	});

	it('two SSE headers (AES256 and a bucket key) are found together by the pair search', async () => {
		const two: Signer = {
			...r,
			method: 'PUT',
			signed: [
				...r.signed.filter(([n]) => n === 'host'),
				['x-amz-server-side-encryption', 'AES256'],
				['x-amz-server-side-encryption-bucket-key-enabled', 'true']
			]
		};
		const result = await searchMistakePairs(evidenceOf(two, handSign(two), []), SECRET);
		expect(result.sends).toEqual(
			expect.arrayContaining([
				['x-amz-server-side-encryption', 'AES256'],
				['x-amz-server-side-encryption-bucket-key-enabled', 'true']
			])
		);
		expect(result.findings[0]!.message).toContain('Valid when the client sends all of');
	});
});

describe('pairs and triples of real mistakes', () => {
	it('a pair: query sorted as strings and the path by encodeURIComponent', async () => {
		const r: Signer = {
			...API,
			service: 's3',
			segments: ["it's (1).txt"],
			signed: S3_HEADER.signed.map(([n, v]) => [n, n === 'host' ? API.host : v]),
			payload: 'UNSIGNED-PAYLOAD'
		};
		const made = handSign(r, { sortQuery: sorts_asStrings, encodePath: encodeURIComponent });
		const result = await searchMistakePairs(evidenceOf(r, made, S3_SENT), SECRET);
		expect(codes(result)).toEqual(expect.arrayContaining(['query-not-sorted', 'path-not-encoded']));
	});

	it('a triple: query sorted case-insensitively and encoded by URLEncoder, x-amz-date signed twice, found within the search budget', async () => {
		const triple = handSign(API, {
			sortQuery: (pairs) => pairs.sort((a, b) => byKeyThenValue([a[0].toLowerCase(), a[1]], [b[0].toLowerCase(), b[1]])),
			encodeQuery: urlEncoder,
			twice: 'x-amz-date'
		});
		const evidence = evidenceOf(API, triple, API_SENT);
		expect((await searchMistakePairs(evidence, SECRET)).findings).toEqual([]);
		const result = await searchMistakeTriples(evidence, SECRET, { budgetMs: 20_000 });
		expect(codes(result)).toEqual(expect.arrayContaining(['query-not-sorted', 'query-plus-for-space', 'header-values-joined-wrong']));
	}, 60_000);

	it('the triples stop at their time bound and say so', async () => {
		const random = 'ab'.repeat(32);
		const result = await searchMistakeTriples({ ...evidenceOf(API, handSign(API), API_SENT), provided: { signature: random } }, SECRET, {
			budgetMs: 50
		});
		expect(result.findings).toEqual([]);
		expect(result.timedOut).toBe(true);
	}, 60_000);
});

function sorts_asStrings(pairs: [string, string][]): [string, string][] {
	return pairs.sort((a, b) => (`${a[0]}=${a[1]}` < `${b[0]}=${b[1]}` ? -1 : 1));
}
