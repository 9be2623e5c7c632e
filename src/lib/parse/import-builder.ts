import type { AuthMode, HttpRequest } from '../sigv4/index.ts';
import type { ParseError } from './parse-error.ts';
import { LineIndex } from './text-position.ts';
import type {
	FieldOrigin,
	FormField,
	HarEntrySummary,
	ImportedParams,
	ImportKind,
	ImportResult,
	OriginField,
	ProvidedStages,
	ServerStages
} from './types.ts';

const MAX_ERRORS = 50;

/** Maps an offset in a decoded piece of text (a JSON string, a Python literal) back to the paste. */
export type OffsetMap = (localOffset: number) => number;

/**
 * Collects what the importers find. Values are set once: the first source wins, and a later
 * source that disagrees is reported in a note rather than silently replacing it, because the
 * disagreement is often the bug the user is looking for (scope region ≠ --aws-sigv4 region).
 */
export class ImportBuilder {
	kind: ImportKind;
	mode?: AuthMode;
	readonly params: ImportedParams = {};
	readonly provided: ProvidedStages = {};
	readonly server: ServerStages = {};
	readonly notes: string[] = [];
	readonly errors: ParseError[] = [];
	entries?: HarEntrySummary[];
	sentAt?: string;
	form?: FormField[];
	sigv2Fields?: FormField[];
	/** The root element of an XML error body read (Error, ErrorResponse, Response). */
	xmlRoot?: string;
	readonly lines: LineIndex;
	private readonly paramSources = new Map<string, string>();
	private readonly secrets: string[] = [];
	private readonly errorKeys = new Set<string>();
	private dropped = 0;
	private theRequest?: HttpRequest;
	private readonly origins: Partial<Record<OriginField, FieldOrigin>> = {};
	private context?: { from: string; start: number };

	constructor(
		readonly text: string,
		kind: ImportKind = 'unknown'
	) {
		this.kind = kind;
		this.lines = new LineIndex(text);
	}

	get request(): HttpRequest | undefined {
		return this.theRequest;
	}

	/** Setting the request records where it came from: the text being read (see `within`). */
	set request(request: HttpRequest | undefined) {
		this.theRequest = request;
		if (request && this.context) this.origin('request', undefined, this.context.from);
	}

	/**
	 * Runs `read` with `from` (a plain phrase: "your canonical request", "the server's string to
	 * sign") as the source of every field it sets; `start` is the offset in the paste where that
	 * text begins, so each field's line is found from there.
	 */
	within<T>(from: string, start: number, read: () => T): T {
		const outer = this.context;
		this.context = { from, start: Math.max(0, start) };
		try {
			return read();
		} finally {
			this.context = outer;
		}
	}

	/**
	 * Records the source of a field, once (the first source wins, like the value): the current
	 * text (see `within`) or `fallback`, and the line where `needle` is found in it.
	 */
	origin(field: OriginField, needle: string | undefined, fallback: string): void {
		if (this.origins[field] !== undefined) return;
		const ctx = this.context;
		const start = ctx?.start ?? 0;
		const found = needle === undefined || needle === '' ? -1 : this.text.indexOf(needle, start);
		const at = found !== -1 ? found : ctx ? start : -1;
		const origin: FieldOrigin = { from: ctx?.from ?? fallback };
		if (at !== -1) origin.line = this.lines.at(at).line;
		this.origins[field] = origin;
	}

	error(offset: number, message: string, fix?: string): void {
		const { line, column } = this.lines.at(offset);
		this.errorAt(line, column, message, fix);
	}

	/** An error already placed (parseRawHttp's own). */
	errorAt(line: number, column: number, message: string, fix?: string): void {
		const key = `${line}:${column}:${message}`;
		if (this.errorKeys.has(key)) return;
		this.errorKeys.add(key);
		// A text broken everywhere (a file of "&") would bury the first, useful errors.
		if (this.errors.length >= MAX_ERRORS) {
			this.dropped++;
			return;
		}
		const err: ParseError = { line, column, message };
		if (fix) err.fix = fix;
		this.errors.push(err);
	}

	clearErrors(): void {
		this.errors.length = 0;
		this.errorKeys.clear();
		this.dropped = 0;
	}

	note(message: string): void {
		if (!this.notes.includes(message)) this.notes.push(message);
	}

	/** Offset of the first occurrence of `needle` at or after `from`, else `fallback`. */
	locate(needle: string, fallback = 0, from = 0): number {
		if (needle === '') return fallback;
		const i = this.text.indexOf(needle, from);
		return i === -1 ? fallback : i;
	}

	setParam<K extends keyof ImportedParams>(key: K, value: ImportedParams[K] | undefined, source: string): void {
		if (value === undefined || (typeof value === 'string' && value === '')) return;
		const existing = this.params[key];
		if (existing === undefined) {
			this.params[key] = value;
			this.paramSources.set(key, source);
			if (ORIGIN_PARAMS.has(key)) this.origin(key as OriginField, Array.isArray(value) ? value.join(';') : String(value), source);
			return;
		}
		if (JSON.stringify(existing) !== JSON.stringify(value)) {
			this.note(
				`${key}: ${source} says "${show(value)}", but ${this.paramSources.get(key) ?? 'the text'} says "${show(existing)}"; kept the latter.`
			);
		}
	}

