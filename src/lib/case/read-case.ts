import { CASE_FIELDS, ORIGIN_FIELDS, SECRET_FIELDS, type BodyFile, type Case, type FieldOrigin } from './case.ts';
import { DEFAULT_CASE } from './default-case.ts';
import { caseTooLarge } from './limits.ts';

/** Raised inside the readers and turned into a result at the edge: the public functions never throw. */
class ShapeProblem extends Error {}

type Reader<T> = (value: unknown, path: string) => T;

const OVERRIDE_KEYS = ['canonicalRequest', 'stringToSign', 'signingKey', 'signature'] as const;
const PROVIDED_KEYS = ['canonicalRequest', 'stringToSign', 'signature', 'authorization', 'signedUrl', 'token'] as const;
const SERVER_TEXT_KEYS = ['canonicalRequest', 'stringToSign', 'code', 'message'] as const;

function describe(value: unknown): string {
	if (value === undefined) return 'missing';
	if (value === null) return 'null';
	if (Array.isArray(value)) return `a list of ${value.length}`;
	if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
	if (typeof value === 'number') return `the number ${value}`;
	if (typeof value === 'object') return 'an object';
	return String(value);
}

function fail(path: string, expected: string, value: unknown): never {
	const where = path.startsWith('the ') ? path : `"${path}"`;
	throw new ShapeProblem(`${where} should be ${expected}, but it is ${describe(value)}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const text: Reader<string> = (value, path) => (typeof value === 'string' ? value : fail(path, 'text', value));

const flag: Reader<boolean> = (value, path) => (typeof value === 'boolean' ? value : fail(path, 'true or false', value));

function choice<T extends string>(...options: T[]): Reader<T> {
	const expected = options.map((o) => `"${o}"`).join(' or ');
	return (value, path) => (options.includes(value as T) ? (value as T) : fail(path, expected, value));
}

function object(value: unknown, path: string): Record<string, unknown> {
	return isObject(value) ? value : fail(path, 'an object', value);
}

/** Named text fields of an object; other keys are ignored, as they are everywhere in a case. */
function texts<K extends string>(keys: readonly K[]): Reader<Partial<Record<K, string>>> {
	return (value, path) => {
		const from = object(value, path);
		const out: Partial<Record<K, string>> = {};
		for (const key of keys) if (Object.hasOwn(from, key)) out[key] = text(from[key], `${path}.${key}`);
		return out;
	};
}

/** Any keys, text values. Object.fromEntries makes a key such as "__proto__" an ordinary key, not the prototype. */
const textRecord: Reader<Record<string, string>> = (value, path) =>
	Object.fromEntries(Object.entries(object(value, path)).map(([k, v]) => [k, text(v, `${path}[${JSON.stringify(k)}]`)]));

const pairs: Reader<[string, string][]> = (value, path) => {
	if (!Array.isArray(value)) fail(path, 'a list of [name, value] pairs', value);
	return value.map((pair: unknown, i): [string, string] => {
		if (!Array.isArray(pair) || pair.length !== 2) fail(`${path}[${i}]`, 'a [name, value] pair', pair);
		return [text(pair[0], `${path}[${i}][0]`), text(pair[1], `${path}[${i}][1]`)];
	});
};

const serverText = texts(SERVER_TEXT_KEYS);

const server: Reader<Case['server']> = (value, path) => {
	const out: Case['server'] = serverText(value, path);
	const from = value as Record<string, unknown>;
	if (Object.hasOwn(from, 'fields')) out.fields = textRecord(from.fields, `${path}.fields`);
	return out;
};

const view: Reader<Case['view']> = (value, path) => {
	const from = object(value, path);
	const out: Case['view'] = {
		optionsOpen: Object.hasOwn(from, 'optionsOpen') ? flag(from.optionsOpen, `${path}.optionsOpen`) : DEFAULT_CASE.view.optionsOpen
	};
	if (Object.hasOwn(from, 'learnStep')) {
		const step = from.learnStep;
		// A step is an index into the lessons: anything else would be a hostile or broken link.
		out.learnStep =
			Number.isSafeInteger(step) && (step as number) >= 0 ? (step as number) : fail(`${path}.learnStep`, 'a whole number from 0', step);
	}
	if (Object.hasOwn(from, 'learnTrack')) out.learnTrack = choice('sigv2-s3', 'sigv2-query')(from.learnTrack, `${path}.learnTrack`);
	return out;
};

const count = (v: unknown, p: string) =>
	Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : fail(p, 'a whole number from 0', v);

const origin: Reader<FieldOrigin> = (value, path) => {
	const from = object(value, path);
	if (from.from === 'typed') return { from: 'typed' };
	if (from.from === 'unknown') return { from: 'unknown', paste: count(from.paste, `${path}.paste`) };
	if (from.from !== 'paste') fail(`${path}.from`, '"typed", "paste" or "unknown"', from.from);
	const out: FieldOrigin = { from: 'paste', paste: count(from.paste, `${path}.paste`), kind: text(from.kind, `${path}.kind`) };
	if (Object.hasOwn(from, 'source')) out.source = text(from.source, `${path}.source`);
	if (Object.hasOwn(from, 'line')) out.line = count(from.line, `${path}.line`);
	return out;
};

/** Origins of the known inputs; other keys are ignored. */
const origins: Reader<Case['origins']> = (value, path) => {
	const from = object(value, path);
	const out: Case['origins'] = {};
	for (const field of ORIGIN_FIELDS) if (Object.hasOwn(from, field)) out[field] = origin(from[field], `${path}.${field}`);
	return out;
};

const bodyFile: Reader<BodyFile> = (value, path) => {
	const from = object(value, path);
	const sha256 = text(from.sha256, `${path}.sha256`);
	if (!/^[0-9a-f]{64}$/.test(sha256)) fail(`${path}.sha256`, '64 lowercase hex digits', sha256);
	return { name: text(from.name, `${path}.name`), size: count(from.size, `${path}.size`), sha256 };
};

const chunked: Reader<Case['chunked']> = (value, path) => {
	const from = { ...DEFAULT_CASE.chunked, ...object(value, path) };
	return {
		variant: choice('signed', 'signed-trailer', 'unsigned-trailer')(from.variant, `${path}.variant`),
		chunkSize: text(from.chunkSize, `${path}.chunkSize`),
		checksum: choice('', 'crc32', 'crc32c', 'crc64nvme', 'sha1', 'sha256')(from.checksum, `${path}.checksum`)
	};
};

const READERS: { [K in keyof Case]-?: Reader<NonNullable<Case[K]>> } = {
	requestText: text,
	accessKeyId: text,
	secretAccessKey: text,
	sessionToken: text,
	region: text,
	algorithm: choice('sigv4', 'sigv4a'),
	regionSet: text,
	service: text,
	datetime: text,
	mode: choice('header', 'query', 'post', 'chunked'),
	policyText: text,
	postFields: text,
	expiresIn: text,
	signedHeaders: text,
	payload: choice('body', 'unsigned'),
	payloadHash: text,
	bodyFile,
	chunked,
	uriEscapePath: choice('auto', 'on', 'off'),
	normalizePath: choice('auto', 'on', 'off'),
	contentSha256Header: choice('auto', 'on', 'off'),
	overrides: texts(OVERRIDE_KEYS),
	pasteText: text,
	provided: texts(PROVIDED_KEYS),
	server,
	form: pairs,
	sigv2Fields: pairs,
	origins,
	view
};

/**
 * Checks a case read from a link or a file, field by field: each present field must have its
 * type, missing fields take the page's defaults, unknown keys are ignored. A missing secret stays
 * missing (never the example's), so the page asks for the real one. Texts are kept exactly as they
 * are: the page shows them as text, never as HTML, so there is nothing to clean; each must fit
 * the page's limits (limits.ts). `prefix` names
 * where the case sits (a file keeps it under "case").
 */
export function readCase(value: unknown, prefix = ''): { case: Case } | { problem: string; tooLarge?: true } {
	try {
		const from = object(value, prefix === '' ? 'the case' : prefix);
		const out: Record<string, unknown> = {};
		for (const field of CASE_FIELDS) {
			const path = prefix === '' ? field : `${prefix}.${field}`;
			if (Object.hasOwn(from, field)) out[field] = READERS[field](from[field], path);
			else if (!SECRET_FIELDS.includes(field) && DEFAULT_CASE[field] !== undefined) out[field] = structuredClone(DEFAULT_CASE[field]);
		}
		// Measured unpacked: a link of a few kilobytes can hold a text of a million lines.
		const tooLarge = caseTooLarge(out as unknown as Case, prefix);
		if (tooLarge) return { problem: tooLarge, tooLarge: true };
		return { case: out as unknown as Case };
	} catch (e) {
		if (e instanceof ShapeProblem) return { problem: e.message };
		return { problem: `it could not be read (${String(e)})` };
	}
}
