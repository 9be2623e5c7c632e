import type { FormField, ImportResult, ProvidedStages, ServerStages } from '../parse/types.ts';
import { formatHttpRequest, POST_AUTH_FIELDS, type HttpRequest } from '../sigv4/index.ts';
import type { PageMode } from './case.ts';

/** The page inputs an import may set; absent fields stay as they are. */
export interface ImportedInputs {
	requestText?: string;
	accessKeyId?: string;
	sessionToken?: string;
	region?: string;
	service?: string;
	datetime?: string;
	mode?: PageMode;
	expiresIn?: string;
	policyText?: string;
	postFields?: string;
}

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
	'sigv2-request'
]);

export const KIND_NAMES: Record<string, string> = {
	'raw-http': 'an HTTP request',
	curl: 'a curl command',
	fetch: 'a fetch() call',
	har: 'a HAR file',
	'presigned-url': 'a presigned URL',
	'authorization-header': 'an Authorization header',
	's3-error-xml': 'an S3 error response',
	'service-error-text': 'an AWS error message',
	'botocore-log': 'a botocore debug log',
	'curl-verbose': 'a curl -v log',
	'awscurl-log': 'an awscurl log',
	'canonical-request': 'a canonical request',
	'string-to-sign': 'a string to sign',
	'sigv2-request': 'a Signature Version 2 request',
	'post-form': 'a POST form',
	unknown: 'nothing recognisable'
};

/**
 * The request as the page's request box reads it back: a Host header (which the paste may have
 * left to curl or the browser) or, for plain http, the full URL in the request line.
 */
export function requestText(request: HttpRequest): string {
	const text = formatHttpRequest(request);
	const url = /^([a-z]+):\/\/([^/?#]*)/i.exec(request.url);
	if (!url) return text;
	const [firstLine = '', ...rest] = text.split('\n');
	const [method, ...target] = firstLine.split(' ');
	const version = target.pop();
	if (url[1]!.toLowerCase() === 'http') return [`${method} ${request.url} ${version}`, ...rest].join('\n');
	if (request.headers.some(([n]) => n.toLowerCase() === 'host')) return text;
	return [firstLine, `Host: ${url[2]}`, ...rest].join('\n');
}

/**
 * What an import does to the case. A paste with a request replaces the request and the evidence;
 * a paste of evidence alone (a string to sign, an error body) is added to the current case, so
 * that "my request" and "what my signer or the server made of it" can come from two pastes.
 */
export function planImport(
	result: ImportResult,
	current: { provided: ProvidedStages; server: ServerStages; form?: FormField[]; sigv2Fields?: FormField[] }
): ImportPlan {
	const inputs: ImportedInputs = {};
	const summary = [`Recognised ${KIND_NAMES[result.kind] ?? result.kind}.`];
	const carriesRequest = result.request !== undefined && REQUEST_KINDS.has(result.kind);
	if (carriesRequest) {
		inputs.requestText = requestText(result.request!);
		summary.push('The request was replaced.');
	}
	const p = result.params ?? {};
	if (carriesRequest || result.kind === 'authorization-header') {
		if (p.region) inputs.region = p.region;
		if (p.service) inputs.service = p.service;
		if (p.datetime) inputs.datetime = p.datetime;
		if (p.expiresIn !== undefined) inputs.expiresIn = String(p.expiresIn);
		if (result.mode) inputs.mode = result.mode;
	}
	if (result.kind === 'post-form' && result.form) {
		// A browser POST form: the page switches to POST policy mode with the form's own policy.
		inputs.mode = 'post';
		if (p.region) inputs.region = p.region;
		if (p.service) inputs.service = p.service;
		if (p.datetime) inputs.datetime = p.datetime;
		const policy = result.form.find(([n]) => n.toLowerCase() === 'policy')?.[1];
		const text = policy === undefined ? undefined : decodePolicy(policy);
		if (text !== undefined) inputs.policyText = text;
		inputs.postFields = result.form
			.filter(([n]) => !POST_AUTH_FIELDS.has(n.toLowerCase()))
			.map(([n, v]) => `${n}: ${v}`)
			.join('\n');
	}
	if (p.accessKeyId) inputs.accessKeyId = p.accessKeyId;
	if (p.sessionToken) inputs.sessionToken = p.sessionToken;
	const filled = Object.keys(inputs).filter((k) => k !== 'requestText');
	if (filled.length) summary.push(`Filled in: ${filled.join(', ')}.`);

	const provided = carriesRequest ? { ...result.provided } : { ...current.provided, ...result.provided };
	const server = carriesRequest ? { ...result.server } : { ...current.server, ...result.server };
	const form = result.form ?? (carriesRequest ? [] : (current.form ?? []));
	const sigv2Fields = carriesRequest ? (result.sigv2Fields ?? []) : [...(current.sigv2Fields ?? []), ...(result.sigv2Fields ?? [])];
	const evidence = [
		...Object.keys(result.provided ?? {}).map((k) => `your ${k}`),
		...(result.server?.canonicalRequest ? ["the server's canonical request"] : []),
		...(result.server?.stringToSign ? ["the server's string to sign"] : [])
	];
	if (evidence.length) summary.push(`Compared: ${evidence.join(', ')}.`);
	return { inputs, provided, server, form, sigv2Fields, summary };
}
