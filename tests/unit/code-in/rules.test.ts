// Each finding code "Your code" uses: a few wrong lines name it at its line, the corrected lines
// do not (so each test fails without its rule, and the rule does not fire on the fix).
import { describe, expect, it } from 'vitest';
import { CODE_IN_ONLY_CODES, lintSignerCode } from '../../../src/lib/code-in/index.ts';
import { RULE_CASES } from './rule-cases.ts';

describe('"Your code" names each mistake at its line', () => {
	for (const c of RULE_CASES)
		it(`${c.code}: ${c.name} (${c.language})`, () => {
			const wrong = lintSignerCode(c.wrong, c.language).filter((f) => f.code === c.code);
			expect(wrong.map((f) => f.line)).toContain(c.line);
			for (const f of wrong) {
				expect(f.message.length).toBeGreaterThan(20);
				expect(f.fix.length).toBeGreaterThan(20);
				expect(f.column).toBeGreaterThan(0);
			}
			expect(lintSignerCode(c.right, c.language).filter((f) => f.code === c.code)).toEqual([]);
		});

	it('covers every code only signer source shows', () => {
		for (const code of CODE_IN_ONLY_CODES) expect(RULE_CASES.some((c) => c.code === code)).toBe(true);
	});
});
