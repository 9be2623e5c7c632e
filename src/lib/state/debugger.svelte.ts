import { CASE_FIELDS, INPUT_FIELDS, SECRET_FIELDS, type Case, type FieldOrigin, type InputName, type StageName } from '../case/case.ts';
import { exampleCase } from '../case/default-case.ts';
import { describeOrigin, edit, withLearnStep } from '../case/edit.ts';
import { kindName } from '../case/kind-names.ts';
import { hasEvidence, requestGiven } from '../case/evidence.ts';
import { needsSecret } from '../case/params.ts';
import { sanitize, type SanitizeOptions, type Sanitized } from '../case/sanitize.ts';
import { analyze, stagesAssuming, type Analysis } from '../case/analyze.ts';
import type { ImportReport } from '../case/import-paste.ts';
import { rankFindings, verdictOf, type Stage, type Verdict } from '../findings/index.ts';
import { mergeForensics } from '../case/merge-forensics.ts';
import { serviceRules } from '../sigv4/index.ts';
import { ForensicsRunner } from './forensics-runner.svelte.ts';
import { sigv4Now } from './sigv4-now.ts';
import { importInWorker, isLargeText } from './import-in-worker.ts';
import { loadChunk } from './load-chunk.ts';

export type { FieldError, InputField } from '../case/params.ts';
export type { StageView } from '../case/stage-view.ts';
export type { PageMode, StageName, Tristate } from '../case/case.ts';

const NO_REPORT: ImportReport = { kind: 'unknown', summary: [], errors: [], harEntries: [] };

/**
 * The page's case and everything derived from it; the latest input always wins. The case is one
 * immutable value: every change replaces it, and whatever reads it (the recompute, the address bar)
 * follows without a list of fields to watch.
 */
export class DebuggerState {
	#case = $state.raw<Case>(exampleCase());
	/** The latest analysis, and the last one that signed (shown, marked stale, while an input is invalid). */
	#latest = $state.raw<Analysis | undefined>();
	#signed = $state.raw<Analysis | undefined>();
	#signedPost = $state.raw<Analysis | undefined>();
	#report = $state.raw<ImportReport>(NO_REPORT);
	#generation = 0;
	#imports = 0;
	#running: Case | undefined;

	/** A finding the user clicked: the pane or diff shows its line. */
	focus = $state<{ stage: Stage; line?: number } | undefined>();
	/** A problem with the paste itself (empty box, a comparison that failed). */
	pasteProblem = $state('');
	readonly forensics = new ForensicsRunner();

	constructor() {
		this.forensics.onResult = (result) => void this.#assume(result.sends);
	}

