import type { LearnStep } from './types.ts';

/**
 * A run of canonical-request lines and the steps that made them. Highlights are relative to the
 * block's own text until `placeBlocks` knows where the block starts in the canonical request.
 */
export interface CanonicalBlock {
	text: string;
	steps: LearnStep[];
}

/** A canonical-request highlight of `output` at `start` within the block (shifted later). */
export function inBlock(start: number, output: string): NonNullable<LearnStep['highlight']> {
	return { pane: 'canonicalRequest', start, end: start + output.length };
}

/**
 * Joins the blocks with "\n", as AWS's pseudo-code joins the six parts, and moves each block's
 * highlights to where the block lands. Returns the canonical request and the placed steps.
 */
export function placeBlocks(blocks: CanonicalBlock[]): { text: string; steps: LearnStep[] } {
	let offset = 0;
	const steps: LearnStep[] = [];
	for (const block of blocks) {
		for (const step of block.steps) {
			const h = step.highlight;
			steps.push(h?.pane === 'canonicalRequest' ? { ...step, highlight: { ...h, start: h.start + offset, end: h.end + offset } } : step);
		}
		offset += block.text.length + 1;
	}
	return { text: blocks.map((b) => b.text).join('\n'), steps };
}
