import { SECRET_FIELDS, CASE_FIELDS } from './short-keys.ts';
import type { ShareCase } from './types.ts';

/**
 * The case as a link or a file writes it: the case's own fields only (so nothing else the page
 * might hand over travels along), as plain data, and without the secret access key and the
 * session token unless the user chose to include them. They are dropped here, before anything is
 * serialised, so they are never even compressed.
 */
export function shareableCase(c: ShareCase, includeSecrets: boolean): ShareCase {
	const out: Record<string, unknown> = {};
	for (const field of CASE_FIELDS) {
		if (!includeSecrets && SECRET_FIELDS.includes(field)) continue;
		const value = c[field];
		// A JSON copy: also turns reactive proxies from the page into plain data.
		if (value !== undefined) out[field] = JSON.parse(JSON.stringify(value));
	}
	return out as unknown as ShareCase;
}
