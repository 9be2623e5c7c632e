/** A problem in pasted text: 1-based line and column, what is wrong and how to fix it. */
export interface ParseError {
	line: number;
	column: number;
	message: string;
	fix?: string;
}
