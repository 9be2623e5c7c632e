import { DEFAULT_CASE, type Case } from '../case/index.ts';
import { redactSecrets } from '../case/redact-secrets.ts';

/** Between the texts redacted together: the secret patterns never reach across a line break. */
const SEPARATOR = '\n\u0001cli-text\u0001\n';

/**
 * Everything the command line prints goes through here: the page's one redaction (redactSecrets),
 * which learns the secrets from the input and the keys (by where they stand: --user, a token
 * header, an SSE-C key…) and replaces every occurrence, raw or percent-encoded, with its
 * placeholder. AWS's published example secret is public and stays.
 */
export function redactOutput(texts: string[], input: string, keys: Pick<Case, 'secretAccessKey' | 'sessionToken'>): string[] {
	const redact = (requestText: string) => {
		const c: Case = {
			...DEFAULT_CASE,
			requestText,
			pasteText: input,
			policyText: '',
			postFields: '',
			provided: {},
			server: {},
			origins: {}
		};
		if (keys.secretAccessKey) c.secretAccessKey = keys.secretAccessKey;
		if (keys.sessionToken) c.sessionToken = keys.sessionToken;
		return redactSecrets(c).case.requestText;
	};
	const joined = redact(texts.join(SEPARATOR)).split(SEPARATOR);
	// A text that itself held the separator would shift the rest: then each text goes alone.
	return joined.length === texts.length ? joined : texts.map(redact);
}

/** Every string in a JSON-able value, redacted together. */
export function redactValue<T>(value: T, input: string, keys: Pick<Case, 'secretAccessKey' | 'sessionToken'>): T {
	const strings: string[] = [];
	JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' ? (strings.push(v), v) : v));
	const redacted = redactOutput(strings, input, keys);
	let at = 0;
	return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' ? redacted[at++] : v))) as T;
}
