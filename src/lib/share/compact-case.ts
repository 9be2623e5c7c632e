import { DEFAULT_CASE } from '../case/default-case.ts';
import { CASE_FIELDS, SECRET_FIELDS } from '../case/case.ts';
import { SHORT_KEYS } from './short-keys.ts';
import type { Case } from '../case/case.ts';

/** Equal as JSON: the same data whatever the key order, with undefined members counted as absent. */
function sameData(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const defined = (o: object) => Object.entries(o).filter(([, v]) => v !== undefined);
	const ea = defined(a);
	const eb = new Map(defined(b));
	return ea.length === eb.size && ea.every(([k, v]) => eb.has(k) && sameData(v, eb.get(k)));
}

/**
 * A shareable case (see shareableCase) under the short keys of SHORT_KEYS, leaving out every
 * field equal to the page's default. A secret is never left out for being the default: a link
 * that includes secrets says so by carrying them, and a missing secret always means "not shared".
 */
export function compactCase(c: Case): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const field of CASE_FIELDS) {
		const value = c[field];
		if (value === undefined) continue;
		if (!SECRET_FIELDS.includes(field) && sameData(value, DEFAULT_CASE[field])) continue;
		out[SHORT_KEYS[field]] = value;
	}
	return out;
}

/** A case under its full field names again; keys this version does not know are dropped. */
export function expandCase(compact: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const field of CASE_FIELDS) {
		const key = SHORT_KEYS[field];
		if (Object.hasOwn(compact, key)) out[field] = compact[key];
	}
	return out;
}
