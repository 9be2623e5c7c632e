import { CASE_FIELDS, type Case } from '../case/case.ts';
import { EXAMPLE_CREDENTIALS } from '../case/examples.ts';
import { redactSecrets, type LeftOut } from '../case/redact-secrets.ts';

const NOTHING_LEFT_OUT: LeftOut = { places: {}, exampleSecret: false, signingKeys: 0 };

/**
 * The case as a link, a file or this device's storage writes it, and what was left out of it: the
 * case's own fields only (so nothing else the page might hand over travels along), as plain data,
 * and, unless the user chose to include secrets, with every secret redacted (see redactSecrets),
 * before anything is serialised, so a secret is never even compressed. Pasted signing keys never
 * leave: they sign like the secret for their day, region and service.
 */
export function outgoingCase(c: Case, includeSecrets: boolean): { case: Case; leftOut: LeftOut } {
	const out: Record<string, unknown> = {};
	for (const field of CASE_FIELDS) {
		const value = c[field];
		// A JSON copy: plain data, whatever the page handed over.
		if (value !== undefined) out[field] = JSON.parse(JSON.stringify(value));
	}
	const copy = out as unknown as Case;
	// A file body is its name, size and hash: whatever else the page held (the File, its bytes) stays in the page.
	if (c.bodyFile) copy.bodyFile = { name: c.bodyFile.name, size: c.bodyFile.size, sha256: c.bodyFile.sha256 };
	if (!includeSecrets) return redactSecrets(copy);
	if (copy.provided?.signingKeys) {
		const { signingKeys: keys, ...provided } = copy.provided;
		copy.provided = provided;
		return { case: copy, leftOut: { ...NOTHING_LEFT_OUT, signingKeys: Object.values(keys).filter(Boolean).length } };
	}
	return { case: copy, leftOut: NOTHING_LEFT_OUT };
}

/** The case as it leaves the page (see outgoingCase). */
export function shareableCase(c: Case, includeSecrets: boolean): Case {
	return outgoingCase(c, includeSecrets).case;
}

/** AWS's published example secret is no secret: a case on the example keys reproduces from its link. */
export function isPublicSecret(c: Pick<Case, 'secretAccessKey'>, field: keyof Case): boolean {
	return field === 'secretAccessKey' && c.secretAccessKey === EXAMPLE_CREDENTIALS.secretAccessKey;
}

/** True when the case carries a secret of the user's own (the published example secret is none). */
export function carriesSecrets(c: Pick<Case, 'secretAccessKey' | 'sessionToken'>): boolean {
	return (c.secretAccessKey !== undefined && !isPublicSecret(c, 'secretAccessKey')) || c.sessionToken !== undefined;
}
