import {
	explanationOf,
	partsOfLine,
	requestLinks,
	unsignedHeaders,
	type LineExplanation,
	type LineRef,
	type LinkedStage,
	type RequestLinks
} from '../case/request-links.ts';
import type { DebuggerState } from './debugger.svelte.ts';

/** What the pointer or the keyboard is on: a request part, or a line of a stage. */
export type LinkTarget = { part: string } | { stage: LinkedStage; line: number };
export type By = 'pointer' | 'keyboard';

const EMPTY: RequestLinks = { parts: [], explanations: [] };

/** The links between the request's parts and the stage lines, and which of them is lit. */
export class StageLinks {
	#app: DebuggerState;
	/** Under the pointer, and under the keyboard: the pointer's wins while it is there. */
	#pointer = $state.raw<LinkTarget | undefined>();
	#keyboard = $state.raw<LinkTarget | undefined>();
	/** The line the explanation pane shows: it stays after the pointer leaves, so it can be read. */
	explained = $state.raw<{ stage: LinkedStage; line: number } | undefined>();

	constructor(app: DebuggerState) {
		this.#app = app;
	}

	readonly links: RequestLinks = $derived.by(() => {
		const { view, trace, case: c } = this.#app;
		if (!view || !trace || c.mode === 'post') return EMPTY;
		return requestLinks({
			provenance: view.provenance,
			mode: trace.mode,
			datetime: trace.datetime,
			credentialScope: trace.credentialScope,
			stringToSignEdited: c.overrides.stringToSign !== undefined,
			unsignedHeaders: unsignedHeaders(trace.request.headers, trace.signedHeaders)
		});
	});

	/** What is lit: the pointer's target, else the keyboard's. */
	get target(): LinkTarget | undefined {
		return this.#pointer ?? this.#keyboard;
	}

	point(target: LinkTarget, by: By): void {
		if (by === 'pointer') this.#pointer = target;
		else this.#keyboard = target;
		const line = 'part' in target ? this.links.parts.find((p) => p.id === target.part)?.refs[0] : target;
		if (line && explanationOf(this.links, line.stage, line.line)) this.explained = { stage: line.stage, line: line.line };
	}

	/** Leaving a part, or every line of a stage, clears only what that part or stage had lit. */
	leave(from: { part: string } | LinkedStage, by: By): void {
		const t = by === 'pointer' ? this.#pointer : this.#keyboard;
		if (!t || (typeof from === 'string' ? !('stage' in t && t.stage === from) : !('part' in t && t.part === from.part))) return;
		if (by === 'pointer') this.#pointer = undefined;
		else this.#keyboard = undefined;
	}

	/** The parts lit now: the pointed part, or the parts of the pointed line. */
	readonly litParts: readonly string[] = $derived.by(() => {
		const t = this.target;
		if (!t) return [];
		if ('part' in t) return [t.part];
		return partsOfLine(this.links, t.stage, t.line).map((p) => p.id);
	});

	/** The lines lit in one stage. */
	litLines(stage: LinkedStage): LineRef[] {
		const t = this.target;
		if (!t) return [];
		if ('part' in t) return (this.links.parts.find((p) => p.id === t.part)?.refs ?? []).filter((r) => r.stage === stage);
		return t.stage === stage && explanationOf(this.links, stage, t.line) ? [{ stage, line: t.line }] : [];
	}

	readonly explanation: LineExplanation | undefined = $derived.by(() => {
		const e = this.explained;
		return e ? explanationOf(this.links, e.stage, e.line) : undefined;
	});
}