	/** Forensics found the values the user signed for headers not sent: the correct stages carry them. */
	async #assume(sends: [string, string][] | undefined): Promise<void> {
		const latest = this.#latest;
		if (!sends?.length || !latest?.evidence || !latest.trace) return;
		const generation = this.#generation;
		const stages = await stagesAssuming(this.#case, latest.evidence, sends);
		if (generation === this.#generation) this.#signed = { ...latest, ...stages };
	}

	/**
	 * The case's fields to read and to bind to (`bind:value={app.case.region}`): a write replaces
	 * the case, and marks an input as typed by the user.
	 */
	readonly case: Case = new Proxy({} as Case, {
		// An absent secret reads as an empty field, never as "undefined".
		get: (_, key) => this.#case[key as keyof Case] ?? ((SECRET_FIELDS as readonly PropertyKey[]).includes(key) ? '' : undefined),
		set: (_, key, value) => {
			const field = key as keyof Case;
			if (!(CASE_FIELDS as readonly string[]).includes(field)) return false;
			// Bindings write back what they read (a select on mount): the same value is no change.
			if (Object.is(this.#case[field], value)) return true;
			this.#case = (INPUT_FIELDS as readonly string[]).includes(field)
				? edit(this.#case, { [field as InputName]: value })
				: { ...this.#case, [field]: value };
			return true;
		},
		has: (_, key) => key in this.#case,
		ownKeys: () => Reflect.ownKeys(this.#case),
		getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(this.#case, key)
	});

	/** The case as one plain value: read it to follow every change; hand it to links, files, tests. */
	get current(): Case {
		return this.#case;
	}

	/** Opens another case whole (a link, a file, this device's storage). */
	open(c: Case): void {
		this.#case = c;
	}

	/** The example's analysis from the build (the prerendered page shows it), until the page's own first run lands. */
	seed(first: Analysis): void {
		if (this.#latest === undefined) this.#latest = this.#signed = first;
	}

	readonly rules = $derived(serviceRules(this.#case.service.trim() || 's3'));
	readonly hasEvidence = $derived(hasEvidence(this.#case));
	/** The request is the user's own, not the example standing in for one no paste gave. */
	readonly requestGiven = $derived(requestGiven(this.#case));
	readonly needsSecret = $derived(needsSecret(this.#case));

	/** The last analysis that signed, unless the latest cannot sign for want of what the paste does not give: old stages would be another case's. */
	get #current(): Analysis | undefined {
		return this.#latest?.missing ? undefined : this.#signed;
	}

	get analysis(): Analysis | undefined {
		return this.#latest;
	}
	get request() {
		return this.#current?.request;
	}
	get params() {
		return this.#current?.params;
	}
	get trace() {
		return this.#current?.trace;
	}
	get view() {
		return this.#current?.view;
	}
	get post() {
		return this.#signedPost?.post;
	}
	get error() {
		return this.#latest?.error;
	}
	/** True while the panes show the last good stages for inputs that no longer sign. */
	get stale(): boolean {
		return this.error !== undefined && (this.#case.mode === 'post' ? this.#signedPost : this.#signed) !== undefined;
	}
	get findings() {
		return this.#latest?.findings ?? [];
	}
	/** The findings with what forensics confirmed or added, root cause first. */
	readonly allFindings = $derived(rankFindings(mergeForensics(this.#latest?.findings ?? [], this.forensics.findings)));
	/** The one sentence above the findings; it follows the forensics as they run. */
	readonly verdict = $derived.by((): Verdict | undefined => {
		const a = this.#latest;
		if (!a?.verdictInput || a.missing) return a?.verdict;
		return verdictOf({ ...a.verdictInput, findings: this.allFindings, forensics: this.forensics.phase });
	});
	/** What the last paste was read as: summary, errors, HAR entries. */
	get report(): ImportReport {
		return this.#report;
	}

	get optionsOpen(): boolean {
		return this.#case.view.optionsOpen;
	}
	set optionsOpen(open: boolean) {
		if (open !== this.#case.view.optionsOpen) this.#case = { ...this.#case, view: { ...this.#case.view, optionsOpen: open } };
	}
	get learnStep(): number | undefined {
		return this.#case.view.learnStep;
	}
	set learnStep(step: number | undefined) {
		if (step === this.#case.view.learnStep) return;
		this.#case = { ...this.#case, view: withLearnStep(this.#case.view, step) };
	}

	/** Where an input's value came from, in words, when a paste set it or left it unknown. */
	originNote(field: string): string | undefined {
		const origin = (this.#case.origins as Partial<Record<string, FieldOrigin>>)[field];
		return origin && origin.from !== 'typed' ? describeOrigin(origin, kindName) : undefined;
	}

	/** A field the pasted evidence does not give: it waits for the user, it is not the example's. */
	isUnknown(field: string): boolean {
		return (this.#case.origins as Partial<Record<string, FieldOrigin>>)[field]?.from === 'unknown';
	}

	/** Starts over on the example, forgetting the paste and everything it filled in. */
	newCase(): void {
		this.#case = exampleCase();
		this.#report = NO_REPORT;
		this.pasteProblem = '';
		this.focus = undefined;
		this.forensics.cancel();
	}

	override(stage: StageName, text: string): void {
		this.#case = { ...this.#case, overrides: { ...this.#case.overrides, [stage]: text } };
	}

	reset(stage: StageName): void {
		const overrides = { ...this.#case.overrides };
		delete overrides[stage];
		this.#case = { ...this.#case, overrides };
	}

	/** Recomputes every stage from the case (`opts.file`: a file body's bytes); a slower, older run never overwrites a newer one. The same case twice runs once. */
	async recompute(c: Case = this.#case, opts: Parameters<typeof analyze>[1] = {}): Promise<void> {
		if (c === this.#running) return;
		this.#running = c;
		const generation = ++this.#generation;
		const started = performance.now();
		const result = await analyze(c, opts);
		if (generation !== this.#generation) return;
		this.#latest = result;
		if (result.trace || result.traceV4a) this.#signed = result;
		if (result.post) this.#signedPost = result;
		if (result.problem) this.pasteProblem = result.problem;
		// The bench reads these marks to time a keystroke's full recompute in the page.
		if (result.trace) performance.measure('sigv4-recompute', { start: started, end: performance.now() });
		// Forensics reconstructs the user's signer on their own request, never on the example standing in.
		if (result.evidence && result.trace && result.evidence.requestGiven !== false)
			this.forensics.run(result.evidence, c.secretAccessKey ?? '', result.trace.signature);
		else this.forensics.cancel();
	}

	/** Reads the paste box into the case; imports run in the order they were asked for. */
	async importPaste(text: string = this.#case.pasteText, harEntry?: number): Promise<void> {
		this.pasteProblem = '';
		const asked = ++this.#imports;
		const opts = { now: DebuggerState.now(), ...(harEntry === undefined ? {} : { harEntry }) };
		// Parsers load on the first paste (a page only typed into never needs them); a large paste is read in a worker, off this thread.
		const { case: next, report } = isLargeText(text)
			? await importInWorker(this.#case, text, opts)
			: (await loadChunk(() => import('../case/import-paste.ts'))).importPaste(this.#case, text, opts);
		if (asked !== this.#imports) return; // A later paste answered first (a small one overtakes a large one): it stands.
		this.#report = report;
		if (report.problem) this.pasteProblem = report.problem;
		this.#case = next;
	}

	/** Forgets the pasted evidence (the request and scope stay). */
	clearEvidence(): void {
		this.#case = { ...this.#case, provided: {}, server: {}, form: [], sigv2Fields: [] };
		this.#report = NO_REPORT;
		this.focus = undefined;
		this.forensics.cancel();
	}

	/** AWS's example keys (and names, if asked) where the real ones were, to post the case in public; says what it replaced. */
	sanitize(options?: SanitizeOptions): Sanitized {
		const sanitized = sanitize(this.#case, options);
		this.#case = sanitized.case;
		return sanitized;
	}

	/** The datetime of this moment, in SigV4's form. */
	static now = sigv4Now;
}
