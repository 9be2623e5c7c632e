// Shared by the parse-*.test.ts files.
import { expect } from 'vitest';
import { importText, type ImportKind, type ImportOptions, type ImportResult } from '../../src/lib/parse/index.ts';

/** Imports the text, asserts it was read as `kind`, and returns the result. */
export function imported(text: string, kind: ImportKind, options?: ImportOptions): ImportResult {
	const r = importText(text, options);
	expect(r.kind).toBe(kind);
	return r;
}
