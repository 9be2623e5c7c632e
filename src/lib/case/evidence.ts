import type { Evidence } from '../diagnose/types.ts';
import type { HttpRequest, SigningParams } from '../sigv4/index.ts';
import type { Case } from './case.ts';

/** True when the request is the user's own: typed, or read from a paste (not the example standing in). */
export function requestGiven(c: Case): boolean {
	const origin = c.origins.requestText;
	return origin !== undefined && origin.from !== 'unknown';
}

/** True when something was pasted to compare: the user's stages, the server's, a form or SigV2 fields. */
export function hasEvidence(c: Case): boolean {
	return Object.keys(c.provided).length > 0 || Object.keys(c.server).length > 0 || c.form.length > 0 || c.sigv2Fields.length > 0;
}

/**
 * What diagnose compares: the case's request and scope, and what was pasted. Plain data (it is
 * posted to the forensics worker); undefined when nothing was pasted to compare.
 */
export function evidenceOf(c: Case, request: HttpRequest, params: SigningParams, mode: 'header' | 'query'): Evidence | undefined {
	if (!hasEvidence(c)) return undefined;
	const evidence: Evidence = structuredClone({ request, params, mode, provided: { ...c.provided } });
	if (Object.keys(c.server).length > 0) evidence.server = structuredClone(c.server);
	if (c.form.length > 0) evidence.form = c.form.map(([n, v]) => [n, v]);
	if (c.sigv2Fields.length > 0) evidence.sigv2Fields = c.sigv2Fields.map(([n, v]) => [n, v]);
	// The example's request stands in when no paste or typing gave one: nothing is judged from it alone.
	if (!requestGiven(c)) evidence.requestGiven = false;
	return evidence;
}
