import { PLACEHOLDERS, SECRET_KINDS, type SecretKind } from './redact-secrets.ts';
import type { Evidence } from '../diagnose/types.ts';
import { rankFindings, verdictOf, type Finding, type Verdict, type VerdictInput } from '../findings/index.ts';
import type { ForensicsResult } from '../diagnose/index.ts';
import { parseRawHttp } from '../parse/raw-http.ts';
import {
	presignUrl,
	signPostPolicy,
	signRequest,
	type BlobLike,
	type HttpRequest,
	type PostPolicyTrace,
	type SigningParams,
	type SigningTrace,
	type SigningParamsV4a,
	type SigningTraceV4a
} from '../sigv4/index.ts';
import { ORIGIN_FIELDS, type Case, type OriginField } from './case.ts';
import { evidenceOf, hasEvidence } from './evidence.ts';
import { mergeForensics } from './merge-forensics.ts';
import { asFieldError, needsSecret, paramsOf, type FieldError } from './params.ts';
import { analyzeChunked, chunkedUploadFindings, type ChunkedSigner, type ChunkedView } from './analyze-chunked.ts';
import { parseFormFields } from './post-fields.ts';
import { stageView, type StageView } from './stage-view.ts';
import { looksLikeSigV4a, stageViewV4a } from './stage-view-v4a.ts';
import { algorithmInUse } from './algorithm.ts';
import { analyzeTypedV4a } from './analyze-v4a.ts';

export type ForensicsDepth = 'off' | 'single' | 'pairs';

/** Everything the page shows for a case, computed in one pass: case → trace → view and findings. */
export interface Analysis {
	/** The request and parameters the trace was signed with (the case's, read once). */
	request?: HttpRequest;
	params?: SigningParams;
	/** Header or presigned-URL mode: the correct trace (over the headers the user's signer signed). */
	trace?: SigningTrace;
	/** Instead of `trace`, when the evidence is a SigV4a request; `signatureVerifies`: the user's signature, by verification. */
	traceV4a?: SigningTraceV4a;
	paramsV4a?: SigningParamsV4a;
	signatureVerifies?: boolean;
	/** POST policy mode. */
	post?: PostPolicyTrace;
	/** aws-chunked mode: the chunks' signatures after the seed's (the trace). */
	chunked?: ChunkedView;
	/** The stages as the panes show them: the trace with the user's overrides. */
	view?: StageView;
	/** The input that stops the signing, pointed at its field. */
	error?: FieldError;
	evidence?: Evidence;
	findings: Finding[];
	/** When forensics ran: the mistakes that reproduce the user's signature, and what was tried. */
	forensics?: ForensicsResult;
	/** A comparison that failed unexpectedly: said, never hidden. */
	problem?: string;
	/** Inputs the pasted evidence does not give and nobody typed: nothing is signed or judged without them. */
	missing?: OriginField[];
	/** The one sentence above the findings. */
	verdict?: Verdict;
	verdictInput?: VerdictFacts;
}

const FIELD_LABELS: Partial<Record<OriginField, [label: string, where: string]>> = {
	datetime: ['The request time', 'your string to sign or the X-Amz-Date header'],
	region: ['The region', 'your string to sign or Authorization header'],
	service: ['The service', 'your string to sign or Authorization header'],
	accessKeyId: ['The access key ID', 'your Authorization header or presigned URL']
};

const SECRET_NAMES: Record<SecretKind, string> = {
	secretAccessKey: 'secret access key',
	sessionToken: 'session token',
	customerKey: 'SSE-C key'
};

