import type { Case, OriginField } from './case.ts';
import { EXAMPLE_CREDENTIALS } from './examples.ts';
import { mapTexts } from './case-texts.ts';
import { redactSecrets } from './redact-secrets.ts';

/**
 * The case with AWS's documented example keys in place of the real ones, everywhere they appear,
 * so that it can be posted in public: every secret in its texts gives way to its placeholder (the
 * redaction a link uses), the access key ID to the example's. Signatures then follow the example keys.
 */
export function sanitize(c: Case): Case {
	const oldKey = c.accessKeyId.trim();
	const swap = (text: string) => (oldKey.length >= 4 ? text.split(oldKey).join(EXAMPLE_CREDENTIALS.accessKeyId) : text);
	return {
		...mapTexts(redactSecrets(c).case, swap),
		accessKeyId: EXAMPLE_CREDENTIALS.accessKeyId,
		secretAccessKey: EXAMPLE_CREDENTIALS.secretAccessKey,
		sessionToken: '',
		origins: withoutOrigins(c.origins, ['accessKeyId'])
	};
}

/** The example's keys are defaults again: nothing typed or pasted is left in them. */
function withoutOrigins(origins: Case['origins'], fields: OriginField[]): Case['origins'] {
	const out = { ...origins };
	for (const field of fields) delete out[field];
	return out;
}
