import {
	canonicalHeaderValue,
	ALGORITHM,
	TERMINATOR,
	hashBody,
	presignUrl,
	serviceRules,
	signRequest,
	createContext,
	type SigningParams,
	type SigningTrace
} from '../../sigv4/index.ts';
import type { Evidence } from '../types.ts';
import { referenceInputs } from '../reference-inputs.ts';
import { renderQuery } from './render-query.ts';

export type { Plan, KeyPlan, Model, QueryOrder } from './plan.ts';
import type { Plan, KeyPlan, Model } from './plan.ts';

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
