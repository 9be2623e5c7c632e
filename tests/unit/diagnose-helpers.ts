// Shared by the diagnose-*.test.ts files: a request, its correct stages, and the user's mutated ones.
import { expect } from 'vitest';
import { diagnose, referenceInputs } from '../../src/lib/diagnose/index.ts';
import type { Evidence, Finding } from '../../src/lib/diagnose/types.ts';
import { incompatiblePairs, type FindingCode } from '../../src/lib/findings/index.ts';
import {
	presignUrl,
	signRequest,
	type Header,
	type HttpRequest,
	type SigningParams,
	type SigningTrace
} from '../../src/lib/sigv4/index.ts';

export const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
export const DATETIME = '20150830T123600Z';
export const NOW = new Date('2015-08-30T12:36:00Z');

export function params(over: Partial<SigningParams> = {}): SigningParams {
	return {
		credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: SECRET },
		region: 'us-east-1',
		service: 'service',
		datetime: DATETIME,
		...over
	};
}

export function s3Params(over: Partial<SigningParams> = {}): SigningParams {
	return params({ service: 's3', ...over });
}

export function request(method: string, url: string, headers: Header[] = [], body?: string | Uint8Array): HttpRequest {
	const r: HttpRequest = { method, url, headers };
	if (body !== undefined) r.body = body;
	return r;
}

export function sign(req: HttpRequest, p: SigningParams, mode: 'header' | 'query' = 'header'): Promise<SigningTrace> {
	return mode === 'query' ? presignUrl(req, p) : signRequest(req, p);
}

export type Provided = NonNullable<Evidence['provided']>;

export interface Scenario {
	request: HttpRequest;
	params: SigningParams;
	mode?: 'header' | 'query';
	/** The user's stages, from the correct trace. */
	provided?: (t: SigningTrace) => Provided | Promise<Provided>;
	server?: (t: SigningTrace) => NonNullable<Evidence['server']>;
	now?: Date | null;
	form?: [string, string][];
}

/** Runs diagnose on a scenario; `now` defaults to the signing time so that the clock is not a finding. */
export async function diagnoseScenario(s: Scenario): Promise<{ findings: Finding[]; trace?: SigningTrace }> {
	const mode = s.mode ?? 'header';
	// Scenarios whose parameters the core refuses have no correct trace, and need none.
	const trace = s.provided || s.server ? await sign(s.request, s.params, mode).catch(() => undefined) : undefined;
	const evidence: Evidence = { request: s.request, params: s.params, mode };
	if (s.provided) evidence.provided = await s.provided(trace!);
	if (s.server) evidence.server = s.server(trace!);
	if (s.now !== null) evidence.now = s.now ?? NOW;
	if (s.form) evidence.form = s.form;
	const findings = await diagnose(evidence);
	expectConsistent(findings);
	await expectSameWithTrace(evidence, findings);
	return { findings, trace };
}

/**
 * The contract of diagnose's second argument: a trace signed from referenceInputs(evidence) gives
 * the findings diagnose finds when it signs by itself. Parameters the core refuses have no such trace.
 */
async function expectSameWithTrace(evidence: Evidence, findings: Finding[]): Promise<void> {
	const inputs = referenceInputs(evidence);
	const given = await sign(inputs.request, inputs.params, evidence.mode).catch(() => undefined);
	if (given) expect(await diagnose(evidence, given)).toEqual(findings);
}

/** No two findings that contradict each other (findings/incompatible.ts): every scenario of every diagnose test passes here. */
export function expectConsistent(findings: Finding[]): void {
	const pairs = incompatiblePairs(findings).map(([kept, dropped]) => `${kept.code} with ${dropped.code}`);
	expect(pairs, 'incompatible findings').toEqual([]);
}

/** Replaces line `n` (1-based) of a text. */
export function replaceLine(text: string, n: number, line: string | ((old: string) => string)): string {
	const lines = text.split('\n');
	lines[n - 1] = typeof line === 'function' ? line(lines[n - 1]!) : line;
	return lines.join('\n');
}

export function hexToBase64(hex: string): string {
	return Buffer.from(hex, 'hex').toString('base64');
}

export async function hmacHex(key: Uint8Array | string, data: string | Uint8Array): Promise<Uint8Array> {
	const k = typeof key === 'string' ? new TextEncoder().encode(key) : key;
	const d = typeof data === 'string' ? new TextEncoder().encode(data) : data;
	const cryptoKey = await crypto.subtle.importKey('raw', k as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
	return new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, d as Uint8Array<ArrayBuffer>));
}

export const toHex = (b: Uint8Array) => Buffer.from(b).toString('hex');

export async function sha256Hex(text: string): Promise<string> {
	return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
}

/** The one finding of this code; fails when there is none or more than one. */
export function findingOf(findings: Finding[], code: FindingCode): Finding {
	const matching = findings.filter((f) => f.code === code);
	expect(matching, `findings: ${JSON.stringify(findings.map((f) => `${f.code}@${f.stage}:${f.line}`))}`).toHaveLength(1);
	return matching[0]!;
}

/** A finding made up for a test: an error at the request stage unless `over` says otherwise. */
export const finding = (code: FindingCode, over: Partial<Finding> = {}): Finding => ({
	code,
	stage: 'request',
	severity: 'error',
	message: 'm',
	fix: 'f',
	...over
});

/** A GET of the service's root, the plainest request there is. */
export const GET_ROOT = request('GET', 'https://example.amazonaws.com/');

export const FALLBACK_CODES: FindingCode[] = ['canonical-request-differs', 'string-to-sign-differs', 'signature-mismatch'];
