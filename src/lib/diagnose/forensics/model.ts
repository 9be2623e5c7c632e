import {
	canonicalHeaderValue,
	canonicalQueryComponent,
	type RawQueryParam,
	ALGORITHM,
	TERMINATOR,
	percentDecode,
	uriEncode,
	hashBody,
	DEFAULT_EXPIRES,
	presignUrl,
	serviceRules,
	signRequest,
	createContext,
	type Header,
	type SigningParams,
	type SigningTrace,
	SESSION_TOKEN_QUERY_PARAM,
	utf8Bytes
} from '../../sigv4/index.ts';
import type { Evidence } from '../types.ts';
import { referenceInputs } from '../reference-inputs.ts';
import { encodeWith, type Encoder } from './encoders.ts';

export type QueryOrder = 'canonical' | 'given' | 'decoded' | 'pair' | 'ignore-case' | 'key-only';

/**
 * Every choice a signer makes on the way to a signature, as data. The correct signer's choices
 * form the base plan; a mistake is a pure function that changes one or two of them, and the
 * same renderer turns any plan into stages. Composing two mistakes is applying both.
 */
export interface Plan {
	/** Line 2 of the string to sign. */
	stsDatetime: string;
	/** The time in the x-amz-date header or the X-Amz-Date parameter. */
	requestDatetime: string;
	/** The credential scope as written (string to sign and X-Amz-Credential). */
	scope: { date: string; region: string; service: string; terminator: string };
	method: string;
	path: string;
	query: {
		/** canonical: decode then encode; decoded: not encoded at all; as-written: the URL's own text. */
		encoding: 'canonical' | 'decoded' | 'as-written';
		/** An encoder other than SigV4's for the keys and values (encoding: 'canonical' only). */
		encoder?: Encoder;
		plusForSpace: boolean;
		/**
		 * canonical: by encoded key, then value; given: not sorted; decoded: sorted before encoding;
		 * pair: the "key=value" strings sorted; ignore-case: keys compared case-insensitively;
		 * key-only: by key, a repeated key's values left in the order given.
		 */
		order: QueryOrder;
		equals: boolean;
	};
	headers: {
		order: 'sorted' | 'as-sent' | 'case-sensitive';
		names: 'lower' | 'as-sent';
		values: 'canonical' | 'raw' | 'trimmed';
		join: ',' | ', ' | 'lines';
		/** Replaces the host header's value (port mistakes). */
		host?: string;
		/** Lowercase name → the values signed for it, in place of the request's (duplicated, changed, absent headers). */
		signedValues?: Readonly<Record<string, readonly string[]>>;
	};
	/** Lowercase names of the signed headers. */
	signed: ReadonlySet<string>;
	blankLine: boolean;
	payloadHash: string;
	crEol: string;
	algorithm: string;
	hashForm: 'hex' | 'upper' | 'base64' | 'raw';
	stsEol: string;
	key: KeyPlan;
	/** HMAC(key = string to sign, data = kSigning) for the last step. */
	signatureSwapped: boolean;
}

export interface KeyPlan {
	prefix: string;
	date: string;
	region: string;
	service: string;
	terminator: string;
	/** Key and data swapped in step 0..3 (kDate, kRegion, kService, kSigning). */
	swapped: readonly [boolean, boolean, boolean, boolean];
	/** none; intermediate: kDate..kService passed on as hex text; all: kSigning too; signing: only kSigning. */
	hex: 'none' | 'intermediate' | 'all' | 'signing';
	skipTerminator: boolean;
}

/** What a plan is made from: the correct signing of the evidence, with everything mistakes need. */
export interface Model {
	mode: 'header' | 'query';
	params: SigningParams;
	trace: SigningTrace;
	base: Plan;
	rawPath: string;
	uriEscapePath: boolean;
	normalizePath: boolean;
	s3Style: boolean;
	scheme: 'http' | 'https';
	hostname: string;
	port?: string;
	/** Headers as signed and sent, in order, the signer's own included (Authorization excluded). */
	headers: Header[];
	/** The request's own query parameters (signature parameters dropped). */
	userQuery: RawQueryParam[];
	/** The body's hex SHA-256 (the empty hash when there is none). */
	bodyHash: string;
}

/**
 * Throws the core's SigningError when the evidence cannot be signed at all. The base is the page's
 * correct trace: referenceInputs(evidence), so the headers the user's signer signed (their SSE
 * headers on a presigned URL included) are signed here too.
 */
