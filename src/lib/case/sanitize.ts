import type { Case, OriginField } from './case.ts';
import { EXAMPLE_CREDENTIALS } from './examples.ts';

/**
 * The case with AWS's documented example keys in place of the real ones, everywhere they appear,
 * so that it can be posted in public. Signatures then follow the example keys.
 */
export function sanitize(c: Case): Case {
	const oldKey = c.accessKeyId.trim();
	const secrets = [c.secretAccessKey ?? '', c.sessionToken ?? ''].filter((s) => s.length >= 8);
	const clean = (text: string) => {
		let out = oldKey.length >= 4 ? text.split(oldKey).join(EXAMPLE_CREDENTIALS.accessKeyId) : text;
		for (const secret of secrets) out = out.split(secret).join('[removed]');
		return out;
	};
	const cleanRecord = <T extends object>(record: T): T =>
		Object.fromEntries(Object.entries(record).map(([k, v]) => [k, typeof v === 'string' ? clean(v) : v])) as T;
	const server = cleanRecord(c.server);
	if (server.fields) server.fields = cleanRecord(server.fields);
	return {
		...c,
		requestText: clean(c.requestText),
		pasteText: clean(c.pasteText),
		provided: cleanRecord(c.provided),
		server,
		overrides: cleanRecord(c.overrides),
		form: c.form.map(([n, v]) => [n, clean(v)]),
		sigv2Fields: c.sigv2Fields.map(([n, v]) => [n, clean(v)]),
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