	setProvided<K extends Exclude<keyof ProvidedStages, 'signingKeys'>>(key: K, value: string | undefined, source: string): void {
		if (value === undefined || value === '') return;
		const existing = this.provided[key];
		if (existing === undefined) this.provided[key] = value;
		else if (existing !== value) this.note(`${source} gives another ${key} than the one already read; kept the first.`);
	}

	setServer(key: 'canonicalRequest' | 'stringToSign' | 'code' | 'message', value: string | undefined): void {
		if (value === undefined || value === '' || this.server[key] !== undefined) return;
		this.server[key] = value;
	}

	serverField(name: string, value: string): void {
		// A null prototype: an element named "constructor" or "__proto__" is just a field.
		const fields = (this.server.fields ??= Object.create(null) as Record<string, string>);
		let key = name;
		for (let n = 2; Object.hasOwn(fields, key) && fields[key] !== value; n++) key = `${name}#${n}`;
		defineField(fields, key, value);
	}

	setMode(mode: AuthMode, source: string): void {
		if (this.mode === undefined) {
			this.mode = mode;
			this.origin('mode', undefined, source);
		} else if (this.mode !== mode)
			this.note(
				`${source} suggests ${mode === 'query' ? 'a presigned URL' : 'an Authorization header'}; kept ${this.mode === 'query' ? 'the presigned URL' : 'the Authorization header'}.`
			);
	}

	addSigv2Field(name: string, value: string): void {
		const list = (this.sigv2Fields ??= []);
		if (!list.some(([n, v]) => n === name && v === value)) list.push([name, value]);
	}

	/** A secret seen in the text (--user AKID:SECRET): whatever happens, it must not reach the result. */
	forget(secret: string): void {
		if (secret.length >= 4 && !this.secrets.includes(secret)) this.secrets.push(secret);
	}

	build(): ImportResult {
		const result = this.assemble();
		// Defence in depth: the importers never store a secret, and this proves it for odd pastes too.
		return this.secrets.length === 0 ? result : (scrub(result, this.secrets) as ImportResult);
	}

	private assemble(): ImportResult {
		const notes =
			this.dropped > 0
				? [...this.notes, `${this.dropped} more problems are not listed; fix the first ones and paste again.`]
				: [...this.notes];
		const result: ImportResult = { kind: this.kind, notes, errors: [...this.errors] };
		if (this.request) result.request = this.request;
		if (Object.keys(this.params).length > 0) result.params = { ...this.params };
		if (this.mode) result.mode = this.mode;
		if (Object.keys(this.provided).length > 0) result.provided = { ...this.provided };
		if (Object.keys(this.server).length > 0) result.server = { ...this.server };
		if (this.entries) result.entries = this.entries;
		if (this.sentAt) result.sentAt = this.sentAt;
		if (this.form) result.form = this.form;
		if (this.sigv2Fields && this.sigv2Fields.length > 0) result.sigv2Fields = this.sigv2Fields;
		if (this.request && this.origins.request === undefined) {
			const first = this.text.search(/\S/);
			this.origins.request = { from: KIND_PHRASES[this.kind] ?? 'the pasted text', line: this.lines.at(Math.max(0, first)).line };
		}
		if (Object.keys(this.origins).length > 0) result.origins = { ...this.origins };
		result.errors.sort((a, b) => a.line - b.line || a.column - b.column);
		return result;
	}
}

const ORIGIN_PARAMS = new Set<string>([
	'region',
	'service',
	'datetime',
	'accessKeyId',
	'sessionToken',
	'expiresIn',
	'payloadHash',
	'signedHeaders'
]);

/** How the origin of a request names the text it was read from, when no reader said more. */
const KIND_PHRASES: Partial<Record<ImportKind, string>> = {
	'raw-http': 'the raw HTTP request',
	curl: 'the curl command',
	fetch: 'the fetch call',
	har: 'the HAR entry',
	'presigned-url': 'the presigned URL',
	'botocore-log': 'the botocore log',
	'curl-verbose': 'the curl -v output',
	'awscurl-log': 'the awscurl log',
	'sigv2-request': 'the pasted request',
	'post-form': 'the form'
};

function show(value: unknown): string {
	const text = Array.isArray(value) ? value.join(';') : String(value);
	return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function scrub(value: unknown, secrets: string[]): unknown {
	if (typeof value === 'string') return secrets.reduce((s, secret) => s.split(secret).join('(secret removed)'), value);
	if (Array.isArray(value)) return value.map((v) => scrub(v, secrets));
	if (value && typeof value === 'object') {
		const out: Record<string, unknown> = Object.getPrototypeOf(value) === null ? Object.create(null) : {};
		for (const [k, v] of Object.entries(value)) defineField(out, k, scrub(v, secrets));
		return out;
	}
	return value;
}

function defineField(target: Record<string, unknown>, key: string, value: unknown): void {
	Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