export async function buildModel(evidence: Evidence, secret: string): Promise<Model> {
	const inputs = referenceInputs(evidence);
	const params: SigningParams = { ...inputs.params, credentials: { ...inputs.params.credentials, secretAccessKey: secret } };
	const mode = evidence.mode;
	const trace = mode === 'query' ? await presignUrl(inputs.request, params) : await signRequest(inputs.request, params);
	const ctx = createContext(inputs.request, params, mode);
	const rules = serviceRules(params.service);
	// Header mode appends Authorization last; everything before it is what was signed.
	const headers = mode === 'header' ? trace.request.headers.slice(0, -1) : trace.request.headers.slice();
	const base: Plan = {
		stsDatetime: params.datetime,
		requestDatetime: params.datetime,
		scope: { date: trace.date, region: params.region, service: params.service, terminator: TERMINATOR },
		method: lineOf(trace, 'method'),
		path: lineOf(trace, 'path'),
		query: { encoding: 'canonical', plusForSpace: false, order: 'canonical', equals: true },
		headers: { order: 'sorted', names: 'lower', values: 'canonical', join: ',' },
		signed: new Set(trace.signedHeaders),
		blankLine: true,
		payloadHash: trace.payloadHash,
		crEol: '\n',
		algorithm: ALGORITHM,
		hashForm: 'hex',
		stsEol: '\n',
		key: {
			prefix: 'AWS4',
			date: trace.date,
			region: params.region,
			service: params.service,
			terminator: TERMINATOR,
			swapped: [false, false, false, false],
			hex: 'none',
			skipTerminator: false
		},
		signatureSwapped: false
	};
	const model: Model = {
		mode,
		params,
		trace,
		base,
		rawPath: ctx.url.path,
		uriEscapePath: ctx.uriEscapePath,
		normalizePath: ctx.normalizePath,
		s3Style: rules.s3Style,
		scheme: ctx.url.scheme,
		hostname: ctx.url.hostname,
		headers,
		userQuery: ctx.query,
		bodyHash: await hashBody(inputs.request.body)
	};
	if (ctx.url.port !== undefined) model.port = ctx.url.port;
	return model;
}

