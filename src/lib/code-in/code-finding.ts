import { FINDING_CODES, type FindingCode, type Stage } from '../findings/index.ts';
import type { Token } from './lexer.ts';

/** A SigV4 mistake named in signer source, at the line and column of the code that makes it. */
export interface CodeFinding {
	code: FindingCode;
	stage: Stage;
	/** 'error': wrong for every request; 'warning': wrong for some inputs (a space, a '~', a port) or likely wrong. */
	severity: 'error' | 'warning';
	/** 1-based. */
	line: number;
	column: number;
	message: string;
	fix: string;
}

export function findingAt(t: Token, code: FindingCode, severity: CodeFinding['severity'], message: string, fix: string): CodeFinding {
	return { code, stage: FINDING_CODES[code].stage, severity, line: t.line, column: t.col, message, fix };
}
