// The input fuzz (npm run fuzz; a short run in tests/unit/input-fuzz.test.ts): realistic samples
// mutated, fed to each entry point that takes user text or user data. An entry point may answer
// with a message, never with an exception (except the signers' documented SigningError), and no
// text it returns says "undefined", "NaN" or that an internal net caught a bug.
import { analyze, DEFAULT_CASE, importPaste, type Case } from '../../src/lib/case/index.ts';
import { diagnose, type Evidence } from '../../src/lib/diagnose/index.ts';
import { importText } from '../../src/lib/parse/index.ts';
import { bytesToBase64Url } from '../../src/lib/share/base64url.ts';
import { deflate } from '../../src/lib/share/deflate.ts';
import { caseFromJson, decodeCase } from '../../src/lib/share/index.ts';
import { presignUrl, signPostPolicy, signRequest, SigningError, type HttpRequest, type SigningParams } from '../../src/lib/sigv4/index.ts';
import type { Corpus } from './corpus.ts';
import { int, maybe, mutate, ODD, pick, rng, type Rand } from './mutate.ts';

export type Target = 'importText' | 'decodeCase' | 'caseFromJson' | 'sign' | 'presign' | 'postPolicy' | 'diagnose';

/** Shares of every 40 inputs: the paste importer reads the most shapes, so it gets the most. */
const SCHEDULE: [Target, number][] = [
	['importText', 24],
	['decodeCase', 3],
	['caseFromJson', 3],
	['sign', 3],
	['presign', 2],
	['postPolicy', 2],
	['diagnose', 3]
];
const ROUND: Target[] = SCHEDULE.flatMap(([t, n]) => Array<Target>(n).fill(t));

export function targetOf(index: number): Target {
	return ROUND[index % ROUND.length]!;
}

/** Plain data (saved as JSON to replay): binary bodies as byte arrays. */
export type FuzzInput =
	| { target: 'importText'; text: string; harEntry?: number; analyze: boolean }
	| { target: 'decodeCase'; fragment: string }
	| { target: 'decodeCase'; linkJson: string }
	| { target: 'caseFromJson'; text: string }
	| { target: 'sign' | 'presign'; request: FuzzRequest; params: SigningParams }
	| { target: 'postPolicy'; policy: string; fields: [string, string][]; action?: string; params: SigningParams }
	| { target: 'diagnose'; evidence: Evidence };

type FuzzRequest = Omit<HttpRequest, 'body'> & { body?: string | number[] };

function mutateRequest(r: Rand, req: HttpRequest, donors: readonly string[]): FuzzRequest {
	const out: FuzzRequest = {
		method: maybe(r, req.method, donors, 0.15),
		url: maybe(r, req.url, donors, 0.4),
		headers: req.headers.map(([n, v]) => [maybe(r, n, donors, 0.08), maybe(r, v, donors, 0.15)])
	};
	if (r() < 0.2) out.headers.push([pick(r, ['x-amz-meta-a', 'Host', 'X-Amz-Date', 'Content-Type', pick(r, ODD)]), pick(r, ODD)]);
	const body = typeof req.body === 'string' ? req.body : '';
	if (r() < 0.1) out.body = Array.from({ length: int(r, 64) }, () => int(r, 256));
	else if (body !== '' || r() < 0.2) out.body = maybe(r, body, donors, 0.5);
	return out;
}

const ODD_NUMBERS = [0, -1, 1.5, NaN, Infinity, 604801, 2 ** 53, 3600];

