import { diffArrays, diffChars } from 'diff';

export interface DiffSegment {
	text: string;
	changed: boolean;
}

/** One row of a stage diff: a line only in yours, only in the correct version, or changed in both. */
export interface DiffRow {
	kind: 'same' | 'changed' | 'removed' | 'added';
	yoursLine?: number;
	correctLine?: number;
	yours?: DiffSegment[];
	correct?: DiffSegment[];
}

export interface StageDiff {
	identical: boolean;
	rows: DiffRow[];
}

// eslint-disable-next-line no-control-regex -- making control characters visible is the point
const CONTROL = /[\r\t\u00a0\u000b\u000c\u0000]/g;
const INVISIBLE: Record<string, string> = { '\r': '␍', '\t': '⇥', '\u00a0': '⍽', '\u000b': '␋', '\u000c': '␌', '\u0000': '␀' };

/**
 * Makes characters that look alike or not at all visible, so that a diff of "x" and "x\r" shows
 * something: CR, tab, NBSP, zero-width and other invisible code points, trailing spaces.
 */
export function showInvisibles(line: string): string {
	return line
		.replace(CONTROL, (c) => INVISIBLE[c]!)
		.replace(/[\u200b-\u200f\u2028\u2029\u2060\ufeff]/g, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`)
		.replace(/ +$/, (spaces) => '·'.repeat(spaces.length));
}

function same(text: string): DiffSegment[] {
	return [{ text, changed: false }];
}

/**
 * Line-level diff of a user's stage against the correct one (jsdiff), with a character-level diff
 * inside each changed pair of lines. Lines split on LF only, so a CR stays visible as ␍.
 */
export function diffStage(yours: string, correct: string): StageDiff {
	const a = yours.split('\n').map(showInvisibles);
	const b = correct.split('\n').map(showInvisibles);
	const rows: DiffRow[] = [];
	let ia = 0;
	let ib = 0;
	const parts = diffArrays(a, b);
	for (let p = 0; p < parts.length; p++) {
		const part = parts[p]!;
		if (!part.added && !part.removed) {
			for (const line of part.value)
				rows.push({ kind: 'same', yoursLine: ++ia, correctLine: ++ib, yours: same(line), correct: same(line) });
			continue;
		}
		const next = parts[p + 1];
		if (part.removed && next?.added) {
			// A block replaced by another: pair the lines up and diff each pair by character.
			const n = Math.max(part.value.length, next.value.length);
			for (let i = 0; i < n; i++) {
				const x = part.value[i];
				const y = next.value[i];
				if (x !== undefined && y !== undefined) {
					const chars = diffChars(x, y);
					rows.push({
						kind: 'changed',
						yoursLine: ++ia,
						correctLine: ++ib,
						yours: chars.filter((c) => !c.added).map((c) => ({ text: c.value, changed: !!c.removed })),
						correct: chars.filter((c) => !c.removed).map((c) => ({ text: c.value, changed: !!c.added }))
					});
				} else if (x !== undefined) rows.push({ kind: 'removed', yoursLine: ++ia, yours: [{ text: x, changed: true }] });
				else rows.push({ kind: 'added', correctLine: ++ib, correct: [{ text: y!, changed: true }] });
			}
			p++;
		} else if (part.removed) {
			for (const line of part.value) rows.push({ kind: 'removed', yoursLine: ++ia, yours: [{ text: line, changed: true }] });
		} else {
			for (const line of part.value) rows.push({ kind: 'added', correctLine: ++ib, correct: [{ text: line, changed: true }] });
		}
	}
	return { identical: yours === correct, rows };
}
