import { ORIGIN_FIELDS, type Case, type CaseInputs, type FieldOrigin, type OriginField } from './case.ts';
import { NOW_SOURCE } from './signing-time.ts';

/** A case with the user's typed changes: each field changed is marked as typed, the rest untouched. */
export function edit(c: Case, patch: Partial<CaseInputs>): Case {
	const next: Case = { ...c, ...patch, origins: { ...c.origins } };
	for (const field of Object.keys(patch) as OriginField[]) {
		if (!ORIGIN_FIELDS.includes(field) || patch[field] === c[field]) continue;
		next.origins[field] = { from: 'typed' };
	}
	return next;
}

/** Where an input's value came from; a field nothing has set holds the default. */
export function originOf(c: Case, field: OriginField): FieldOrigin | { from: 'default' } {
	return c.origins[field] ?? { from: 'default' };
}

/** The origin in a few words, for a hint beside the field: "from the server's string to sign, line 3 (paste 1)". */
export function describeOrigin(origin: FieldOrigin | { from: 'default' }, kindName: (kind: string) => string): string {
	if (origin.from === 'default') return "the page's example";
	if (origin.from === 'typed') return 'typed by you';
	if (origin.from === 'unknown') return `unknown: your paste ${origin.paste} does not give it`;
	const where = origin.line === undefined ? '' : `, line ${origin.line}`;
	// A time the page took because the paste had none is not read "from" anywhere.
	if (origin.source?.startsWith(NOW_SOURCE)) return `${origin.source} (paste ${origin.paste})`;
	return `from ${origin.source ?? kindName(origin.kind)}${where} (paste ${origin.paste})`;
}

/** The view at another learning step (none: the first), its other settings kept. */
export function withLearnStep(view: Case['view'], step: number | undefined): Case['view'] {
	const { learnStep: _old, ...rest } = view;
	return step === undefined ? rest : { ...rest, learnStep: step };
}
