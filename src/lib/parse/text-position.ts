/** A 1-based line and column in the pasted text. */
export interface TextPosition {
	line: number;
	column: number;
}

/**
 * Offsets → line and column for one text. Importers work on offsets into the text as pasted, so
 * every error can point at the character the user sees, whatever was decoded on the way.
 */
export class LineIndex {
	private readonly starts: number[] = [0];

	constructor(readonly text: string) {
		for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
	}

	get lineCount(): number {
		return this.starts.length;
	}

	at(offset: number): TextPosition {
		const o = Number.isFinite(offset) ? Math.max(0, Math.min(Math.floor(offset), this.text.length)) : 0;
		let lo = 0;
		let hi = this.starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (this.starts[mid]! <= o) lo = mid;
			else hi = mid - 1;
		}
		return { line: lo + 1, column: o - this.starts[lo]! + 1 };
	}

	/** Offset of the first character of a 1-based line (clamped). */
	lineStart(line: number): number {
		const i = Math.max(1, Math.min(line, this.starts.length)) - 1;
		return this.starts[i]!;
	}
}

/** The text's lines without their "\n"; a "\r" before it stays, so joining with "\n" gives the text back. */
export function splitLines(text: string): string[] {
	return text.split('\n');
}

/** A line without the "\r" a CRLF paste leaves at its end. */
export function stripCr(line: string): string {
	return line.endsWith('\r') ? line.slice(0, -1) : line;
}