/** The unknown inputs, and an error on the first: what to paste or type to go on. */
function missingInputs(c: Case): { missing: OriginField[]; error: FieldError } | undefined {
	// A secret left out of a link stands in the request as a placeholder, which would be signed
	// as if it were the value: every signature would then look wrong.
	const placeholder = SECRET_KINDS.find((kind) => c.requestText.includes(PLACEHOLDERS[kind]));
	if (placeholder) {
		const name = SECRET_NAMES[placeholder];
		return {
			missing: ['requestText'],
			error: {
				field: 'request',
				message: `The ${name} was left out of this case when it was shared.`,
				fix: `Paste it in place of ${PLACEHOLDERS[placeholder]} in the request${needsSecret(c) ? ', and type the secret access key' : ''}.`
			}
		};
	}
	const order = Object.keys(FIELD_LABELS) as OriginField[];
	// The access key ID is in no stage of a header signature (only in the Authorization header): it waits, the stages do not.
	const blocking = (f: OriginField) => f !== 'accessKeyId' || c.mode === 'query';
	const missing = [...order, ...ORIGIN_FIELDS.filter((f) => !order.includes(f))].filter(
		(f) => blocking(f) && c.origins[f]?.from === 'unknown' && String(c[f]).trim() === ''
	);
	const first = missing[0];
	if (first === undefined) return undefined;
	const [label, where] = FIELD_LABELS[first] ?? [first, 'more of your evidence'];
	return {
		missing,
		error: { field: first as FieldError['field'], message: `${label} is not in your paste.`, fix: `Type it, or paste ${where}.` }
	};
}

/** Without the secret, what depends on it (the key, the signature) cannot be judged. */
const SECRET_STAGES = new Set<string>(['signing-key', 'signature']);
const SECRET_CODES = new Set<string>(['wrong-secret-key', 'signature-mismatch', 'secret-key-whitespace']);

function withoutSecretFindings(findings: Finding[]): Finding[] {
	return findings.filter((f) => !SECRET_STAGES.has(f.stage) && !SECRET_CODES.has(f.code));
}

/**
 * The case's one pipeline, a pure function of the case: read the request once, sign it once,
 * apply the overrides, and compare the pasted evidence with that same trace (diagnose signs again
 * only for forensics' candidate mistakes). Runs unchanged in Node and in the page.
 */
export async function analyze(c: Case, opts: AnalyzeOptions = {}): Promise<Analysis> {
	const out = await analyzeStages(c, opts);
	out.verdictInput = await verdictInputOf(c, out);
	out.findings = rankFindings(out.findings);
	out.verdict = out.missing
		? missingVerdict(out.error!)
		: verdictOf({ ...out.verdictInput, findings: out.findings, forensics: (opts.forensics ?? 'off') === 'off' ? 'off' : 'done' });
	return out;
}

/** `file`: the file body's bytes, which the page holds and the case does not (aws-chunked mode signs them, with `signChunked` if given). */
export type AnalyzeOptions = { forensics?: ForensicsDepth; now?: string; file?: BlobLike; signChunked?: ChunkedSigner };

/** What the verdict needs beyond the findings; the page adds the forensics' state as it runs. */
export type VerdictFacts = Omit<VerdictInput, 'findings' | 'forensics'>;

async function verdictInputOf(c: Case, a: Analysis): Promise<VerdictFacts> {
	const facts: VerdictFacts = { hasEvidence: hasEvidence(c), hasSecret: !needsSecret(c) };
	const p = c.provided as Partial<Record<string, unknown>>;
	facts.userStages = p.canonicalRequest !== undefined || p.stringToSign !== undefined || p.signingKeys !== undefined;
	const request = c.origins.requestText;
	if (request?.from === 'paste' && request.kind === 'canonical-request') facts.rebuiltFromOwnStages = true;
	if (a.evidence) {
		const { targetSignature } = await import('../diagnose/index.ts');
		const theirs = targetSignature(a.evidence);
		facts.userSignature = theirs !== undefined;
		if (theirs !== undefined && a.trace) facts.signatureMatches = theirs === a.trace.signature;
		if (theirs !== undefined && a.signatureVerifies !== undefined) facts.signatureMatches = a.signatureVerifies;
	}
	return facts;
}

