import type { FormField, ImportResult, ProvidedStages, ServerStages } from '../parse/types.ts';
import { scopeFromHost } from '../parse/host-scope.ts';
import { formatHttpRequest, POST_AUTH_FIELDS, type HttpRequest } from '../sigv4/index.ts';
import type { Case, CaseInputs, OriginField } from './case.ts';
import { EXAMPLE_CREDENTIALS } from './examples.ts';
import { KIND_NAMES } from './kind-names.ts';
import { importTime } from './signing-time.ts';

/** The page inputs an import may set; absent fields stay as they are. */
export type ImportedInputs = Partial<CaseInputs>;

/** A base64 policy as the text it encodes, or undefined when it is not base64 of UTF-8 text. */
function decodePolicy(base64: string): string | undefined {
	try {
		const bytes = Uint8Array.from(atob(base64.trim()), (c) => c.charCodeAt(0));
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return undefined;
	}
}

export interface ImportPlan {
	inputs: ImportedInputs;
	/** Where in the paste each filled input was read. */
	from: Partial<Record<string, ReadFrom>>;
	/** Inputs the evidence does not give: emptied, so nothing is signed with the example's value. */
	unknown: OriginField[];
	provided: ProvidedStages;
	server: ServerStages;
	form: FormField[];
	sigv2Fields: FormField[];
	/** Plain words for the user: what the paste filled in and what it left. */
	summary: string[];
}

/** Formats that carry the request itself: importing one replaces the request and starts a new case. */
const REQUEST_KINDS = new Set([
	'raw-http',
	'curl',
	'fetch',
	'har',
	'presigned-url',
	'botocore-log',
	'curl-verbose',
	'awscurl-log',
	'sigv2-request',
	'appsync-realtime'
]);

/**
 * The request as the page's request box reads it back: a Host header (which the paste may have
 * left to curl or the browser) or, for plain http and ws:// or wss://, the full URL in the request line.
 */
