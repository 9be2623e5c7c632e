import { SECRET_FIELDS, CASE_FIELDS, type Case } from '../case/case.ts';
import { EXAMPLE_CREDENTIALS } from '../case/examples.ts';

/**
 * The case as a link or a file writes it: the case's own fields only (so nothing else the page
 * might hand over travels along), as plain data, and without the secret access key and the
 * session token unless the user chose to include them. They are dropped here, before anything is
 * serialised, so they are never even compressed.
 */
export function shareableCase(c: Case, includeSecrets: boolean): Case {
	const out: Record<string, unknown> = {};
	for (const field of CASE_FIELDS) {
		if (!includeSecrets && SECRET_FIELDS.includes(field) && !isPublicSecret(c, field)) continue;
		const value = c[field];
		// A JSON copy: plain data, whatever the page handed over.
		if (value !== undefined) out[field] = JSON.parse(JSON.stringify(value));
	}
	// Signing keys sign like the secret for their day, region and service: they never leave the page.
	if (out.provided && typeof out.provided === 'object') {
		const { signingKeys: _keys, ...provided } = out.provided as Case['provided'];
		out.provided = provided;
	}
	return out as unknown as Case;
}

/** AWS's published example secret is no secret: a case on the example keys reproduces from its link. */
export function isPublicSecret(c: Pick<Case, 'secretAccessKey'>, field: keyof Case): boolean {
	return field === 'secretAccessKey' && c.secretAccessKey === EXAMPLE_CREDENTIALS.secretAccessKey;
}

/** True when the case carries a secret of the user's own (the published example secret is none). */
export function carriesSecrets(c: Pick<Case, 'secretAccessKey' | 'sessionToken'>): boolean {
	return (c.secretAccessKey !== undefined && !isPublicSecret(c, 'secretAccessKey')) || c.sessionToken !== undefined;
}
