import { parseRawHttp } from '../parse/raw-http.ts';
import { applySignature, formatCurl, formatHttpRequest, presignUrl, serviceRules, signatureFor, signRequest, SigningError, stringToSignFor, type AuthMode, type Provenance, type SigningParams, type SigningTrace, signPostPolicy, type PostPolicyTrace, type Header, keyChainText, signingKeyFromText } from '../sigv4/index.ts';
import { DEFAULT_PARAMS, DEFAULT_POST_FIELDS, DEFAULT_POST_POLICY, DEFAULT_REQUEST_TEXT } from '../examples.ts';
import type { ParseError } from '../parse/parse-error.ts';
import type { FormField, HarEntrySummary, ProvidedStages, ServerStages } from '../parse/types.ts';
import type { Evidence, Finding, Stage } from '../diagnose/types.ts';
import { planImport } from './apply-import.ts';
import { ForensicsRunner } from './forensics-runner.svelte.ts';
import type { ShareCase } from '../share/types.ts';
import { EXAMPLE_CREDENTIALS } from '../examples.ts';

/** An input the page can point an error at. */
export type InputField =
	| 'request'
	| 'policy'
	| 'postFields'
	| 'accessKeyId'
	| 'secretAccessKey'
	| 'sessionToken'
	| 'region'
	| 'service'
	| 'datetime'
	| 'expiresIn'
	| 'signedHeaders'
	| 'payloadHash';

export interface FieldError {
	field: InputField;
	message: string;
	fix?: string;
}

/** The stages a user can edit; each edit feeds every stage after it. */
export type StageName = 'canonicalRequest' | 'stringToSign' | 'signingKey' | 'signature';
export type Tristate = 'auto' | 'on' | 'off';
/** How the request is signed: Authorization header, presigned URL, or a browser POST form. */
export type PageMode = AuthMode | 'post';

/** "name: value" lines (blank lines skipped) into form fields, or the first line that is not one. */
export function parseFormFields(text: string): { fields: Header[] } | { error: FieldError } {
	const fields: Header[] = [];
	const lines = text.split('\n');
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!.replace(/\r$/, '');
		if (line.trim() === '') continue;
		const colon = line.indexOf(':');
		if (colon <= 0) {
			return {
				error: {
					field: 'postFields',
					message: `Line ${i + 1}: "${line.slice(0, 40)}" is not "name: value".`,
					fix: 'Write one form field per line, e.g. "key: uploads/${filename}".'
				}
			};
		}
		fields.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
	}
	return { fields };
}

/** What the stage panes show: the computed trace with the user's overrides applied. */
export interface StageView {
	mode: AuthMode;
	canonicalRequest: string;
	stringToSign: string;
	signingKey: string;
	signature: string;
	signedRequest: string;
	curl: string;
	presignedUrl?: string;
	provenance: Provenance[];
	/** The first overridden stage, which every later stage follows. */
	overriddenFrom?: StageName;
	/** A note about an override that could not be used as given. */
	overrideProblem?: string;
	/** No secret key is given (e.g. a shared link without it): the stages that need it wait for it. */
	needsSecret?: boolean;
}

/** Signs stages that need no secret when none is given; never shown, never compared. */
const NO_SECRET = 'no-secret-key-given';
export const SECRET_NEEDED = '(enter the secret access key to compute this stage)';

const STAGE_ORDER: StageName[] = ['canonicalRequest', 'stringToSign', 'signingKey', 'signature'];
const SECRET_STAGES = new Set<Stage>(['signing-key', 'signature']);
const SECRET_CODES = new Set<string>(['wrong-secret-key', 'signature-mismatch', 'secret-key-whitespace']);

function fieldOf(e: SigningError): InputField {
	switch (e.field) {
		case 'method':
		case 'url':
		case 'headers':
		case 'body':
			return 'request';
		case 'accessKeyId':
		case 'secretAccessKey':
		case 'sessionToken':
		case 'region':
		case 'service':
		case 'datetime':
		case 'payloadHash':
		case 'signedHeaders':
		case 'expiresIn':
			return e.field;
		case 'policy':
			return 'policy';
		case 'fields':
			return 'postFields';
		default:
			// Fields of inputs this page does not have yet (server-side encryption): the request box.
			return 'request';
	}
}

function yesNo(value: Tristate, auto: boolean): boolean {
	return value === 'auto' ? auto : value === 'on';
}

