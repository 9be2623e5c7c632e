// Pairs of mistakes, false positives, cancellation, the worker protocol, and the secret.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compatible, mistakesFor, type Mistake } from '../../src/lib/diagnose/forensics/catalogue.ts';
import { buildModel } from '../../src/lib/diagnose/forensics/model.ts';
import {
	searchMistakePairs,
	searchSingleMistakes,
	targetSignature,
	type ForensicsResult,
	type ForensicsWorkerMessage
} from '../../src/lib/diagnose/forensics/search.ts';
import type { Evidence } from '../../src/lib/diagnose/types.ts';
import { evidenceWith, FIXTURES, SECRET, signWithMistake } from './forensics-fixtures.ts';

const API = 'API Gateway POST, header auth';
const S3_PUT = 'S3 PUT with a "+" in the key';
const PRESIGNED = 'S3 presigned GET with SSE';
const SES = 'SES on a custom port, presigned';

/** 22 pairs across every stage, each mistake from a different part of the signer. */
const PAIRS: [fixture: string, a: string, b: string][] = [
	[API, 'headers-unsorted:as-sent', 'twelve-hour-clock:string-to-sign'],
	[API, 'header-names-as-sent', 'sts-hash-base64'],
	[API, 'header-values-untrimmed:raw', 'no-aws4-prefix'],
	[API, 'path-encoding', 'scope-region:us-east-1'],
	[API, 'path-normalization', 'hex-keys:intermediate'],
	[API, 'query-unsorted', 'query-no-equals'],
	[API, 'query-unencoded:decoded', 'signature-swapped'],
	[API, 'query-plus', 'key-swapped:kDate'],
	[API, 'payload-empty-hash', 'algorithm-line:trailing-space'],
	[API, 'payload-uppercase', 'sts-crlf'],
	[API, 'crlf', 'method-lowercase'],
	[API, 'no-blank-line', 'scope-terminator:scope-and-key'],
	[API, 'host-port:443', 'scope-date:day-before'],
	[API, 'header-unsigned:content-type', 'header-signed:user-agent'],
	[API, 'header-values-joined:lines', 'skip-terminator-step'],
	[API, 'sts-raw-canonical-request', 'scope-service:apigateway'],
	[API, 'sts-hash-uppercase', 'key-swapped:all'],
	[API, 'payload-unsigned', 'hex-keys:signing'],
	[API, 'header-unsigned:x-amz-meta-owner', 'header-unsigned:x-amz-security-token'],
	[S3_PUT, 'plus-in-s3-key', 'header-unsigned:x-amz-content-sha256'],
	[PRESIGNED, 'query-unencoded:decoded', 'header-unsigned:x-amz-server-side-encryption'],
	[SES, 'host-port:none', 'scope-service:email']
];

async function mistakesOf(fixture: string): Promise<{ model: Awaited<ReturnType<typeof buildModel>>; byId: Map<string, Mistake> }> {
	const model = await buildModel(FIXTURES[fixture]!, SECRET);
	return { model, byId: new Map(mistakesFor(model).map((m) => [m.id, m])) };
}

