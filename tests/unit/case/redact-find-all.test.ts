// The search the redaction uses for every occurrence of the secrets it knows: nothing missed,
// nothing invented, with a few needles or thousands.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findAll, WINDOW } from '../../../src/lib/case/find-all.ts';

/** A small alphabet, so that needles overlap each other and themselves. */
const letters = (min: number, max: number) => fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: min, maxLength: max });

const input = fc
	.record({
		needles: fc.uniqueArray(letters(WINDOW, WINDOW + 4), { minLength: 1, maxLength: 40 }),
		filler: fc.array(letters(0, 6), { maxLength: 30 })
	})
	.chain(({ needles, filler }) =>
		fc.record({
			needles: fc.constant(needles),
			text: fc
				.array(fc.oneof(fc.constantFrom(...needles), fc.constantFrom('', ...filler)), { maxLength: 30 })
				.map((parts) => parts.join(''))
		})
	);

describe('findAll', () => {
	it('finds only needles, and leaves no occurrence of one uncovered', () => {
		fc.assert(
			fc.property(input, ({ needles, text }) => {
				const kinds = new Map(needles.map((n, i) => [n, i]));
				const found = findAll(text, kinds);
				for (const { start, end, kind } of found) expect(text.slice(start, end)).toBe(needles[kind]);
				for (const needle of needles) {
					for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
						expect(found.some((f) => f.start < at + needle.length && at < f.end)).toBe(true);
					}
				}
			}),
			{ numRuns: 500 }
		);
	});

	it('searches for nothing shorter than its window', () => {
		expect(findAll('abc abc abc', new Map([['abc', 1]]))).toEqual([]);
		const many = new Map(Array.from({ length: 30 }, (_, i) => [`needle-${String(i).padStart(3, '0')}`, i]));
		expect(findAll('x needle-017 y needle-029', many)).toEqual([
			{ start: 2, end: 12, kind: 17 },
			{ start: 15, end: 25, kind: 29 }
		]);
	});
});
