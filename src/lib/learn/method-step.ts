import { quote } from '../findings/index.ts';
import { inBlock, type CanonicalBlock } from './canonical-block.ts';
import type { LearnContext } from './learn-context.ts';

/** Line 1 of the canonical request: the HTTP method. */
export function methodStep(lc: LearnContext): CanonicalBlock {
	const written = lc.request.method;
	const output = lc.ctx.method;
	const explanation =
		written === output
			? `The first line of the canonical request is the HTTP method as sent, in uppercase: ${output}.`
			: `The request writes the method as ${quote(written)}; the canonical request holds it trimmed and in uppercase: ${output}.`;
	return {
		text: output,
		steps: [
			{
				id: lc.ids.take('method'),
				title: 'HTTP method',
				reads: written,
				output,
				highlight: inBlock(0, output),
				explanation,
				docUrl: lc.canonicalDoc,
				mistakes: ['method-not-uppercase']
			}
		]
	};
}
