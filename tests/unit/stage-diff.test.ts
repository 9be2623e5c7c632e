import { describe, expect, it } from 'vitest';
import { diffStage, showInvisibles } from '../../src/lib/state/stage-diff.ts';

describe('stage diff', () => {
	it('finds nothing in identical stages', () => {
		const d = diffStage('GET\n/\n', 'GET\n/\n');
		expect(d.identical).toBe(true);
		expect(d.rows.every((r) => r.kind === 'same')).toBe(true);
	});
	it('pairs a changed line and marks the changed characters', () => {
		const d = diffStage('GET\n/a%2fb\nx', 'GET\n/a%2Fb\nx');
		const row = d.rows.find((r) => r.kind === 'changed')!;
		expect(row.yoursLine).toBe(2);
		expect(row.yours!.filter((s) => s.changed).map((s) => s.text)).toEqual(['f']);
		expect(row.correct!.filter((s) => s.changed).map((s) => s.text)).toEqual(['F']);
	});
	it('makes CR, tab, NBSP, zero-width and trailing spaces visible', () => {
		expect(showInvisibles('a\tb\u00a0c\u200bd  \r')).toBe('a⇥b⍽c⟨U+200B⟩d  ␍');
		expect(showInvisibles('value  ')).toBe('value··');
		const d = diffStage('host:h\r\nx', 'host:h\nx');
		expect(d.identical).toBe(false);
		expect(d.rows[0]!.yours!.map((s) => s.text).join('')).toBe('host:h␍');
	});
	it('reports lines only on one side with their own line numbers', () => {
		const d = diffStage('a\nb\nc', 'a\nc\nd');
		expect(d.rows.filter((r) => r.kind !== 'same').map((r) => [r.kind, r.yoursLine ?? r.correctLine])).toEqual([
			['removed', 2],
			['added', 3]
		]);
	});
});
