// The generators must not be degenerate: a sample of each oracle's cases has to cover every
// feature the properties claim to test, each in a fair share of the cases.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	aws4PathMode,
	caseArb,
	logicalQuery,
	NEVER_SIGNED_NAMES,
	wirePath,
	wireQuery,
	wireUrl,
	type Oracle,
	type SigCase
} from './model.ts';

const SAMPLE = 2000;
const never = new Set(NEVER_SIGNED_NAMES.map((n) => n.toLowerCase()));

function hasDuplicate(values: string[]): boolean {
	return new Set(values).size < values.length;
}

/** Feature name → does the case have it. */
const FEATURES: Record<string, (c: SigCase) => boolean> = {
	's3 service': (c) => c.s3,
	'other service': (c) => !c.s3,
	'header mode': (c) => c.mode === 'header',
	'query mode': (c) => c.mode === 'query',
	'S3 presigned': (c) => c.s3 && c.mode === 'query',
	'session token': (c) => c.credentials.sessionToken !== undefined,
	'token not signed': (c) => c.signSessionToken === false,
	'token, query mode': (c) => c.credentials.sessionToken !== undefined && c.mode === 'query',
	'explicit expiry': (c) => c.expiresIn !== undefined,
	'method other than GET': (c) => c.method !== 'GET',
	'non-default port': (c) => c.port !== undefined && c.port !== (c.scheme === 'https' ? '443' : '80'),
	'Host header': (c) => c.headers.some(([n]) => n.toLowerCase() === 'host'),
	'no path at all': (c) => c.omitPath,
	'path "/"': (c) => wirePath(c) === '/' || wirePath(c) === '',
	'dot segment': (c) => c.segments.some((s) => s.text === '.' || s.text === '..'),
	'empty segment ("//" or trailing "/")': (c) => c.segments.length > 1 && c.segments.some((s) => s.text === ''),
	'percent-encoded path': (c) => /%[0-9A-F]{2}/.test(wirePath(c)),
	'lowercase hex in URL': (c) => /%[0-9a-f]?[a-f][0-9a-f]?/.test(wireUrl(c).replace(/%[0-9A-F]{2}/g, '')),
	'"+" in path (raw or %2B)': (c) => /\+|%2B/i.test(wirePath(c)),
	'raw sub-delims in path': (c) => /[!$&'()*,;=:@]/.test(wirePath(c)),
	'"*" in path or query': (c) => /\*|%2A/i.test(wireUrl(c)),
	'"~" in path or query': (c) => wireUrl(c).includes('~'),
	'"%" as data (%25)': (c) => /%25/.test(wireUrl(c)),
	'space in path': (c) => / |%20/.test(wirePath(c)),
	'raw UTF-8 in URL': (c) => [...wireUrl(c)].some((ch) => ch.codePointAt(0)! > 0x7f),
	'raw space in URL': (c) => wireUrl(c).includes(' '),
	'encoded UTF-8 in URL': (c) => /%[C-F][0-9A-F]%[89AB][0-9A-F]/i.test(wireUrl(c)),
	'query string': (c) => (wireQuery(c) ?? '') !== '',
	'duplicate query keys': (c) => hasDuplicate(logicalQuery(c).map(([k]) => k)),
	'duplicate key and value': (c) => hasDuplicate(logicalQuery(c).map(([k, v]) => `${k}=${v}`)),
	'empty query key': (c) => logicalQuery(c).some(([k]) => k === ''),
	'empty query value': (c) => logicalQuery(c).some(([, v]) => v === ''),
	'key without "="': (c) => (c.query?.params ?? []).some((p) => p.value === null),
	'"+" as space in query': (c) => /[=&?]?[^&=]*\+/.test(wireQuery(c) ?? ''),
	'%2B in query': (c) => /%2B/i.test(wireQuery(c) ?? ''),
	'"&&" or stray "&"': (c) => /^&|&&|&$/.test(wireQuery(c) ?? ''),
	'stale X-Amz-Signature': (c) => c.query?.staleSignature === true,
	'duplicate header (any case)': (c) => hasDuplicate(c.headers.map(([n]) => n.toLowerCase())),
	'header name not lowercase': (c) => c.headers.some(([n]) => n !== n.toLowerCase()),
	'obs-fold in a value': (c) => c.headers.some(([, v]) => /\n[ \t]/.test(v)),
	'value with outer white space': (c) => c.headers.some(([, v]) => /^[ \t\n]|[ \t\n]$/.test(v)),
	'value with inner runs of white space': (c) => c.headers.some(([, v]) => /\S[ \t]{2,}\S/.test(v)),
	'empty header value': (c) => c.headers.some(([, v]) => v.trim() === ''),
	'never-signed header': (c) => c.headers.some(([n]) => never.has(n.toLowerCase())),
	'x-amz-content-sha256 header': (c) => c.headers.some(([n]) => n.toLowerCase() === 'x-amz-content-sha256'),
	'no body': (c) => c.body === undefined,
	'text body': (c) => typeof c.body === 'string' && c.body.length > 0,
	'binary body': (c) => c.body instanceof Uint8Array && c.body.length > 0
};

/** Smaller shares a feature may have; every other feature needs MIN_SHARE. */
const MIN_SHARE = 0.02;
const OWN_MIN: Record<Oracle, Record<string, number>> = {
	smithy: { 'no path at all': 0.005, 'stale X-Amz-Signature': 0.05 },
	aws4: { 'no path at all': 0.005, 'empty query key': 0, 'stale X-Amz-Signature': 0, 'raw space in URL': 0.01 }
};
const BALANCED = ['s3 service', 'other service', 'header mode', 'query mode'];

describe('property generators are not degenerate', () => {
	for (const oracle of ['smithy', 'aws4'] as const) {
		it(`${oracle}: ${SAMPLE} sampled cases cover every feature`, () => {
			const sample = fc.sample(caseArb(oracle), { numRuns: SAMPLE, seed: 20150830 });
			expect(sample).toHaveLength(SAMPLE);
			const shares = Object.fromEntries(Object.entries(FEATURES).map(([name, has]) => [name, sample.filter(has).length / SAMPLE]));
			for (const [name, share] of Object.entries(shares)) {
				const min = OWN_MIN[oracle][name] ?? MIN_SHARE;
				expect(share, `${oracle}: "${name}" in ${(share * 100).toFixed(1)}% of the cases`).toBeGreaterThanOrEqual(min);
			}
			for (const name of BALANCED) expect(shares[name], `${oracle}: "${name}"`).toBeGreaterThan(0.3);
			// Distinct requests, not the same few again and again.
			expect(new Set(sample.map((c) => `${c.mode} ${c.service} ${wireUrl(c)}`)).size).toBeGreaterThan(SAMPLE * 0.9);
		});
	}

	it('aws4 cases use both of its path settings and S3 rules', () => {
		const sample = fc.sample(caseArb('aws4'), { numRuns: SAMPLE, seed: 1 });
		const modes = sample.map((c) => (c.s3 ? 's3' : aws4PathMode(c)));
		for (const mode of ['s3', 'wire', 'raw'] as const) expect(modes.filter((m) => m === mode).length, mode).toBeGreaterThan(SAMPLE * 0.01);
		expect(sample.every((c) => c.service !== 's3' || c.s3)).toBe(true);
	});
});