export function requestText(request: HttpRequest): string {
	const text = formatHttpRequest(request);
	const url = /^([a-z]+):\/\/([^/?#]*)/i.exec(request.url);
	if (!url) return text;
	const [firstLine = '', ...rest] = text.split('\n');
	const [method, ...target] = firstLine.split(' ');
	const version = target.pop();
	// http:// and WebSocket URLs keep their scheme this way (a Host header alone reads back as https://).
	if (/^(?:http|wss?)$/i.test(url[1]!)) return [`${method} ${request.url} ${version}`, ...rest].join('\n');
	if (request.headers.some(([n]) => n.toLowerCase() === 'host')) return text;
	return [firstLine, `Host: ${url[2]}`, ...rest].join('\n');
}

const STAGE_WORDS: Record<string, string> = {
	canonicalRequest: 'canonical request',
	stringToSign: 'string to sign',
	signature: 'signature',
	authorization: 'Authorization header',
	signedUrl: 'presigned URL',
	token: 'login token',
	signingKeys: 'signing keys'
};

/** Where in the paste a field was read, as the reader says (a phrase and a line). */
export type ReadFrom = { source?: string; line?: number };

/** The scope and credential fields a paste may give, in the order the summary names them. */
const PARAM_FIELDS = ['region', 'service', 'datetime', 'expiresIn', 'mode', 'accessKeyId', 'sessionToken', 'payloadHash'] as const;
type ParamField = (typeof PARAM_FIELDS)[number];

/** What nothing in an evidence paste gives stays unknown: the example's value would be a false one. */
const KNOWABLE: readonly OriginField[] = ['region', 'service', 'datetime', 'accessKeyId'];

/** A payload hash as SigV4 writes it, from what a canonical request shows: hex, UNSIGNED-PAYLOAD, STREAMING-…, or base64 of 32 bytes. */
function payloadHashOf(value: string | undefined): string | undefined {
	if (value === undefined) return undefined;
	const v = value.trim();
	if (/^[0-9a-fA-F]{64}$/.test(v)) return v.toLowerCase();
	if (v === 'UNSIGNED-PAYLOAD' || v.startsWith('STREAMING-')) return v;
	if (/^[A-Za-z0-9+/]{43}=$/.test(v)) {
		// The user's signer wrote its hash in base64: the correct request carries the same hash in hex.
		const bytes = Uint8Array.from(atob(v), (c) => c.charCodeAt(0));
		return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
	}
	return undefined;
}

function paramValue(result: ImportResult, field: ParamField): string | undefined {
	const p = result.params ?? {};
	switch (field) {
		case 'expiresIn':
			return p.expiresIn === undefined ? undefined : String(p.expiresIn);
		case 'mode':
			return result.mode;
		case 'payloadHash':
			return payloadHashOf(p.payloadHash);
		default:
			return p[field] || undefined;
	}
}

/**
 * What an import does to the case. A paste with a request replaces the request and the evidence.
 * Evidence alone (a canonical request, a string to sign, an error body) is added to the case: when
 * the case holds the user's own request, that request wins and the evidence is compared with it;
 * when it holds only the example, the evidence rebuilds the request and scope, and what it does
 * not give is marked unknown rather than left at the example's value.
 */
export function planImport(result: ImportResult, current: Case, opts: { now?: string; text?: string } = {}): ImportPlan {
	const inputs: ImportedInputs = {};
	const from: Partial<Record<string, ReadFrom>> = {};
	const seen = (field: string) => (current.origins as Partial<Record<string, Case['origins'][OriginField]>>)[field];
	const unknown: OriginField[] = [];
	const summary = [`Recognised ${KIND_NAMES[result.kind] ?? result.kind}.`];
	// The readers say where in the paste they found each field (parse's ImportResult.origins).
	const origins: Partial<Record<string, ReadFrom & { from?: string }>> =
		(result as { origins?: Record<string, ReadFrom & { from?: string }> }).origins ?? {};
	const ownRequest = current.origins.requestText !== undefined && current.origins.requestText.from !== 'unknown';
	const carriesRequest = result.request !== undefined && REQUEST_KINDS.has(result.kind);
	const rebuilds = !carriesRequest && result.request !== undefined && !ownRequest;
	const startsCase = carriesRequest || rebuilds;
	if (startsCase) {
		inputs.requestText = requestText(result.request!);
		from.requestText = { ...origins.request };
		if (carriesRequest) summary.push('The request was replaced.');
		else if (!result.notes.some((n) => n.startsWith('The request is rebuilt'))) summary.push('The request is rebuilt from your paste.');
	}
	for (const field of PARAM_FIELDS) {
		const value = paramValue(result, field);
		if (value === undefined) continue;
		// Evidence fills what the user's own request leaves open; it never overrides it.
		const open = seen(field) === undefined || seen(field)!.from === 'unknown';
		const wins =
			startsCase ||
			result.kind === 'authorization-header' ||
			result.kind === 'post-form' ||
			field === 'accessKeyId' ||
			field === 'sessionToken';
		if (!wins && !open) continue;
		if (field === 'mode' && !(startsCase || result.kind === 'authorization-header')) continue;
		(inputs as Record<string, string>)[field] = value;
		from[field] = { ...origins[field] };
	}
	if (carriesRequest && inputs.payloadHash === undefined) inputs.payloadHash = '';
	// A request signed when it runs (curl --aws-sigv4) is signed for now, never for the example's 2013; a date the user typed stays.
	const time = carriesRequest && inputs.datetime === undefined && seen('datetime')?.from !== 'typed' ? importTime(result, opts) : undefined;
	if (time) {
		inputs.datetime = time.datetime;
		from.datetime = { source: time.source, ...(time.line === undefined ? {} : { line: time.line }) };
	}
	if (startsCase) {
		// The host names the region and service where nothing else does (bucket.s3.eu-west-1.amazonaws.com):
		// the example's would sign the user's request for another place. What the user typed stays.
		const host = /^[a-z]+:\/\/([^/?#]+)/i.exec(result.request!.url)?.[1] ?? '';
		// A request paste signs with the host's facts only; evidence alone rebuilds with its best guess, as before.
		const guess = scopeFromHost(host, { guesses: rebuilds });
		for (const field of ['region', 'service'] as const) {
			const given = seen(field);
			if (inputs[field] !== undefined || (given !== undefined && given.from !== 'unknown') || !guess[field]) continue;
			inputs[field] = guess[field];
			from[field] = { source: `the host name ${host}` };
		}
	}
	if (rebuilds) {
		for (const field of KNOWABLE) {
			if (inputs[field] !== undefined || seen(field) !== undefined) continue;
			(inputs as Record<string, string>)[field] = '';
			unknown.push(field);
		}
	}
	if (result.kind === 'post-form' && result.form) {
		// A browser POST form: the page switches to POST policy mode with the form's own policy.
		inputs.mode = 'post';
		const policy = result.form.find(([n]) => n.toLowerCase() === 'policy')?.[1];
		const text = policy === undefined ? undefined : decodePolicy(policy);
		if (text !== undefined) inputs.policyText = text;
		inputs.postFields = result.form
			.filter(([n]) => !POST_AUTH_FIELDS.has(n.toLowerCase()))
			.map(([n, v]) => `${n}: ${v}`)
			.join('\n');
	}
	// The example's secret signs only the example's key: with the user's own key it is unknown.
	const accessKeyId = inputs.accessKeyId ?? current.accessKeyId;
	if (current.secretAccessKey === EXAMPLE_CREDENTIALS.secretAccessKey && accessKeyId !== EXAMPLE_CREDENTIALS.accessKeyId) {
		inputs.secretAccessKey = '';
	}
	const filled = Object.keys(inputs).filter(
		(k) =>
			!['requestText', 'secretAccessKey', 'postFields', 'policyText'].includes(k) &&
			!unknown.includes(k as OriginField) &&
			!(time && k === 'datetime') &&
			(inputs as Record<string, string>)[k] !== ''
	);
	if (filled.length) summary.push(`Filled in: ${filled.join(', ')}.`);
	if (unknown.length) summary.push(`Not in your paste, so unknown: ${unknown.join(', ')}.`);
	if (time) summary.push(time.summary);
	if (inputs.secretAccessKey === '') summary.push('Enter your secret access key to compute the correct signature.');

	const provided = startsCase ? { ...result.provided } : { ...current.provided, ...result.provided };
	const server = startsCase ? { ...result.server } : { ...current.server, ...result.server };
	const form = result.form ?? (startsCase ? [] : current.form);
	const sigv2Fields = startsCase ? (result.sigv2Fields ?? []) : [...current.sigv2Fields, ...(result.sigv2Fields ?? [])];
	const evidence = [
		...Object.keys(result.provided ?? {}).map((k) => `your ${STAGE_WORDS[k] ?? k}`),
		...(result.server?.canonicalRequest ? ["the server's canonical request"] : []),
		...(result.server?.stringToSign ? ["the server's string to sign"] : [])
	];
	if (evidence.length) summary.push(`Compared: ${evidence.join(', ')}.`);
	return { inputs, from, unknown, provided, server, form, sigv2Fields, summary };
}