/** The page's inputs, overrides and everything derived from them; the latest input always wins. */
export class DebuggerState {
	requestText = $state(DEFAULT_REQUEST_TEXT);
	accessKeyId = $state(DEFAULT_PARAMS.credentials.accessKeyId);
	secretAccessKey = $state(DEFAULT_PARAMS.credentials.secretAccessKey);
	sessionToken = $state('');
	region = $state(DEFAULT_PARAMS.region);
	service = $state(DEFAULT_PARAMS.service);
	datetime = $state(DEFAULT_PARAMS.datetime);
	mode = $state<PageMode>('header');
	/** POST policy mode: the policy JSON as the user writes it, and the other form fields as "name: value" lines. */
	policyText = $state(DEFAULT_POST_POLICY);
	postFields = $state(DEFAULT_POST_FIELDS);
	post = $state<PostPolicyTrace | undefined>();
	expiresIn = $state('3600');
	signedHeaders = $state('');
	payload = $state<'body' | 'unsigned'>('body');
	uriEscapePath = $state<Tristate>('auto');
	normalizePath = $state<Tristate>('auto');
	contentSha256Header = $state<Tristate>('auto');

	overrides = $state<Partial<Record<StageName, string>>>({});

	// Pasted evidence: what the user's signer made and what the server said.
	pasteText = $state('');
	pasteProblem = $state('');
	importSummary = $state<string[]>([]);
	importErrors = $state<ParseError[]>([]);
	provided = $state<ProvidedStages>({});
	server = $state<ServerStages>({});
	/** A browser POST form's fields, and SigV2 fields found anywhere in the paste. */
	form = $state<FormField[]>([]);
	sigv2Fields = $state<FormField[]>([]);
	/** A pasted HAR's requests, to choose another than the one imported. */
	harEntries = $state<HarEntrySummary[]>([]);
	harEntry = $state<number | undefined>();
	findings = $state<Finding[]>([]);
	/** A finding the user clicked: the pane or diff shows its line. */
	focus = $state<{ stage: Stage; line?: number } | undefined>();
	readonly forensics = new ForensicsRunner();

	// The view, kept in a shared link too.
	optionsOpen = $state(false);
	learnStep = $state<number | undefined>();
	hasEvidence = $derived(
		Object.keys(this.provided).length > 0 || Object.keys(this.server).length > 0 || this.form.length > 0 || this.sigv2Fields.length > 0
	);

	trace = $state<SigningTrace | undefined>();
	view = $state<StageView | undefined>();
	error = $state<FieldError | undefined>();
	/** True while the panes show the last good stages for inputs that no longer sign. */
	stale = $state(false);

	rules = $derived(serviceRules(this.service.trim() || 's3'));

	#generation = 0;

	/** True when no secret key is given: the page shows what it can without one. */
	get needsSecret(): boolean {
		return this.secretAccessKey === '';
	}

	params(): SigningParams | FieldError {
		const params: SigningParams = {
			credentials: { accessKeyId: this.accessKeyId.trim(), secretAccessKey: this.secretAccessKey || NO_SECRET },
			region: this.region.trim(),
			service: this.service.trim(),
			datetime: this.datetime.trim(),
			uriEscapePath: yesNo(this.uriEscapePath, this.rules.uriEscapePath),
			normalizePath: yesNo(this.normalizePath, this.rules.normalizePath),
			contentSha256Header: yesNo(this.contentSha256Header, this.rules.contentSha256Header)
		};
		if (this.sessionToken.trim()) params.credentials.sessionToken = this.sessionToken.trim();
		if (this.payload === 'unsigned') params.payloadHash = 'UNSIGNED-PAYLOAD';
		const names = this.signedHeaders
			.split(/[;,\s]+/)
			.map((n) => n.trim())
			.filter(Boolean);
		if (names.length > 0) params.signedHeaders = names;
		if (this.mode === 'query') {
			const text = this.expiresIn.trim();
			if (!/^\d+$/.test(text)) {
				return { field: 'expiresIn', message: `"${text}" is not a whole number of seconds.`, fix: 'Use 1 to 604800 (7 days).' };
			}
			params.expiresIn = Number(text);
		}
		return params;
	}

	override(stage: StageName, text: string): void {
		this.overrides = { ...this.overrides, [stage]: text };
	}

	reset(stage: StageName): void {
		const next = { ...this.overrides };
		delete next[stage];
		this.overrides = next;
	}