/** Nothing is judged while the evidence leaves an input unknown: the verdict says what to add. */
function missingVerdict(error: FieldError): Verdict {
	const need = `${error.message.replace(/ is not in your paste\.$| was left out of this case when it was shared\.$/, '').toLowerCase()}: ${error.fix ?? 'type it'}`;
	return { kind: 'undecided', sentence: `Not enough to tell — ${error.message} ${error.fix ?? ''}`.trim(), need };
}

async function analyzeStages(c: Case, opts: AnalyzeOptions): Promise<Analysis> {
	// SigV4a's scope has no region: its absence blocks nothing.
	const v4a = looksLikeSigV4a([c.requestText, ...Object.values(c.provided).map(String)]);
	const { region: _region, ...withoutRegion } = c.origins;
	const unknown = missingInputs(v4a ? { ...c, origins: withoutRegion } : c);
	if (unknown) return { error: unknown.error, missing: unknown.missing, findings: [] };
	const params = paramsOf(c);
	if ('field' in params) return { error: params, findings: [] };
	if (c.mode === 'post') return analyzePost(c, params, opts.now);

	const parsed = parseRawHttp(c.requestText);
	if (!parsed.request) {
		const first = parsed.errors[0]!;
		const error: FieldError = { field: 'request', message: `Line ${first.line}, column ${first.column}: ${first.message}` };
		if (first.fix) error.fix = first.fix;
		return { error, findings: [] };
	}
	const request = parsed.request;
	if (c.mode === 'chunked') return analyzeChunked(c, request, params, opts.file, opts.signChunked);
	if (algorithmInUse(c).algorithm === 'sigv4a' && !hasEvidence(c)) return analyzeTypedV4a(c, request, params);
	const evidence = evidenceOf(c, request, params, c.mode);
	if (evidence && opts.now) evidence.now = new Date(opts.now);
	const diagnosis = evidence ? await import('../diagnose/index.ts') : undefined;
	// With evidence, the correct trace signs what the user's signer signed (their SignedHeaders, the
	// client's Content-Length): one correct signature on the screen, the one the findings compare.
	const inputs = evidence && diagnosis ? diagnosis.referenceInputs(evidence) : { request, params };
	const v4aDiagnosis = v4a && evidence && diagnosis ? await diagnosis.diagnoseSigV4a(evidence) : undefined;
	if (v4aDiagnosis) {
		const { trace: traceV4a, params: paramsV4a, findings, verified } = v4aDiagnosis;
		const out: Analysis = { ...inputs, evidence: evidence!, findings };
		if (traceV4a) Object.assign(out, { traceV4a, paramsV4a, view: stageViewV4a(traceV4a, c.overrides, needsSecret(c)) });
		if (!needsSecret(c)) {
			if (verified !== undefined) out.signatureVerifies = verified;
		} else out.findings = withoutSecretFindings(findings);
		return out;
	}

	let trace: SigningTrace;
	try {
		trace = c.mode === 'query' ? await presignUrl(inputs.request, inputs.params) : await signRequest(inputs.request, inputs.params);
	} catch (e) {
		const out: Analysis = { request, params, error: asFieldError(e, 'request'), findings: [] };
		if (evidence && diagnosis) {
			// The inputs cannot be signed as they are: diagnose names why and compares what it can repair.
			out.evidence = evidence;
			out.findings = await diagnoseSafely(diagnosis.diagnose, evidence, undefined, out, !needsSecret(c));
		}
		return out;
	}
	const out: Analysis = { ...inputs, trace, view: await stageView(trace, c.overrides, needsSecret(c)), findings: [] };
	if (!evidence || !diagnosis) return out;
	out.evidence = evidence;
	out.findings = await diagnoseSafely(diagnosis.diagnose, evidence, trace, out, !needsSecret(c));
	if (!needsSecret(c) && evidence.requestGiven !== false) out.findings.push(...(await chunkedUploadFindings(request, c.secretAccessKey!)));
	const depth = opts.forensics ?? 'off';
	if (depth !== 'off' && !needsSecret(c) && evidence.requestGiven !== false) {
		const forensics = await runForensics(depth, evidence, c.secretAccessKey!, trace.signature);
		if (forensics) {
			out.forensics = forensics;
			out.findings = mergeForensics(out.findings, forensics.findings);
			if (forensics.sends?.length) Object.assign(out, await stagesAssuming(c, evidence, forensics.sends));
		}
	}
	return out;
}

