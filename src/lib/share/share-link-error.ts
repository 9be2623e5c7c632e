import type { Case } from '../case/case.ts';

/** Why a link or a case file could not be opened. */
export type ShareLinkErrorCode =
	'empty' | 'unknown-version' | 'future-version' | 'not-base64' | 'truncated' | 'too-large' | 'not-json' | 'bad-shape';

export interface ShareLinkError {
	code: ShareLinkErrorCode;
	/** What is wrong and what the user can do, in plain words; plain text, never HTML. */
	message: string;
}

/**
 * What opening a link or a file gives: the case, and whether it carries a secret (the secret
 * access key or the session token). Without one, the page asks for the secret to show the stages
 * that need it.
 */
export type OpenedCase = { case: Case; secretsIncluded: boolean } | { error: ShareLinkError };

export function shareLinkError(code: ShareLinkErrorCode, message: string): { error: ShareLinkError } {
	return { error: { code, message } };
}