	/** Recomputes every stage; a slower, older run never overwrites a newer one. */
	async recompute(): Promise<void> {
		const generation = ++this.#generation;
		if (this.mode === 'post') {
			const error = await this.#computePost();
			if (generation !== this.#generation) return;
			this.error = error;
			this.stale = error !== undefined && this.post !== undefined;
			if (!error) await this.#diagnosePost(generation);
			return;
		}
		const overrides = { ...this.overrides };
		const started = performance.now();
		const result = await this.#compute(overrides);
		if (generation !== this.#generation) return;
		if ('error' in result) {
			this.error = result.error;
			this.stale = this.view !== undefined;
			return;
		}
		this.trace = result.trace;
		this.view = result.view;
		this.error = undefined;
		this.stale = false;
		// The bench reads these marks to time a keystroke's full recompute in the page.
		performance.measure('sigv4-recompute', { start: started, end: performance.now() });
		await this.#diagnose(generation, result.trace);
	}

	/** The evidence for diagnose: the current request and scope, and what was pasted. */
	evidence(trace: SigningTrace): Evidence | undefined {
		if (!this.hasEvidence) return undefined;
		const parsed = parseRawHttp(this.requestText);
		const params = this.params();
		if (!parsed.request || 'field' in params) return undefined;
		const evidence: Evidence = { request: parsed.request, params, mode: trace.mode, provided: { ...this.provided } };
		if (Object.keys(this.server).length > 0) evidence.server = { ...this.server };
		if (this.form.length > 0) evidence.form = this.form;
		if (this.sigv2Fields.length > 0) evidence.sigv2Fields = this.sigv2Fields;
		// Plain data: it is posted to the forensics worker, which cannot clone reactive proxies.
		return $state.snapshot(evidence) as Evidence;
	}

	async #diagnose(generation: number, trace: SigningTrace): Promise<void> {
		const evidence = this.evidence(trace);
		if (!evidence) {
			this.findings = [];
			this.forensics.cancel();
			return;
		}
		let findings: Finding[];
		try {
			// Loaded on first use: a page without pasted evidence never needs it.
			const { diagnose } = await import('../diagnose/index.ts');
			findings = await diagnose(evidence);
		} catch (e) {
			findings = [];
			this.pasteProblem = `The comparison failed: ${e instanceof Error ? e.message : String(e)}`;
		}
		if (generation !== this.#generation) return;
		// Without the secret, what depends on it (key, signature) cannot be judged.
		this.findings = this.needsSecret ? findings.filter((f) => !SECRET_STAGES.has(f.stage) && !SECRET_CODES.has(f.code)) : findings;
		this.forensics.run(evidence, this.secretAccessKey, trace.signature);
	}

	/** A pasted POST form, judged against the policy signed here (diagnose needs no request for it). */
	async #diagnosePost(generation: number): Promise<void> {
		const params = this.params();
		if (!this.hasEvidence || !this.post || 'field' in params) {
			this.findings = [];
			return;
		}
		const evidence = $state.snapshot({
			request: { method: 'POST', url: this.post.action, headers: [] },
			params,
			mode: 'header',
			provided: { ...this.provided },
			form: this.form,
			sigv2Fields: this.sigv2Fields
		}) as Evidence;
		try {
			const { diagnose } = await import('../diagnose/index.ts');
			const findings = await diagnose(evidence);
			if (generation !== this.#generation) return;
			this.findings = this.needsSecret ? findings.filter((f) => !SECRET_STAGES.has(f.stage) && !SECRET_CODES.has(f.code)) : findings;
		} catch (e) {
			this.pasteProblem = `The comparison failed: ${e instanceof Error ? e.message : String(e)}`;
		}
	}

	/** Reads the paste box: fills in what the text carries and keeps the text as it is. */
	/** Imports run in the order they were asked for, each on the text it was given. */
	async importPaste(text: string = this.pasteText, harEntry?: number): Promise<void> {
		this.pasteProblem = '';
		if (text.trim() === '') {
			this.importSummary = [];
			this.importErrors = [];
			this.pasteProblem = 'The paste box is empty: paste a request, a curl command, a presigned URL, a log or an AWS error.';
			return;
		}
		const { importText } = await import('../parse/index.ts');
		const result = importText(text, harEntry === undefined ? {} : { harEntry });
		this.harEntries = result.entries ?? [];
		this.harEntry =
			harEntry ??
			(result.entries
				? Math.max(
						0,
						result.entries.findIndex((e) => e.signed)
					)
				: undefined);
		this.importErrors = result.errors;
		const plan = planImport(result, { provided: this.provided, server: this.server, form: this.form, sigv2Fields: this.sigv2Fields });
		this.importSummary = result.kind === 'unknown' ? [] : [...plan.summary, ...result.notes];
		if (result.kind === 'unknown') return;
		const i = plan.inputs;
		if (i.requestText !== undefined) this.requestText = i.requestText;
		if (i.accessKeyId !== undefined) this.accessKeyId = i.accessKeyId;
		if (i.sessionToken !== undefined) this.sessionToken = i.sessionToken;
		if (i.region !== undefined) this.region = i.region;
		if (i.service !== undefined) this.service = i.service;
		if (i.datetime !== undefined) this.datetime = i.datetime;
		if (i.mode !== undefined) this.mode = i.mode;
		if (i.expiresIn !== undefined) this.expiresIn = i.expiresIn;
		if (i.policyText !== undefined) this.policyText = i.policyText;
		if (i.postFields !== undefined) this.postFields = i.postFields;
		this.provided = plan.provided;
		this.server = plan.server;
		this.form = plan.form;
		this.sigv2Fields = plan.sigv2Fields;
		this.overrides = {};
	}

	clearEvidence(): void {
		this.provided = {};
		this.server = {};
		this.form = [];
		this.sigv2Fields = [];
		this.harEntries = [];
		this.findings = [];
		this.importSummary = [];
		this.importErrors = [];
		this.focus = undefined;
		this.forensics.cancel();
	}

	async #computePost(): Promise<FieldError | undefined> {
		const params = this.params();
		if ('field' in params) return params;
		const parsed = parseFormFields(this.postFields);
		if ('error' in parsed) return parsed.error;
		try {
			this.post = await signPostPolicy({ policy: this.policyText, fields: parsed.fields }, params);
			return undefined;
		} catch (e) {
			if (e instanceof SigningError) return { field: fieldOf(e), message: e.message, fix: e.fix };
			return { field: 'policy', message: `Unexpected error: ${e instanceof Error ? e.message : String(e)}` };
		}
	}

	async #compute(overrides: Partial<Record<StageName, string>>): Promise<{ trace: SigningTrace; view: StageView } | { error: FieldError }> {
		const parsed = parseRawHttp(this.requestText);
		if (!parsed.request) {
			const first = parsed.errors[0]!;
			const error: FieldError = { field: 'request', message: `Line ${first.line}, column ${first.column}: ${first.message}` };
			if (first.fix) error.fix = first.fix;
			return { error };
		}
		const params = this.params();
		if ('field' in params) return { error: params };
		try {
			const trace = this.mode === 'query' ? await presignUrl(parsed.request, params) : await signRequest(parsed.request, params);
			return { trace, view: await this.#applyOverrides(trace, overrides) };
		} catch (e) {
			if (e instanceof SigningError) {
				return { error: { field: fieldOf(e), message: e.message, fix: e.fix } };
			}
			return { error: { field: 'request', message: `Unexpected error: ${e instanceof Error ? e.message : String(e)}` } };
		}
	}

	async #applyOverrides(trace: SigningTrace, overrides: Partial<Record<StageName, string>>): Promise<StageView> {
		const canonicalRequest = overrides.canonicalRequest ?? trace.canonicalRequest;
		let stringToSign = trace.stringToSign;
		if (overrides.stringToSign !== undefined) stringToSign = overrides.stringToSign;
		else if (overrides.canonicalRequest !== undefined)
			stringToSign = await stringToSignFor(canonicalRequest, trace.datetime, trace.credentialScope);

		let kSigning = trace.keyChain.kSigning;
		let overrideProblem: string | undefined;
		if (overrides.signingKey !== undefined) {
			const parsed = signingKeyFromText(overrides.signingKey);
			if (parsed.kSigning) kSigning = parsed.kSigning;
			else overrideProblem = parsed.error;
		}

		let signature = trace.signature;
		if (overrides.signature !== undefined) signature = overrides.signature.trim();
		else if (stringToSign !== trace.stringToSign || kSigning !== trace.keyChain.kSigning)
			signature = await signatureFor(stringToSign, kSigning);

		const sent = signature === trace.signature ? trace : { ...trace, ...applySignature(trace, signature) };
		const view: StageView = {
			mode: trace.mode,
			canonicalRequest,
			stringToSign,
			signingKey: overrides.signingKey ?? keyChainText(trace.keyChain),
			signature,
			signedRequest: formatHttpRequest(sent.request),
			curl: formatCurl(sent.request),
			provenance: overrides.canonicalRequest === undefined ? trace.provenance : []
		};
		if (sent.signedUrl !== undefined) view.presignedUrl = sent.signedUrl;
		if (this.needsSecret) {
			view.needsSecret = true;
			if (overrides.signingKey === undefined) view.signingKey = SECRET_NEEDED;
			if (overrides.signingKey === undefined && overrides.signature === undefined) {
				view.signature = SECRET_NEEDED;
				view.signedRequest = SECRET_NEEDED;
				view.curl = SECRET_NEEDED;
				if (view.presignedUrl !== undefined) view.presignedUrl = SECRET_NEEDED;
			}
		}
		const first = STAGE_ORDER.find((s) => overrides[s] !== undefined);
		if (first) view.overriddenFrom = first;
		if (overrideProblem) view.overrideProblem = overrideProblem;
		return view;
	}