function mutateParams(r: Rand, p: SigningParams, donors: readonly string[]): SigningParams {
	const out: SigningParams = structuredClone(p);
	const c = out.credentials;
	c.accessKeyId = maybe(r, c.accessKeyId, donors, 0.1);
	c.secretAccessKey = maybe(r, c.secretAccessKey, donors, 0.1);
	if (r() < 0.15) c.sessionToken = maybe(r, c.sessionToken ?? 'IQoJb3JpZ2luX2Vj', donors, 0.5);
	out.region = maybe(r, out.region, donors, 0.08);
	out.service = maybe(r, out.service, donors, 0.08);
	out.datetime = maybe(r, out.datetime, donors, 0.1);
	if (r() < 0.1)
		out.payloadHash = maybe(
			r,
			pick(r, ['UNSIGNED-PAYLOAD', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', '']),
			donors,
			0.5
		);
	if (r() < 0.1) out.signedHeaders = maybe(r, 'host;x-amz-date;range', donors, 0.6).split(';');
	if (r() < 0.1) out.expiresIn = pick(r, ODD_NUMBERS);
	for (const flag of ['uriEscapePath', 'normalizePath', 'contentSha256Header', 'signSessionToken'] as const)
		if (r() < 0.05) out[flag] = r() < 0.5;
	return out;
}

function mutateEvidence(r: Rand, e: Evidence, donors: readonly string[]): Evidence {
	const out: Evidence = structuredClone(e);
	const provided = (out.provided ??= {});
	for (const key of ['canonicalRequest', 'stringToSign', 'signature', 'authorization', 'signedUrl', 'signingKey'] as const) {
		const value = provided[key];
		if (value !== undefined) provided[key] = maybe(r, value, donors, 0.4);
		else if (r() < 0.05) provided[key] = mutate(r, pick(r, donors).slice(0, 400), donors);
	}
	if (out.server)
		for (const key of ['canonicalRequest', 'stringToSign', 'code', 'message'] as const)
			if (out.server[key] !== undefined) out.server[key] = maybe(r, out.server[key], donors, 0.3);
	if (out.form) out.form = out.form.map(([n, v]) => [maybe(r, n, donors, 0.05), maybe(r, v, donors, 0.2)]);
	if (r() < 0.1) out.params = mutateParams(r, out.params, donors);
	if (r() < 0.1) out.request.headers = out.request.headers.map(([n, v]) => [n, maybe(r, v, donors, 0.3)]);
	if (r() < 0.2) out.now = new Date(r() < 0.5 ? 1369353600000 + int(r, 1e9) : NaN);
	return out;
}

/** The input number `index` of the run with `seed`: the same on every call, so a hang can be replayed. */
export function generate(corpus: Corpus, seed: number, index: number): FuzzInput {
	const r = rng((seed * 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b));
	const donors = corpus.texts;
	const target = targetOf(index);
	switch (target) {
		case 'importText': {
			const input: FuzzInput = { target, text: mutate(r, pick(r, donors), donors), analyze: index % 5 === 0 };
			if (r() < 0.05) input.harEntry = int(r, 8) - 2;
			return input;
		}
		case 'decodeCase':
			return r() < 0.3
				? { target, fragment: mutate(r, pick(r, corpus.fragments), donors) }
				: { target, linkJson: mutate(r, pick(r, corpus.linkJson), donors) };
		case 'caseFromJson':
			return { target, text: mutate(r, pick(r, corpus.caseFiles), donors) };
		case 'sign':
		case 'presign': {
			const base = pick(r, corpus.requests);
			return { target, request: mutateRequest(r, base.request, donors), params: mutateParams(r, base.params, donors) };
		}
		case 'postPolicy': {
			const base = pick(r, corpus.policies);
			const input: FuzzInput = {
				target,
				policy: maybe(r, base.policy, donors, 0.7),
				fields: base.fields.map(([n, v]) => [maybe(r, n, donors, 0.1), maybe(r, v, donors, 0.2)]),
				params: mutateParams(r, pick(r, corpus.requests).params, donors)
			};
			if (r() < 0.1) input.action = mutate(r, 'https://examplebucket.s3.amazonaws.com/', donors);
			return input;
		}
		default:
			return { target, evidence: mutateEvidence(r, pick(r, corpus.evidence), donors) };
	}
}

export interface Problem {
	kind: 'uncaught' | 'bad-text';
	detail: string;
}

/** Words that show a bug when an answer says them, and the phrases of the internal safety nets. */
const BAD_TEXT = [
	'undefined',
	'NaN',
	'[object Object]',
	'internal error',
	'Unexpected error:',
	'The comparison failed:',
	'could not be opened ('
];

function scan(value: unknown, input: string, problems: Problem[]): void {
	problems.push(...badTexts(value, input));
}

/** The bad words in what an entry point returned (as JSON), unless the input itself holds them. */
export function badTexts(value: unknown, input: string): Problem[] {
	const problems: Problem[] = [];
	const json = JSON.stringify(value) ?? '';
	for (const word of BAD_TEXT) {
		// The input's own words come back in quotes and echoes: only new ones count.
		if (json.includes(word) && !input.includes(word)) {
			const at = json.indexOf(word);
			problems.push({ kind: 'bad-text', detail: `"${word}" in …${json.slice(Math.max(0, at - 120), at + 60)}…` });
		}
	}
	return problems;
}

function requestOf(req: FuzzRequest): HttpRequest {
	const out: HttpRequest = { method: req.method, url: req.url, headers: req.headers };
	if (req.body !== undefined) out.body = typeof req.body === 'string' ? req.body : Uint8Array.from(req.body);
	return out;
}

function reviveEvidence(e: Evidence): Evidence {
	// JSON turns a Date into a string; a replayed input gets its Date back.
	if (e.now !== undefined && !(e.now instanceof Date)) e.now = new Date(e.now as unknown as string);
	return e;
}

/** Runs one input; every failure comes back as a problem, none is thrown. */
export async function runInput(input: FuzzInput): Promise<Problem[]> {
	const problems: Problem[] = [];
	const echo = JSON.stringify(input);
	const documented = input.target === 'sign' || input.target === 'presign' || input.target === 'postPolicy';
	try {
		switch (input.target) {
			case 'importText': {
				scan(importText(input.text, input.harEntry === undefined ? {} : { harEntry: input.harEntry }), echo, problems);
				const pasted = importPaste(DEFAULT_CASE as Case, input.text, input.harEntry === undefined ? {} : { harEntry: input.harEntry });
				scan(pasted.report, echo, problems);
				if (input.analyze) scan(withoutTrace(await analyze(pasted.case)), echo, problems);
				break;
			}
			case 'decodeCase': {
				const fragment =
					'fragment' in input ? input.fragment : `v1=${bytesToBase64Url(await deflate(new TextEncoder().encode(input.linkJson)))}`;
				const opened = await decodeCase(fragment);
				scan('error' in opened ? opened.error : opened.case, echo, problems);
				if ('case' in opened) scan(withoutTrace(await analyze(opened.case)), echo, problems);
				break;
			}
			case 'caseFromJson': {
				const opened = caseFromJson(input.text);
				scan('error' in opened ? opened.error : opened.case, echo, problems);
				break;
			}
			case 'sign':
				scan(await signRequest(requestOf(input.request), input.params), echo, problems);
				break;
			case 'presign':
				scan(await presignUrl(requestOf(input.request), input.params), echo, problems);
				break;
			case 'postPolicy': {
				const post: { policy: string; fields: [string, string][]; action?: string } = { policy: input.policy, fields: input.fields };
				if (input.action !== undefined) post.action = input.action;
				scan(await signPostPolicy(post, input.params), echo, problems);
				break;
			}
			default:
				scan(await diagnose(reviveEvidence(input.evidence)), echo, problems);
		}
	} catch (e) {
		if (documented && e instanceof SigningError) scan({ message: e.message, fix: e.fix }, echo, problems);
		else problems.push({ kind: 'uncaught', detail: e instanceof Error ? (e.stack ?? e.message) : String(e) });
	}
	return problems;
}

/** The analysis without what is not text for the user (the trace's provenance objects are scanned through the view). */
function withoutTrace(a: Awaited<ReturnType<typeof analyze>>): unknown {
	return { error: a.error, findings: a.findings, problem: a.problem, verdict: a.verdict, view: a.view, post: a.post?.policyChanges };
}