function lineOf(trace: SigningTrace, part: 'method' | 'path'): string {
	return trace.provenance.find((p) => p.part === part)?.text ?? '';
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

const decoder = new TextDecoder();

function queryPairs(model: Model, plan: Plan, signedHeadersLine: string): [string, string][] {
	const { encoding } = plan.query;
	const pairs: [string, string][] = model.userQuery.map((p) => {
		if (encoding === 'as-written') return [p.key, p.value];
		if (encoding === 'decoded') return [decoder.decode(percentDecode(p.key, true)), decoder.decode(percentDecode(p.value, true))];
		const { encoder } = plan.query;
		if (encoder) return [encodeWith(percentDecode(p.key, true), encoder), encodeWith(percentDecode(p.value, true), encoder)];
		return [canonicalQueryComponent(p.key), canonicalQueryComponent(p.value)];
	});
	if (model.mode === 'query') {
		// The presigner's own parameters, in the order it adds them; their values follow the plan.
		const { scope } = plan;
		const token = model.params.credentials.sessionToken;
		const auth: [string, string][] = [
			['X-Amz-Algorithm', ALGORITHM],
			['X-Amz-Credential', `${model.params.credentials.accessKeyId}/${scope.date}/${scope.region}/${scope.service}/${scope.terminator}`],
			['X-Amz-Date', plan.requestDatetime],
			['X-Amz-SignedHeaders', signedHeadersLine],
			['X-Amz-Expires', String(model.params.expiresIn ?? DEFAULT_EXPIRES)]
		];
		if (token && model.params.signSessionToken !== false) auth.push([SESSION_TOKEN_QUERY_PARAM, token]);
		const { encoder } = plan.query;
		for (const [k, v] of auth)
			pairs.push([k, encoding === 'decoded' ? v : encoding === 'canonical' && encoder ? encodeWith(utf8Bytes(v), encoder) : uriEncode(v)]);
	}
	return pairs;
}

const decodedText = (text: string) => decoder.decode(percentDecode(text, false));

function sortQuery(pairs: [string, string][], order: QueryOrder): void {
	switch (order) {
		case 'canonical':
			pairs.sort((a, b) => compare(a[0], b[0]) || compare(a[1], b[1]));
			return;
		case 'decoded':
			pairs.sort((a, b) => compare(decodedText(a[0]), decodedText(b[0])) || compare(decodedText(a[1]), decodedText(b[1])));
			return;
		case 'pair':
			pairs.sort((a, b) => compare(`${a[0]}=${a[1]}`, `${b[0]}=${b[1]}`));
			return;
		case 'ignore-case':
			pairs.sort((a, b) => compare(a[0].toLowerCase(), b[0].toLowerCase()) || compare(a[1], b[1]));
			return;
		case 'key-only':
			pairs.sort((a, b) => compare(a[0], b[0]));
			return;
		case 'given':
			return;
	}
}

function renderQuery(model: Model, plan: Plan, signedHeadersLine: string): string {
	let pairs = queryPairs(model, plan, signedHeadersLine);
	if (plan.query.plusForSpace) pairs = pairs.map(([k, v]) => [k.replace(/%20/g, '+'), v.replace(/%20/g, '+')]);
	sortQuery(pairs, plan.query.order);
	return pairs.map(([k, v]) => (v === '' && !plan.query.equals ? k : `${k}=${v}`)).join('&');
}

interface HeaderGroup {
	lower: string;
	name: string;
	index: number;
	values: string[];
}

function headerValue(model: Model, plan: Plan, lower: string, value: string): string {
	// The signer's own values follow the plan: a mistake in the time or the payload hash shows in both places.
	if (lower === 'x-amz-date' && value === model.params.datetime) return plan.requestDatetime;
	if (lower === 'x-amz-content-sha256' && value === model.trace.payloadHash) return plan.payloadHash;
	if (lower === 'host' && plan.headers.host !== undefined) return plan.headers.host;
	return value;
}

function formValue(plan: Plan, value: string): string {
	if (plan.headers.values === 'raw') return value;
	if (plan.headers.values === 'trimmed') return value.replace(/^[ \t]+|[ \t]+$/g, '');
	return canonicalHeaderValue(value);
}

function renderHeaders(model: Model, plan: Plan): { lines: string[]; names: string[] } {
	const groups = new Map<string, HeaderGroup>();
	const replaced = plan.headers.signedValues ?? {};
	model.headers.forEach(([name, value], index) => {
		const lower = name.toLowerCase();
		if (!plan.signed.has(lower)) return;
		const group = groups.get(lower);
		if (Object.hasOwn(replaced, lower)) {
			if (!group)
				groups.set(lower, { lower, name, index, values: replaced[lower]!.map((v) => formValue(plan, headerValue(model, plan, lower, v))) });
			return;
		}
		const v = formValue(plan, headerValue(model, plan, lower, value));
		if (group) group.values.push(v);
		else groups.set(lower, { lower, name, index, values: [v] });
	});
	for (const lower of Object.keys(replaced))
		if (plan.signed.has(lower) && !groups.has(lower))
			groups.set(lower, { lower, name: lower, index: Infinity, values: replaced[lower]!.map((v) => formValue(plan, v)) });
	// A name that is signed but not sent is signed with an empty value, as the core does.
	for (const lower of plan.signed) if (!groups.has(lower)) groups.set(lower, { lower, name: lower, index: Infinity, values: [''] });
	const list = [...groups.values()];
	if (plan.headers.order === 'sorted') list.sort((a, b) => compare(a.lower, b.lower));
	else if (plan.headers.order === 'case-sensitive') list.sort((a, b) => compare(a.name, b.name));
	else list.sort((a, b) => a.index - b.index);
	const names = list.map((g) => (plan.headers.names === 'lower' ? g.lower : g.name));
	const lines: string[] = [];
	list.forEach((g, i) => {
		const name = names[i]!;
		if (plan.headers.join === 'lines') for (const v of g.values) lines.push(`${name}:${v}`);
		else lines.push(`${name}:${g.values.join(plan.headers.join)}`);
	});
	return { lines, names };
}

export function renderCanonicalRequest(model: Model, plan: Plan): string {
	const { lines, names } = renderHeaders(model, plan);
	const signedHeadersLine = names.join(';');
	const parts = [plan.method, plan.path, renderQuery(model, plan, signedHeadersLine), ...lines];
	if (plan.blankLine) parts.push('');
	parts.push(signedHeadersLine, plan.payloadHash);
	return parts.join(plan.crEol);
}

export function scopeText(plan: Plan): string {
	const { date, region, service, terminator } = plan.scope;
	return `${date}/${region}/${service}/${terminator}`;
}

/** The string to sign once the canonical request's hash line is known. */
export function renderStringToSign(plan: Plan, hashLine: string): string {
	return [plan.algorithm, plan.stsDatetime, scopeText(plan), hashLine].join(plan.stsEol);
}

/** Identifies a key derivation without the secret (the secret is the same for the whole search). */
export function keyId(key: KeyPlan): string {
	return [key.prefix, key.date, key.region, key.service, key.terminator, key.swapped.join(','), key.hex, key.skipTerminator].join('\n');
}
