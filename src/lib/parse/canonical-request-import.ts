import { serviceRules, type Header, type HttpRequest } from '../sigv4/index.ts';
import { parseCanonicalRequest } from './canonical-request-lines.ts';
import type { ImportBuilder } from './import-builder.ts';
import { DATETIME_SHAPE } from './credential-scope.ts';
import { findParam, queryParams } from './query-params.ts';
import { addPresignScope } from './request-evidence.ts';
import { stripCr } from './text-position.ts';

export interface CanonicalRequestParts {
	method: string;
	path: string;
	query: string;
	headers: Header[];
	signedHeaders?: string;
	payloadHash?: string;
	/** The blank line between headers and signed headers is missing. */
	missingBlank: boolean;
}

export const METHOD_LINE = /^[A-Za-z]+$/;

/**
 * Reads a canonical request that starts at line i (with the same reader as the diagnosis), and
 * stops after the payload hash, so a log line or a string to sign after it is left alone. A
 * missing blank line is tolerated (it is a finding, not noise).
 */
export function readCanonicalRequest(lines: string[], i: number): { parts: CanonicalRequestParts; text: string; end: number } | undefined {
	const method = lines[i] === undefined ? undefined : stripCr(lines[i]!).trim();
	if (method === undefined || !METHOD_LINE.test(method) || i + 2 >= lines.length) return undefined;
	const cr = parseCanonicalRequest(lines.slice(i).join('\n'));
	const last = cr.payloadHash ?? cr.signedHeaders;
	const read = last ? last.line : (cr.blankLine ?? cr.headers.at(-1)?.line ?? cr.query?.line ?? 2);
	const parts: CanonicalRequestParts = {
		method,
		path: cr.path?.text ?? '',
		query: cr.query?.text ?? '',
		headers: cr.headers.map((h): Header => [h.name, h.value]),
		missingBlank: cr.blankLine === undefined
	};
	if (cr.signedHeaders) parts.signedHeaders = cr.signedHeaders.text;
	if (cr.payloadHash) parts.payloadHash = cr.payloadHash.text;
	return { parts, text: lines.slice(i, i + read).join('\n'), end: i + read };
}

/**
 * The request a canonical request was made from, as far as it shows: method, host, path, query
 * and the signed headers. Non-S3 services sign the path encoded twice; undoing the second layer
 * (%25XX → %XX) gives back the path as sent. The body is unknown, so its hash becomes the
 * payloadHash param.
 */
export function addRequestFromCanonical(b: ImportBuilder, parts: CanonicalRequestParts, source: string): void {
	if (parts.signedHeaders !== undefined && parts.signedHeaders !== '') {
		b.setParam('signedHeaders', parts.signedHeaders.split(';'), `the signed headers of ${source}`);
	}
	const query = queryParams(parts.query);
	const credential = findParam(query, 'X-Amz-Credential');
	if (credential) {
		b.setMode('query', `The X-Amz-Credential in ${source}`);
		addPresignScope(b, query, 0);
	} else b.setMode('header', source);
	// The body is unknown, so its hash stands for it; a known body speaks for itself.
	if (parts.payloadHash !== undefined && parts.payloadHash.trim() !== '' && b.request?.body === undefined) {
		b.setParam('payloadHash', parts.payloadHash.trim(), source);
	}
	// The signing time, when the canonical request signs x-amz-date (header auth) or carries X-Amz-Date (query auth).
	const amzDate = (
		parts.headers.find(([n]) => n.trim().toLowerCase() === 'x-amz-date')?.[1] ?? findParam(query, 'X-Amz-Date')?.value
	)?.trim();
	if (amzDate && DATETIME_SHAPE.test(amzDate)) b.setParam('datetime', amzDate, `the x-amz-date of ${source}`);
	if (b.request) return;
	const host = parts.headers.find(([n]) => n.trim().toLowerCase() === 'host');
	if (!host) {
		b.note(`${capitalize(source)} has no host: line, so the request's URL is unknown; only the stages can be compared.`);
		return;
	}
	const service = b.params.service;
	let path = parts.path;
	if (service !== undefined && !serviceRules(service).s3Style && /%25[0-9A-Fa-f]{2}/.test(path)) {
		path = path.replace(/%25([0-9A-Fa-f]{2})/g, '%$1');
		b.note(`The path in ${source} is encoded twice, as ${service} signs it; the request uses it encoded once.`);
	}
	if (!path.startsWith('/')) path = `/${path}`;
	const request: HttpRequest = {
		method: parts.method.toUpperCase(),
		url: `https://${host[1].trim()}${path}${parts.query === '' ? '' : `?${parts.query}`}`,
		headers: parts.headers.map(([n, v]): Header => [n, v])
	};
	b.request = request;
	b.note(
		`The request is rebuilt from ${source}: method, URL and the signed headers; unsigned headers and the body are not in it (the payload hash stands for the body).`
	);
}

function capitalize(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}