	/** The whole case as plain data, for a link, a file or this device's storage. */
	toCase(): ShareCase {
		const c: ShareCase = $state.snapshot({
			requestText: this.requestText,
			accessKeyId: this.accessKeyId,
			secretAccessKey: this.secretAccessKey,
			region: this.region,
			service: this.service,
			datetime: this.datetime,
			mode: this.mode,
			expiresIn: this.expiresIn,
			policyText: this.policyText,
			postFields: this.postFields,
			signedHeaders: this.signedHeaders,
			payload: this.payload,
			uriEscapePath: this.uriEscapePath,
			normalizePath: this.normalizePath,
			contentSha256Header: this.contentSha256Header,
			overrides: this.overrides,
			pasteText: this.pasteText,
			provided: this.provided,
			server: this.server,
			form: this.form,
			sigv2Fields: this.sigv2Fields,
			view: this.learnStep === undefined ? { optionsOpen: this.optionsOpen } : { optionsOpen: this.optionsOpen, learnStep: this.learnStep }
		}) as ShareCase;
		if (this.sessionToken) c.sessionToken = this.sessionToken;
		return c;
	}

	/** Reopens a case; a case without secrets keeps the secret field empty, so the page asks for it. */
	applyCase(c: ShareCase): void {
		this.requestText = c.requestText;
		this.accessKeyId = c.accessKeyId;
		this.secretAccessKey = c.secretAccessKey ?? '';
		this.sessionToken = c.sessionToken ?? '';
		this.region = c.region;
		this.service = c.service;
		this.datetime = c.datetime;
		this.mode = c.mode;
		this.expiresIn = c.expiresIn;
		this.policyText = c.policyText;
		this.postFields = c.postFields;
		this.signedHeaders = c.signedHeaders;
		this.payload = c.payload;
		this.uriEscapePath = c.uriEscapePath;
		this.normalizePath = c.normalizePath;
		this.contentSha256Header = c.contentSha256Header;
		this.overrides = { ...c.overrides };
		this.pasteText = c.pasteText;
		this.provided = { ...c.provided };
		this.server = { ...c.server };
		this.form = c.form.map(([n, v]) => [n, v]);
		this.sigv2Fields = c.sigv2Fields.map(([n, v]) => [n, v]);
		this.optionsOpen = c.view.optionsOpen;
		this.learnStep = c.view.learnStep;
	}

