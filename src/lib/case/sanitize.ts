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

/**
 * An SSE-C customer key is a secret like the secret access key: a case shared without secrets
 * carries the header, not the key.
 */
export function withoutCustomerKeys(c: Case): Case {
	const strip = (text: string) =>
		text.replace(/^(x-amz-server-side-encryption-customer-key[ \t]*:)[^\n]*$/gim, '$1 [SSE-C key left out of the link]');
	return { ...c, requestText: strip(c.requestText), pasteText: strip(c.pasteText) };
}

/** The example's keys are defaults again: nothing typed or pasted is left in them. */
function withoutOrigins(origins: Case['origins'], fields: OriginField[]): Case['origins'] {
	const out = { ...origins };
	for (const field of fields) delete out[field];
	return out;
}
