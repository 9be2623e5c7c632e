import { parseSignedUrl } from '../parse/index.ts';

/**
 * What stands for a session token the user's URL did not carry: the placeholder redactSecrets
 * writes (case/redact-secrets.ts, PLACEHOLDERS.sessionToken), so a copied URL shows it needs one.
 */
export const TOKEN_LEFT_OUT = 'SESSION-TOKEN-LEFT-OUT';

/**
 * A URL the page signed, made fit to be copied: the secret key is never in a URL, and the session
 * token stays only when it is the one the user's own URL carries (`theirToken`), so copying puts
 * on the clipboard no secret the user did not already put in that URL themselves.
 */
export function correctedUrl(url: string, theirToken: string | undefined): string {
	const token = parseSignedUrl(url)?.securityToken;
	if (token === undefined || token === theirToken) return url;
	return url.replace(/([?&]X-Amz-Security-Token=)[^&#]*/gi, `$1${TOKEN_LEFT_OUT}`);
}
