import { importText } from '../parse/index.ts';
import type { ParseError } from '../parse/parse-error.ts';
import type { HarEntrySummary, ImportKind } from '../parse/types.ts';
import { ORIGIN_FIELDS, type Case, type FieldOrigin, type OriginField } from './case.ts';
import { planImport } from './import-plan.ts';
import { caseTooLarge, pasteTooLarge } from './limits.ts';

/** What a paste did, in the user's words, and what could not be read. */
export interface ImportReport {
	kind: ImportKind;
	/** Plain sentences: what was recognised, filled in, replaced and compared. */
	summary: string[];
	errors: ParseError[];
	/** A pasted HAR's requests, to choose another than the one imported, and the one chosen. */
	harEntries: HarEntrySummary[];
	harEntry?: number;
	/** Why nothing was imported (an empty paste box). */
	problem?: string;
}

/** The number of this paste: one more than any paste the case's fields already came from. */
function nextPaste(c: Case): number {
	let last = 0;
	for (const origin of Object.values(c.origins)) if (origin?.from === 'paste') last = Math.max(last, origin.paste);
	return last + 1;
}

/**
 * Reads pasted text into the case: fills in what the text carries, keeps the text as it is, and
 * records where each field came from. A paste with a request starts the case's evidence afresh;
 * evidence alone (a string to sign, an error body) is added to what the case holds.
 */
export function importPaste(c: Case, text: string, opts: { harEntry?: number; now?: string } = {}): { case: Case; report: ImportReport } {
	if (text.trim() === '') {
		const problem = 'The paste box is empty: paste a request, a curl command, a presigned URL, a log or an AWS error.';
		return { case: { ...c, pasteText: text }, report: { kind: 'unknown', summary: [], errors: [], harEntries: [], problem } };
	}
	const refused = pasteTooLarge(text.length);
	if (refused) return { case: c, report: { kind: 'unknown', summary: [], errors: [], harEntries: [], problem: refused } };
	const result = importText(text, opts.harEntry === undefined ? {} : { harEntry: opts.harEntry });
	const harEntries = result.entries ?? [];
	const report: ImportReport = { kind: result.kind, summary: [], errors: result.errors, harEntries };
	const harEntry =
		opts.harEntry ??
		(result.entries
			? Math.max(
					0,
					result.entries.findIndex((e) => e.signed)
				)
			: undefined);
	if (harEntry !== undefined) report.harEntry = harEntry;
	if (result.kind === 'unknown') return { case: { ...c, pasteText: text }, report };

	// `now` is the caller's clock: the case code has none, and the case keeps the time it signs for.
	const plan = planImport(result, c, { text, ...(opts.now === undefined ? {} : { now: opts.now }) });

	report.summary = [...plan.summary, ...result.notes];
	const origin: FieldOrigin & { from: 'paste' } = { from: 'paste', paste: nextPaste(c), kind: result.kind };
	const next: Case = {
		...c,
		...plan.inputs,
		pasteText: text,
		provided: plan.provided,
		server: plan.server,
		form: plan.form,
		sigv2Fields: plan.sigv2Fields,
		overrides: {},
		origins: { ...c.origins }
	};
	for (const field of Object.keys(plan.inputs) as OriginField[]) {
		if (!ORIGIN_FIELDS.includes(field)) continue;
		if (plan.unknown.includes(field)) next.origins[field] = { from: 'unknown', paste: origin.paste };
		else next.origins[field] = { ...origin, ...readFrom(plan.from[field]) };
	}
	// What the paste gives is measured once unpacked: a short HAR can hold a request of 300,000 header lines.
	const tooLarge = caseTooLarge({ ...next, pasteText: '' }, '', importedName);
	if (tooLarge) {
		const problem = `Nothing was imported: ${tooLarge}. Cut the paste down to the request that failed.`;
		return { case: { ...c, pasteText: text }, report: { ...report, summary: [], problem } };
	}
	return { case: next, report };
}

const IMPORTED_NAMES: Record<string, string> = {
	requestText: 'the request it gives',
	'provided.canonicalRequest': 'its canonical request',
	'provided.stringToSign': 'its string to sign',
	'server.canonicalRequest': "the server's canonical request",
	'server.stringToSign': "the server's string to sign"
};

function importedName(path: string): string {
	return IMPORTED_NAMES[path] ?? `its ${path}`;
}

/** The reader's phrase and line, where it gave them. */
function readFrom(at: { source?: string; from?: string; line?: number } | undefined): { source?: string; line?: number } {
	const out: { source?: string; line?: number } = {};
	const source = at?.source ?? at?.from;
	if (source) out.source = source;
	if (at?.line !== undefined) out.line = at.line;
	return out;
}
