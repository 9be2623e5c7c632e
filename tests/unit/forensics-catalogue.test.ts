// Every mistake of the forensics catalogue, signed through the catalogue's own mutation, is
// recovered by the single-mistake search: right code, confirmed, and the mutated stage shown is
// the text the wrong signer made. (forensics-handwritten.test.ts checks the mutations themselves
// against independent wrong signers.)
import { describe, expect, it } from 'vitest';
import { FORENSIC_MISTAKES, mistakesFor, type Mistake } from '../../src/lib/diagnose/forensics/catalogue.ts';
import { buildModel, type Model } from '../../src/lib/diagnose/forensics/model.ts';
import { PlanSigner } from '../../src/lib/diagnose/forensics/plan-signer.ts';
import { searchSingleMistakes } from '../../src/lib/diagnose/forensics/search.ts';
import { FINDING_CODES } from '../../src/lib/findings/index.ts';
import { evidenceWith, FIXTURES, SECRET, signWithMistake } from './forensics-fixtures.ts';

interface Case {
	fixture: string;
	mistake: Mistake;
	model: Model;
}

async function cases(): Promise<Case[]> {
	const out: Case[] = [];
	for (const [fixture, evidence] of Object.entries(FIXTURES)) {
		const model = await buildModel(evidence, SECRET);
		for (const mistake of mistakesFor(model)) {
			// A mistake that changes nothing for this request is no mistake here (e.g. hh at 00:05 is 12:05: it is).
			if ((await signWithMistake(model, [mistake])) === model.trace.signature) continue;
			out.push({ fixture, mistake, model });
		}
	}
	return out;
}

const all = await cases();

describe('the catalogue', () => {
	it('uses only codes from FINDING_CODES', () => {
		for (const kind of FORENSIC_MISTAKES) expect(FINDING_CODES[kind.code], kind.id).toBeDefined();
		for (const { mistake } of all) expect(FINDING_CODES[mistake.code], mistake.id).toBeDefined();
	});

	it('has unique kind ids and covers the mistakes of issue 4', () => {
		const ids = FORENSIC_MISTAKES.map((k) => k.id);
		expect(new Set(ids).size).toBe(ids.length);
		const codes = new Set(all.map((c) => c.mistake.code));
		for (const code of [
			'headers-not-sorted',
			'header-name-not-lowercase',
			'header-value-not-trimmed',
			'path-not-double-encoded',
			'path-double-encoded',
			's3-path-normalized',
			'path-not-normalized',
			'plus-in-s3-key',
			'query-not-sorted',
			'query-not-encoded',
			'query-plus-for-space',
			'query-missing-equals',
			'payload-hash-mismatch',
			'unsigned-payload-misuse',
			'payload-hash-uppercase',
			'crlf-line-endings',
			'missing-blank-line',
			'method-not-uppercase',
			'host-port-mismatch',
			'x-amz-header-not-signed',
			'header-added-after-signing',
			'unsignable-header-signed',
			'timestamp-12-hour-clock',
			'hash-base64-not-hex',
			'hex-uppercase',
			'raw-canonical-request-in-sts',
			'algorithm-line-wrong',
			'scope-terminator-wrong',
			'timestamp-scope-date-mismatch',
			'scope-region-mismatch',
			'scope-service-mismatch',
			'signing-key-missing-aws4-prefix',
			'hmac-key-data-swapped',
			'hex-intermediate-keys',
			'signing-key-step-skipped',
			'signature-base64'
		] as const)
			expect(codes, code).toContain(code);
	});

	it('changes the signature of some fixture with every kind of mistake', () => {
		const seen = new Set(all.map((c) => c.mistake.kind));
		for (const kind of FORENSIC_MISTAKES) expect(seen, kind.id).toContain(kind.id);
	});

	it('marks the mistakes it was asked for in both stages of STS CRLF and CR CRLF', () => {
		const crlf = all.filter((c) => c.mistake.code === 'crlf-line-endings').map((c) => c.mistake.stage);
		expect(new Set(crlf)).toEqual(new Set(['canonical-request', 'string-to-sign']));
	});
});

describe('single-mistake search recovers every mistake', () => {
	for (const { fixture, mistake, model } of all) {
		it(`${fixture}: ${mistake.id}`, async () => {
			const evidence = FIXTURES[fixture]!;
			const theirs = await signWithMistake(model, [mistake]);
			const result = await searchSingleMistakes(evidenceWith(evidence, theirs), SECRET);
			const finding = result.findings.find((f) => f.code === mistake.code && f.stage === mistake.stage);
			expect(finding, `${mistake.id} among ${result.findings.map((f) => f.code).join(', ')}`).toBeDefined();
			expect(finding!.confirmed).toBe(true);
			expect(finding!.severity).toBe('error');
			expect(finding!.message.length).toBeGreaterThan(20);
			expect(finding!.fix.length).toBeGreaterThan(10);
			expect(finding!.line).toBeGreaterThanOrEqual(1);

			const stages = await new PlanSigner(model, SECRET).stages(mistake.apply(model.base));
			const shown = new Map((result.mutated ?? []).map((m) => [m.stage, m.text]));
			if (mistake.stage === 'canonical-request') expect(shown.get('canonical-request')).toBe(stages.canonicalRequest);
			if (mistake.stage === 'canonical-request' || mistake.stage === 'string-to-sign')
				expect(shown.get('string-to-sign')).toBe(stages.stringToSign);
			if (mistake.stage === 'signing-key') expect(shown.get('signing-key')).toBe(stages.keyText);
			expect(shown.get('signature')).toBe(theirs);
			// Only the stages the mistake reaches differ: a string-to-sign mistake leaves the key alone.
			if (mistake.stage === 'string-to-sign' && !/scope-(date|region|service)|terminator:scope-and-key/.test(mistake.id))
				expect(shown.has('signing-key')).toBe(false);
			if (mistake.stage === 'signing-key') expect([...shown.keys()]).toEqual(['signing-key', 'signature']);

			// The line points into the mutated stage, at the first line that differs from the correct one.
			const text = shown.get(mistake.stage as 'canonical-request');
			if (text !== undefined && mistake.stage !== 'signature') {
				const correct = { 'canonical-request': model.trace.canonicalRequest, 'string-to-sign': model.trace.stringToSign }[
					mistake.stage as 'canonical-request' | 'string-to-sign'
				];
				if (correct !== undefined) {
					const line = finding!.line! - 1;
					expect(text.split('\n')[line]).not.toBe(correct.split('\n')[line]);
					expect(text.split('\n').slice(0, line)).toEqual(correct.split('\n').slice(0, line));
				}
			}
		});
	}
});
