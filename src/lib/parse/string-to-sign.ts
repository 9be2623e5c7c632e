import { DATETIME_SHAPE, parseScope } from './credential-scope.ts';
import type { ImportBuilder } from './import-builder.ts';
import { stripCr } from './text-position.ts';

export const STS_ALGORITHM = /^AWS4-(?:HMAC-SHA256|ECDSA-P256-SHA256)$/i;

export interface StringToSignParts {
	algorithm: string;
	datetime?: string;
	scope?: string;
	hash?: string;
}

export function splitStringToSign(text: string): StringToSignParts {
	const [algorithm = '', datetime, scope, hash] = text.split('\n').map((l) => stripCr(l).trim());
	return { algorithm, datetime, scope, hash };
}

/** Lines i…i+3 of `lines` when they read as a string to sign (algorithm first); undefined otherwise. */
export function readStringToSign(lines: string[], i: number): { text: string; end: number } | undefined {
	const first = lines[i];
	if (first === undefined || !STS_ALGORITHM.test(stripCr(first).trim())) return undefined;
	let end = i + 1;
	while (end < lines.length && end < i + 4 && stripCr(lines[end]!).trim() !== '') end++;
	return { text: lines.slice(i, end).join('\n'), end };
}

/**
 * Scope and time from a string to sign. A timestamp that is not YYYYMMDD'T'HHMMSS'Z' is left out
 * of the params and named in a note: it is evidence for the diagnosis, not something to sign with.
 * A 12-hour clock (013600 for 13:36) has the right shape and cannot be told apart here.
 */
export function addStringToSignParams(b: ImportBuilder, sts: string, source: string): void {
	const parts = splitStringToSign(sts);
	const asymmetric = /ECDSA/i.test(parts.algorithm);
	if (parts.datetime !== undefined) {
		if (DATETIME_SHAPE.test(parts.datetime)) b.setParam('datetime', parts.datetime, source);
		else if (parts.datetime !== '') b.note(`The timestamp in ${source} is "${parts.datetime}", not in the YYYYMMDD'T'HHMMSS'Z' form.`);
	}
	if (parts.scope) {
		const scope = parseScope(parts.scope, asymmetric);
		if (scope.region) b.setParam('region', scope.region, `the scope of ${source}`);
		if (scope.service) b.setParam('service', scope.service, `the scope of ${source}`);
	}
}