async function diagnoseSafely(
	diagnose: (evidence: Evidence, trace?: SigningTrace) => Promise<Finding[]>,
	evidence: Evidence,
	trace: SigningTrace | undefined,
	out: Analysis,
	withSecret: boolean
): Promise<Finding[]> {
	try {
		const findings = await diagnose(evidence, trace);
		return withSecret ? findings : withoutSecretFindings(findings);
	} catch (e) {
		out.problem = `The comparison failed: ${e instanceof Error ? e.message : String(e)}`;
		return [];
	}
}

/** The catalogue of signer mistakes, alone and (when asked) in pairs, for one that reproduces the user's signature. */
export async function runForensics(
	depth: 'single' | 'pairs',
	evidence: Evidence,
	secret: string,
	correct: string
): Promise<ForensicsResult | undefined> {
	const { searchSingleMistakes, searchMistakePairs, targetSignature } = await import('../diagnose/index.ts');
	const theirs = targetSignature(evidence);
	if (!theirs || theirs === correct) return undefined;
	const single = await searchSingleMistakes(evidence, secret);
	if (single.findings.length > 0 || depth === 'single') return single;
	return searchMistakePairs(evidence, secret);
}

/**
 * The correct stages once forensics has found the values the user's signer signed for headers the
 * request does not send (an SSE header on a presigned URL): the request that carries them, so the
 * page's URL and curl keep what the user signed and their signature is the correct one.
 */
export async function stagesAssuming(
	c: Case,
	evidence: Evidence,
	sends: [string, string][]
): Promise<Pick<Analysis, 'request' | 'params' | 'trace' | 'view'>> {
	const { referenceInputs } = await import('../diagnose/index.ts');
	const headers = evidence.request.headers ?? [];
	const missing = sends.filter(([name]) => !headers.some(([n]) => n.toLowerCase() === name.toLowerCase()));
	const inputs = referenceInputs({ ...evidence, request: { ...evidence.request, headers: [...headers, ...missing] } });
	const trace =
		evidence.mode === 'query' ? await presignUrl(inputs.request, inputs.params) : await signRequest(inputs.request, inputs.params);
	return { ...inputs, trace, view: await stageView(trace, c.overrides, needsSecret(c)) };
}

/** A browser POST upload: the policy signed, and a pasted form judged against it. */
async function analyzePost(c: Case, params: SigningParams, now?: string): Promise<Analysis> {
	const fields = parseFormFields(c.postFields);
	if ('error' in fields) return { params, error: fields.error, findings: [] };
	let post: PostPolicyTrace;
	try {
		post = await signPostPolicy({ policy: c.policyText, fields: fields.fields }, params);
	} catch (e) {
		return { params, error: asFieldError(e, 'policy'), findings: [] };
	}
	const out: Analysis = { params, post, findings: [] };
	if (!hasEvidence(c)) return out;
	const request: HttpRequest = { method: 'POST', url: post.action, headers: [] };
	const evidence = evidenceOf(c, request, params, 'header')!;
	if (now) evidence.now = new Date(now);
	out.evidence = evidence;
	const { diagnose } = await import('../diagnose/index.ts');
	out.findings = await diagnoseSafely(diagnose, evidence, undefined, out, !needsSecret(c));
	return out;
}