describe('pair search', () => {
	for (const [fixture, a, b] of PAIRS) {
		it(`${fixture}: ${a} + ${b}`, async () => {
			const { model, byId } = await mistakesOf(fixture);
			const first = byId.get(a)!;
			const second = byId.get(b)!;
			expect(first, a).toBeDefined();
			expect(second, b).toBeDefined();
			expect(compatible(first, second)).toBe(true);
			const theirs = await signWithMistake(model, [first, second]);
			const evidence = evidenceWith(FIXTURES[fixture]!, theirs);
			expect((await searchSingleMistakes(evidence, SECRET)).findings).toEqual([]);

			const progress: [number, number][] = [];
			const result = await searchMistakePairs(evidence, SECRET, { onProgress: (done, total) => progress.push([done, total]) });
			const codes = result.findings.map((f) => `${f.code}@${f.stage}`);
			expect(codes).toContain(`${first.code}@${first.stage}`);
			expect(codes).toContain(`${second.code}@${second.stage}`);
			expect(result.findings.every((f) => f.confirmed === true && f.severity === 'error')).toBe(true);
			expect(result.mutated?.find((m) => m.stage === 'signature')?.text).toBe(theirs);
			expect(result.tried).toBeGreaterThan(100);
			// Progress starts at 0, never goes back and ends at the total.
			expect(progress[0]![0]).toBe(0);
			expect(progress.at(-1)![0]).toBe(progress.at(-1)![1]);
			for (let i = 1; i < progress.length; i++) expect(progress[i]![0]).toBeGreaterThanOrEqual(progress[i - 1]![0]);
		});
	}

	it('never combines two mistakes that change the same thing', async () => {
		const { byId } = await mistakesOf(API);
		expect(compatible(byId.get('path-encoding')!, byId.get('path-normalization')!)).toBe(false);
		expect(compatible(byId.get('sts-hash-base64')!, byId.get('sts-hash-uppercase')!)).toBe(false);
		expect(compatible(byId.get('query-unencoded:decoded')!, byId.get('query-plus')!)).toBe(false);
		expect(compatible(byId.get('key-swapped:all')!, byId.get('key-swapped:kRegion')!)).toBe(false);
		expect(compatible(byId.get('key-swapped:kDate')!, byId.get('key-swapped:kRegion')!)).toBe(true);
	});

	it('returns the single mistake when one explains the signature', async () => {
		const { model, byId } = await mistakesOf(API);
		const theirs = await signWithMistake(model, [byId.get('query-unsorted')!]);
		const result = await searchMistakePairs(evidenceWith(FIXTURES[API]!, theirs), SECRET);
		expect(result.findings.map((f) => f.code)).toEqual(['query-not-sorted']);
	});

	it('stops when the signal aborts, and before starting when already aborted', async () => {
		const evidence = evidenceWith(FIXTURES[API]!, 'f'.repeat(64));
		const controller = new AbortController();
		let calls = 0;
		const run = searchMistakePairs(evidence, SECRET, {
			signal: controller.signal,
			onProgress: (done) => {
				calls++;
				if (done > 0) controller.abort();
			}
		});
		await expect(run).rejects.toMatchObject({ name: 'AbortError' });
		expect(calls).toBeLessThan(4);
		await expect(searchMistakePairs(evidence, SECRET, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
	});
});

describe('no false positives', () => {
	it('a correct signature, in any of the three places, yields nothing', async () => {
		for (const evidence of Object.values(FIXTURES)) {
			const model = await buildModel(evidence, SECRET);
			const provided = model.trace.authorization ? { authorization: model.trace.authorization } : { signedUrl: model.trace.signedUrl! };
			for (const p of [{ signature: model.trace.signature }, provided]) {
				expect(await searchSingleMistakes({ ...evidence, provided: p }, SECRET)).toEqual({ findings: [], tried: 0 });
				expect(await searchMistakePairs({ ...evidence, provided: p }, SECRET)).toEqual({ findings: [], tried: 0 });
			}
		}
	});

	it('random signatures (hex, uppercase hex, base64) and a wrong secret confirm nothing', async () => {
		for (const [i, evidence] of Object.values(FIXTURES).entries()) {
			const random = createHash('sha256').update(`random ${i}`).digest();
			for (const signature of [random.toString('hex'), random.toString('hex').toUpperCase(), random.toString('base64')]) {
				const single = await searchSingleMistakes(evidenceWith(evidence, signature), SECRET);
				expect(single.findings).toEqual([]);
				expect(single.tried).toBeGreaterThan(30);
			}
			const pairs = await searchMistakePairs(evidenceWith(evidence, random.toString('hex')), SECRET);
			expect(pairs.findings).toEqual([]);
			expect(pairs.tried).toBeGreaterThan(500);
			// Signed right but with another secret: a job for diagnose (wrong-secret-key), not a signer mistake.
			const other = await buildModel(evidence, 'another secret');
			expect((await searchSingleMistakes(evidenceWith(evidence, other.trace.signature), SECRET)).findings).toEqual([]);
		}
	});

	it('nothing to search without a signature, a usable one, or a secret', async () => {
		const evidence = FIXTURES[API]!;
		const model = await buildModel(evidence, SECRET);
		const none = { findings: [], tried: 0 };
		expect(await searchSingleMistakes(evidence, SECRET)).toEqual(none);
		expect(await searchSingleMistakes(evidenceWith(evidence, 'not a signature'), SECRET)).toEqual(none);
		expect(await searchSingleMistakes(evidenceWith(evidence, model.trace.signature.slice(2)), SECRET)).toEqual(none);
		expect(await searchSingleMistakes(evidenceWith(evidence, 'f'.repeat(64)), '')).toEqual(none);
		const broken: Evidence = { ...evidenceWith(evidence, 'f'.repeat(64)), request: { ...evidence.request, url: 'not a url' } };
		expect(await searchSingleMistakes(broken, SECRET)).toEqual(none);
	});
});

describe('where the signature comes from', () => {
	it('the signature field, the Authorization header or the presigned URL (percent-decoded)', () => {
		const e = FIXTURES[API]!;
		expect(targetSignature({ ...e, provided: { signature: ' abc ' } })).toBe('abc');
		expect(
			targetSignature({ ...e, provided: { authorization: 'AWS4-HMAC-SHA256 Credential=A/b, SignedHeaders=host, Signature=def' } })
		).toBe('def');
		expect(targetSignature({ ...e, provided: { signedUrl: 'https://h/?X-Amz-Date=1&X-Amz-Signature=ab%2Bc%3D&x=1' } })).toBe('ab+c=');
		expect(targetSignature(e)).toBeUndefined();
	});
});

describe('the secret', () => {
	it('appears in no result, finding or mutated stage', async () => {
		const results: ForensicsResult[] = [];
		for (const [fixture, evidence] of Object.entries(FIXTURES)) {
			const model = await buildModel(evidence, SECRET);
			for (const mistake of mistakesFor(model))
				results.push(await searchSingleMistakes(evidenceWith(evidence, await signWithMistake(model, [mistake])), SECRET));
			if (fixture === API) {
				const { byId } = await mistakesOf(API);
				const pair = await signWithMistake(model, [byId.get('no-aws4-prefix')!, byId.get('key-swapped:kDate')!]);
				results.push(await searchMistakePairs(evidenceWith(evidence, pair), SECRET));
			}
		}
		expect(results.filter((r) => r.findings.length > 0).length).toBeGreaterThan(150);
		const json = JSON.stringify(results);
		expect(json).not.toContain(SECRET);
		expect(json).not.toContain(SECRET.slice(0, 12));
		expect(json).not.toContain(encodeURIComponent(SECRET));
	});
});

describe('forensics.worker.ts', () => {
	const posted: ForensicsWorkerMessage[] = [];
	const scope = globalThis as unknown as { postMessage?: unknown; onmessage?: unknown };
	const before = { postMessage: scope.postMessage, onmessage: scope.onmessage };
	let handle: (data: unknown) => void;

	beforeAll(async () => {
		// The worker talks to its global scope; in Node the test stands in for the page.
		scope.postMessage = (message: ForensicsWorkerMessage) => posted.push(message);
		await import('../../src/lib/diagnose/forensics/worker.ts');
		const onmessage = scope.onmessage as (event: { data: unknown }) => void;
		handle = (data) => onmessage({ data });
	});
	afterAll(() => Object.assign(scope, before));

	const settled = async () => {
		for (let i = 0; i < 500 && !posted.some((m) => m.type !== 'progress'); i++) await new Promise((r) => setTimeout(r, 10));
		return posted.find((m) => m.type !== 'progress');
	};

	it('runs the pair search on {type: "pairs"}, posts progress then the result, and never the secret', async () => {
		const { model, byId } = await mistakesOf(API);
		const theirs = await signWithMistake(model, [byId.get('crlf')!, byId.get('no-aws4-prefix')!]);
		posted.length = 0;
		handle({ type: 'pairs', evidence: evidenceWith(FIXTURES[API]!, theirs), secret: SECRET });
		const final = await settled();
		expect(final?.type).toBe('result');
		const result = (final as { result: ForensicsResult }).result;
		expect(result.findings.map((f) => f.code).sort()).toEqual(['crlf-line-endings', 'signing-key-missing-aws4-prefix']);
		expect(posted.filter((m) => m.type === 'progress').length).toBeGreaterThan(2);
		expect(JSON.stringify(posted)).not.toContain(SECRET);
	});

	it('a cancel stops the search: no result is posted', async () => {
		posted.length = 0;
		handle({ type: 'pairs', evidence: evidenceWith(FIXTURES[API]!, 'f'.repeat(64)), secret: SECRET });
		handle({ type: 'cancel' });
		await new Promise((r) => setTimeout(r, 300));
		expect(posted.filter((m) => m.type !== 'progress')).toEqual([]);
	});
});
