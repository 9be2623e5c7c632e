// Random cases for the share codec's properties: any text the page could hold (unicode, lone
// surrogates, control characters, markup and script, long texts), any valid choice, and the
// optional parts present or not; fields often keep their default so that omission is exercised.
import fc from 'fast-check';
import { CASE_FIELDS, DEFAULT_CASE, SECRET_FIELDS } from '../../src/lib/case/index.ts';
import type { Case as ShareCase, FieldOrigin } from '../../src/lib/case/index.ts';
import { outgoingCase } from '../../src/lib/share/index.ts';

/** Markup, script and other text that must come back as the same plain text. */
export const HOSTILE_TEXTS = [
	'<img src=x onerror=alert(1)>',
	'<script>alert(1)</script>',
	'"><svg onload=alert(1)>',
	'</textarea><script>window.__pwned = 1</script>',
	'javascript:alert(1)',
	'{{constructor.constructor("alert(1)")()}}',
	'${alert(1)}',
	'&lt;b&gt; &amp; &#x3C;',
	'\u0000\u0001\u001b[31m\u007f',
	'\u2028\u2029\uFEFF',
	'\ud800',
	'\udfff\ud800',
	'🔑 e\u0301 \u202Eevil',
	'\r\n\t\v\f',
	'__proto__',
	'constructor',
	'%00%3Cscript%3E',
	'\\u003cscript\\u003e',
	'"quoted" \\ back\\slash'
];

const char16 = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));

export const anyText: fc.Arbitrary<string> = fc.oneof(
	{ arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 4 },
	{ arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
	{ arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 40 }), weight: 2 },
	{ arbitrary: fc.string({ unit: char16, maxLength: 20 }), weight: 2 },
	{ arbitrary: fc.constantFrom(...HOSTILE_TEXTS), weight: 3 },
	{ arbitrary: fc.array(fc.constantFrom(...HOSTILE_TEXTS), { maxLength: 8 }).map((parts) => parts.join(' ')), weight: 1 },
	{ arbitrary: fc.string({ unit: 'grapheme', minLength: 1000, maxLength: 4000 }), weight: 1 }
);

/** Often the default, so that links leave fields out; otherwise anything of the right type. */
function orDefault<T>(arbitrary: fc.Arbitrary<T>, value: T): fc.Arbitrary<T> {
	return fc.oneof(fc.constant(value), arbitrary);
}

const tristate = fc.constantFrom('auto' as const, 'on' as const, 'off' as const);
const pairs = fc.array(fc.tuple(anyText, anyText), { maxLength: 5 });
const record = { noNullPrototype: true } as const;
const origin: fc.Arbitrary<FieldOrigin> = fc.oneof(
	fc.constant({ from: 'typed' as const }),
	fc.record(
		{ from: fc.constant('paste' as const), paste: fc.nat(), kind: anyText, line: fc.nat() },
		{ ...record, requiredKeys: ['from', 'paste', 'kind'] }
	)
);

export const anyCase: fc.Arbitrary<ShareCase> = fc.record(
	{
		requestText: orDefault(anyText, DEFAULT_CASE.requestText),
		accessKeyId: orDefault(anyText, DEFAULT_CASE.accessKeyId),
		secretAccessKey: orDefault(anyText, DEFAULT_CASE.secretAccessKey!),
		sessionToken: anyText,
		region: orDefault(anyText, DEFAULT_CASE.region),
		algorithm: fc.constantFrom('sigv4' as const, 'sigv4a' as const),
		regionSet: orDefault(anyText, DEFAULT_CASE.regionSet),
		service: orDefault(anyText, DEFAULT_CASE.service),
		datetime: orDefault(anyText, DEFAULT_CASE.datetime),
		mode: fc.constantFrom('header' as const, 'query' as const, 'post' as const, 'chunked' as const),
		expiresIn: orDefault(anyText, DEFAULT_CASE.expiresIn),
		policyText: orDefault(anyText, DEFAULT_CASE.policyText),
		postFields: orDefault(anyText, DEFAULT_CASE.postFields),
		signedHeaders: orDefault(anyText, DEFAULT_CASE.signedHeaders),
		payload: fc.constantFrom('body' as const, 'unsigned' as const),
		payloadHash: orDefault(anyText, ''),
		bodyFile: fc.record({ name: anyText, size: fc.nat(), sha256: fc.stringMatching(/^[0-9a-f]{64}$/) }, record),
		chunked: fc.record(
			{
				variant: fc.constantFrom('signed' as const, 'signed-trailer' as const, 'unsigned-trailer' as const),
				chunkSize: orDefault(anyText, '65536'),
				checksum: fc.constantFrom('' as const, 'crc32' as const, 'sha256' as const)
			},
			record
		),
		uriEscapePath: tristate,
		normalizePath: tristate,
		contentSha256Header: tristate,
		overrides: fc.record(
			{ canonicalRequest: anyText, stringToSign: anyText, signingKey: anyText, signature: anyText },
			{ ...record, requiredKeys: [] }
		),
		pasteText: orDefault(anyText, ''),
		provided: fc.record(
			{ canonicalRequest: anyText, stringToSign: anyText, signature: anyText, authorization: anyText, signedUrl: anyText },
			{ ...record, requiredKeys: [] }
		),
		server: fc.record(
			{
				canonicalRequest: anyText,
				stringToSign: anyText,
				code: anyText,
				message: anyText,
				fields: fc.dictionary(anyText, anyText, { ...record, maxKeys: 5 })
			},
			{ ...record, requiredKeys: [] }
		),
		form: pairs,
		sigv2Fields: pairs,
		view: fc.record(
			{ optionsOpen: fc.boolean(), learnStep: fc.nat(), learnTrack: fc.constantFrom('sigv2-s3' as const, 'sigv2-query' as const) },
			{ ...record, requiredKeys: ['optionsOpen'] }
		),
		origins: fc.record({ requestText: origin, region: origin, datetime: origin, accessKeyId: origin }, { ...record, requiredKeys: [] })
	},
	{
		...record,
		// Every field but the secrets and a file body, which a case may leave out.
		requiredKeys: CASE_FIELDS.filter((f) => !SECRET_FIELDS.includes(f) && f !== 'bodyFile')
	}
);

/**
 * The case as it comes back from a link or a file made without secrets: the redaction's output
 * (tests/unit/case/redact-secrets.test.ts proves what it takes out). For a case whose texts hold
 * no secret it is the case without its secret fields; AWS's published example secret, being
 * public, stays unless something else had to go.
 */
export function withoutSecrets(c: ShareCase): ShareCase {
	return outgoingCase(c, false).case;
}

/** The case without any secret: what a link or file that never held one opens as. */
export function stripSecrets(c: ShareCase): ShareCase {
	const { secretAccessKey: _s, sessionToken: _t, ...rest } = c;
	return rest;
}