	/**
	 * Replaces the credentials with AWS's documented example keys, everywhere they appear in the
	 * case, so that it can be posted in public. Signatures then follow the example keys.
	 */
	sanitize(): void {
		const oldKey = this.accessKeyId.trim();
		const secrets = [this.secretAccessKey, this.sessionToken].filter((s) => s.length >= 8);
		const clean = (text: string) => {
			let out = oldKey.length >= 4 ? text.split(oldKey).join(EXAMPLE_CREDENTIALS.accessKeyId) : text;
			for (const secret of secrets) out = out.split(secret).join('[removed]');
			return out;
		};
		const cleanRecord = <T extends object>(record: T): T =>
			Object.fromEntries(Object.entries(record).map(([k, v]) => [k, typeof v === 'string' ? clean(v) : v])) as T;
		this.requestText = clean(this.requestText);
		this.pasteText = clean(this.pasteText);
		this.provided = cleanRecord(this.provided);
		const server = cleanRecord(this.server);
		if (server.fields) server.fields = cleanRecord(server.fields);
		this.server = server;
		this.overrides = cleanRecord(this.overrides);
		this.form = this.form.map(([n, v]) => [n, clean(v)]);
		this.sigv2Fields = this.sigv2Fields.map(([n, v]) => [n, clean(v)]);
		this.accessKeyId = EXAMPLE_CREDENTIALS.accessKeyId;
		this.secretAccessKey = EXAMPLE_CREDENTIALS.secretAccessKey;
		this.sessionToken = '';
	}

	/** The datetime of this moment, in SigV4's form. */
	static now(): string {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a one-off reading, not state
		return new Date()
			.toISOString()
			.replace(/\.\d{3}Z$/, 'Z')
			.replace(/[-:]/g, '');
	}
}
