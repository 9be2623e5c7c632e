// The real-world corpus: public failure reports run through the case pipeline as a user on a fresh
// page would (start from the example, paste, type the secret, analyze), and scored: is the cause
// the reporter or a maintainer established named by an error finding, and are there errors that
// are not true for the evidence? `npm test` prints the line this writes to test-results/realworld.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze, edit, exampleCase, importPaste } from '../../src/lib/case/index.ts';
import * as findingsModule from '../../src/lib/findings/index.ts';
import { FINDING_CODES } from '../../src/lib/findings/index.ts';
import { HEADER_CASES } from './cases-headers.ts';
import { PATH_QUERY_CASES } from './cases-path-query.ts';
import { PAYLOAD_CASES, KEY_CASES } from './cases-payload-keys.ts';
import { POST_CASES, SERVICE_CASES } from './cases-post-services.ts';
import { PRESIGN_CASES } from './cases-presign.ts';
import { REGION_SERVICE_CASES } from './cases-region-service.ts';
import { TIME_CASES } from './cases-time.ts';
import { UPLOAD_CASES } from './cases-uploads.ts';
import type { RealCase } from './types.ts';

/** The share of cases whose cause is named by an error finding must not fall below this (raise it as diagnosis improves). */
const RATE_FLOOR = 97.1;
/** Error findings that are neither expected nor allowed, summed over the corpus, must not exceed this. */
const MAX_FALSE_ERRORS = 0;
/** Contradicting pairs (incompatiblePairs), summed over the corpus, must not exceed this. */
const MAX_CONTRADICTIONS = 0;
/** True whenever a signature differs: never counted as a false error. */
const ALWAYS_ALLOWED = new Set(['signature-mismatch']);

export const THEMES: Record<string, RealCase[]> = {
	'path and query': PATH_QUERY_CASES,
	'headers and proxies': HEADER_CASES,
	'presigned URLs and session tokens': PRESIGN_CASES,
	'region and service': REGION_SERVICE_CASES,
	time: TIME_CASES,
	payload: PAYLOAD_CASES,
	'key chain': KEY_CASES,
	'POST policy': POST_CASES,
	'non-S3 services': SERVICE_CASES,
	'uploads: aws-chunked, checksums, S3 Express': UPLOAD_CASES
};
const CASES = Object.values(THEMES).flat();

interface Outcome {
	id: string;
	expected: string[];
	errors: string[];
	named: boolean;
	first: boolean;
	falseErrors: string[];
	contradictions: number;
	problem?: string;
}
const outcomes: Outcome[] = [];

type Pairs = (findings: unknown[]) => unknown[];
const incompatiblePairs = (findingsModule as unknown as { incompatiblePairs?: Pairs }).incompatiblePairs;

async function run(rc: RealCase): Promise<Outcome> {
	let c = exampleCase();
	for (const text of rc.pastes) c = importPaste(c, text).case;
	if (rc.secret !== undefined) c = edit(c, { secretAccessKey: rc.secret });
	const result = await analyze(c, rc.now ? { forensics: 'pairs', now: rc.now } : { forensics: 'pairs' });
	const errors = result.findings.filter((f) => f.severity === 'error').map((f) => f.code);
	const allowed = new Set([...rc.expected, ...(rc.allowedErrors ?? []), ...ALWAYS_ALLOWED]);
	const outcome: Outcome = {
		id: rc.id,
		expected: rc.expected,
		errors,
		named: errors.some((code) => rc.expected.includes(code)),
		first: errors.length > 0 && rc.expected.includes(errors[0]!),
		falseErrors: errors.filter((code) => !allowed.has(code)),
		contradictions: incompatiblePairs ? incompatiblePairs(result.findings).length : 0
	};
	const problem = result.problem ?? result.error?.message;
	if (problem) outcome.problem = problem;
	return outcome;
}

describe('real-world corpus: every case is well formed', () => {
	it('has at least 40 cases with unique ids', () => {
		expect(CASES.length).toBeGreaterThanOrEqual(40);
		expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
	});
	for (const rc of CASES) {
		it(`${rc.id}: source, cause, known expected codes, a paste`, () => {
			expect(rc.source).toMatch(/^https:\/\/\S+$/);
			expect(rc.cause.trim().length).toBeGreaterThan(10);
			expect(rc.expected.length).toBeGreaterThan(0);
			for (const code of [...rc.expected, ...(rc.allowedErrors ?? [])]) expect(Object.keys(FINDING_CODES)).toContain(code);
			expect(rc.pastes.length).toBeGreaterThan(0);
			for (const paste of rc.pastes) expect(paste.trim()).not.toBe('');
		});
	}
});

describe('real-world corpus: the pipeline on each case', () => {
	for (const rc of CASES) {
		it(rc.id, async () => {
			try {
				outcomes.push(await run(rc));
			} catch (e) {
				// The pipeline must never throw on user text: counted as not named, and said.
				const problem = `threw: ${e instanceof Error ? e.message : String(e)}`;
				outcomes.push({
					id: rc.id,
					expected: rc.expected,
					errors: [],
					named: false,
					first: false,
					falseErrors: [],
					contradictions: 0,
					problem
				});
			}
		});
	}
});

afterAll(() => {
	if (outcomes.length === 0) return;
	const n = outcomes.length;
	const named = outcomes.filter((o) => o.named).length;
	const first = outcomes.filter((o) => o.first).length;
	const falseErrors = outcomes.reduce((s, o) => s + o.falseErrors.length, 0);
	const contradictions = outcomes.reduce((s, o) => s + o.contradictions, 0);
	const rate = Math.round((1000 * named) / n) / 10;
	for (const o of outcomes) {
		if (o.named && o.falseErrors.length === 0) continue;
		console.log(
			`realworld ✗ ${o.id}: expected ${o.expected.join(' | ')}; got ${o.errors.length ? o.errors.join(', ') : '(no error)'}` +
				(o.falseErrors.length ? `; false: ${o.falseErrors.join(', ')}` : '') +
				(o.problem ? `; problem: ${o.problem}` : '')
		);
	}
	const line =
		`realworld: ${n} cases, named ${named} (${rate}%), first ${first}, false errors ${falseErrors}` +
		(incompatiblePairs ? `, contradictions ${contradictions}` : '');
	console.log(line);
	mkdirSync('test-results', { recursive: true });
	writeFileSync(
		'test-results/realworld.json',
		JSON.stringify({ cases: n, named, rate, first, falseErrors, contradictions, line, outcomes }, null, '\t')
	);
	// Checked here, after every case has run, so one line reports the whole corpus.
	expect(rate).toBeGreaterThanOrEqual(RATE_FLOOR);
	expect(falseErrors).toBeLessThanOrEqual(MAX_FALSE_ERRORS);
	expect(contradictions).toBeLessThanOrEqual(MAX_CONTRADICTIONS);
});
