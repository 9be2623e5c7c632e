// A case saved as a JSON file opens as the same case; a broken or foreign file says what is
// wrong and where. Never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_FILE_FORMAT, caseFromJson, caseToJson, MAX_CASE_FILE_CHARS, type ShareLinkErrorCode } from '../../src/lib/share/index.ts';
import { DEFAULT_CASE, type Case as ShareCase } from '../../src/lib/case/index.ts';
import { jsonSyntaxError } from '../../src/lib/share/json-syntax-error.ts';
import { anyCase, withoutSecrets, stripSecrets } from './share-case-arbitrary.ts';
import { carriesSecrets } from '../../src/lib/share/shareable-case.ts';

function errorOf(text: string): { code: ShareLinkErrorCode; message: string } {
	const opened = caseFromJson(text);
	if (!('error' in opened)) throw new Error(`expected an error for ${text.slice(0, 80)}, got a case`);
	expect(opened.error.message.length).toBeGreaterThan(20);
	return opened.error;
}

const file = (c: unknown, version: unknown = 1) => JSON.stringify({ format: CASE_FILE_FORMAT, version, case: c });

describe('case file', () => {
	it('gives back any case, with its secrets only when included', () => {
		fc.assert(
			fc.property(anyCase, (c) => {
				const secretsIncluded = carriesSecrets(c);
				expect(caseFromJson(caseToJson(c, { includeSecrets: true }))).toStrictEqual({ case: c, secretsIncluded });
				expect(caseFromJson(caseToJson(c, { includeSecrets: false }))).toStrictEqual({ case: withoutSecrets(c), secretsIncluded: false });
			}),
			{ numRuns: 300 }
		);
	});

	it('is readable: the format, the version, every field under its full name, pretty printed', () => {
		const text = caseToJson(DEFAULT_CASE, { includeSecrets: false });
		const parsed = JSON.parse(text) as { format: string; version: number; case: ShareCase };
		expect(parsed).toStrictEqual({ format: 'sigv4-debugger-case', version: 1, case: withoutSecrets(DEFAULT_CASE) });
		expect(text.split('\n').length).toBeGreaterThan(20);
		expect(text.endsWith('}\n')).toBe(true);
	});

	it('opens a file saved with a byte-order mark, and one that leaves fields out', () => {
		expect(caseFromJson(`\uFEFF${caseToJson(DEFAULT_CASE, { includeSecrets: true })}`)).toStrictEqual({
			case: DEFAULT_CASE,
			// AWS's published example secret is no secret of the user's.
			secretsIncluded: false
		});
		expect(caseFromJson(file({ region: 'eu-west-1', unknown: 1 }))).toStrictEqual({
			case: { ...stripSecrets(DEFAULT_CASE), region: 'eu-west-1' },
			secretsIncluded: false
		});
	});

	it('reports an empty file and an oversized one', () => {
		for (const text of ['', '   \n', '\uFEFF']) expect(errorOf(text).code).toBe('empty');
		expect(errorOf(' '.repeat(MAX_CASE_FILE_CHARS) + '{}').code).toBe('too-large');
	});

	it('reports a JSON syntax error with its line and column', () => {
		const good = caseToJson(stripSecrets(DEFAULT_CASE), { includeSecrets: false });
		const cases: [string, string][] = [
			[good.replace('"region": "us-east-1",', '"region": "us-east-1"'), 'line 8, column 5: expected "," or "}", found "\\""'],
			[good.replace('"mode": "header"', "'mode': 'header'"), 'line 12, column 5: expected a name in quotes, found "\'"'],
			[good.replace('"view": {', '"view": {,'), 'column 14: expected a name in quotes, found ","'],
			[good.slice(0, 200), 'line 6, column 20: the text in quotes that starts here is never closed'],
			[good.slice(0, good.indexOf('"region"')), 'line 7, column 5: the text ends inside an object'],
			[good.slice(0, good.indexOf('"region"') - 6), 'line 6, column 42: the text ends inside an object'],
			['{"format": "sigv4-debugger-case", "version": 1, "case": {"requestText": "a\nb"}}', 'line 1, column 75: a control character'],
			['{"a": [1, 2,]}', 'line 1, column 13: unexpected "]" where a value should be'],
			['{"a": tru}', 'line 1, column 7: unexpected "t"'],
			['{"a": "\\x"}', 'line 1, column 8: "\\\\x" is not an escape'],
			['{"a": 01}', 'line 1, column 8: expected "," or "}", found "1"'],
			['{} {}', 'line 1, column 4: unexpected "{" after the end'],
			['['.repeat(100_000), 'the text ends where a value should be']
		];
		for (const [text, where] of cases) {
			const error = errorOf(text);
			expect(error.code, text.slice(0, 60)).toBe('not-json');
			expect(error.message).toContain(where);
		}
	});

	it('finds a syntax error exactly when JSON.parse does', () => {
		const text = fc.oneof(
			fc.json(),
			fc
				.tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', 'x', '\n', '\\', '0', '-', '[', '{'))
				.map(([j, at, insert]) => {
					const i = at % (j.length + 1);
					return j.slice(0, i) + insert + j.slice(i + (at % 2));
				}),
			fc.string({ unit: fc.constantFrom(...'{}[]",:0123456789-.eE tfnrul\\ \n'), maxLength: 30 })
		);
		fc.assert(
			fc.property(text, (t) => {
				let parses = true;
				try {
					JSON.parse(t);
				} catch {
					parses = false;
				}
				expect(jsonSyntaxError(t) === undefined, t).toBe(parses);
			}),
			{ numRuns: 2000 }
		);
	});

	it('reports JSON that is not a case file', () => {
		for (const text of ['[]', '"x"', '42', 'null', '{}', '{"case": {}}', '{"format": "har", "version": 1, "case": {}}']) {
			expect(errorOf(text)).toMatchObject({ code: 'bad-shape', message: expect.stringContaining('not a SigV4 Debugger case') });
		}
	});

	it('reports other versions: newer ones as made by a newer page, others as unknown', () => {
		expect(errorOf(file({}, 2))).toMatchObject({ code: 'future-version', message: expect.stringContaining('newer version') });
		for (const version of [0, -1, 1.5, '1', null, [1]]) expect(errorOf(file({}, version)).code).toBe('unknown-version');
		expect(errorOf(JSON.stringify({ format: CASE_FILE_FORMAT, case: {} }))).toMatchObject({
			code: 'unknown-version',
			message: expect.stringContaining('missing')
		});
	});

	it('reports a field of the wrong type, naming it', () => {
		const wrong: [unknown, string][] = [
			[undefined, 'This case file has no "case": the file names its format and version, but the case itself is missing'],
			[[], '"case" should be an object'],
			[{ requestText: 1 }, '"case.requestText" should be text, but it is the number 1'],
			[{ mode: 'Header' }, '"case.mode" should be "header" or "query" or "post" or "chunked", but it is the text "Header"'],
			[{ view: { optionsOpen: 1 } }, '"case.view.optionsOpen" should be true or false'],
			[{ server: { fields: { a: null } } }, '"case.server.fields["a"]" should be text, but it is null'],
			[{ form: [['a', 'b'], 'c'] }, '"case.form[1]" should be a [name, value] pair'],
			[{ sessionToken: {} }, '"case.sessionToken" should be text, but it is an object']
		];
		for (const [c, message] of wrong)
			expect(errorOf(file(c))).toMatchObject({ code: 'bad-shape', message: expect.stringContaining(message) });
	});

	it('never throws, whatever the text', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.string({ unit: 'binary' }),
					fc.json(),
					fc.json().map((j) => file(JSON.parse(j))),
					fc.object().map((o) => file(o))
				),
				(text) => {
					expect(caseFromJson(text)).toBeTypeOf('object');
				}
			),
			{ numRuns: 500 }
		);
	});
});
