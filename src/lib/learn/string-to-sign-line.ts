import type { LearnHighlight } from './types.ts';

/** Where line `line` of a string to sign made of `parts` (joined with "\n") stands in the string-to-sign pane. */
export function stringToSignLine(parts: readonly string[]): (line: number) => LearnHighlight {
	const starts: number[] = [];
	let offset = 0;
	for (const part of parts) {
		starts.push(offset);
		offset += part.length + 1;
	}
	return (line) => ({ pane: 'stringToSign', start: starts[line]!, end: starts[line]! + parts[line]!.length });
}
