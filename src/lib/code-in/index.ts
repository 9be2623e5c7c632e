// The code-in door: signer source in, the SigV4 mistakes it makes out (issue 16, "Your code").
export { lintSignerCode, MAX_SOURCE_CHARS } from './lint-signer-code.ts';
export {
	detectLanguage,
	SOURCE_LANGUAGES,
	SOURCE_LANGUAGE_LABELS,
	type SourceLanguage,
	type SourceLanguage as Language
} from './languages.ts';
export type { CodeFinding } from './code-finding.ts';

/** Codes only signer source shows (a request cannot tell them apart from others): tests/unit/code-in/ covers them. */
export const CODE_IN_ONLY_CODES = ['slash-encoded-in-s3-key'] as const;
