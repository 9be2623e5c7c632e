import { withHeaders } from '../case/index.ts';
import type { Header } from '../sigv4/index.ts';
import { stringOption, type CliArgs } from './cli-args.ts';
import { UsageError } from './usage-error.ts';

/** --header values as [name, value]; a value without ":" is refused with an example. */
export function headerFlags(args: CliArgs): Header[] {
	const values = args.values.header;
	const list = Array.isArray(values) ? values : [];
	return list.map((h) => {
		const colon = h.indexOf(':');
		if (colon <= 0)
			throw new UsageError(
				`--header "${h}" has no "Name:" before its value.`,
				'Write it as --header "Name: value", e.g. --header "Range: bytes=0-9".'
			);
		return [h.slice(0, colon).trim(), h.slice(colon + 1).trim()];
	});
}

/**
 * The request as raw HTTP, as the page's request box holds it, from --url, --method, --header
 * and --body; the importer then reads it like a paste. Undefined when no --url is given.
 */
export function requestFromFlags(args: CliArgs): string | undefined {
	const url = stringOption(args, 'url');
	const method = stringOption(args, 'method');
	const body = stringOption(args, 'body');
	if (url === undefined) {
		if (method !== undefined || body !== undefined) {
			throw new UsageError(
				'--method and --body describe the request of --url, and no --url is given.',
				'Add --url with the absolute URL, or give the request as a file.'
			);
		}
		return undefined;
	}
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw new UsageError(
			`--url "${url}" is not an absolute URL.`,
			'Give the whole URL, e.g. --url https://examplebucket.s3.amazonaws.com/photo.jpg'
		);
	}
	if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
		throw new UsageError(`--url "${url}" is not an http or https URL.`, 'Give an https:// (or http://) URL.');
	}
	if (method !== undefined && !/^[A-Za-z]+$/.test(method)) {
		throw new UsageError(`--method "${method}" is not an HTTP method.`, 'Use a method such as GET, PUT, POST, HEAD or DELETE.');
	}
	const text = `${(method ?? 'GET').toUpperCase()} ${url} HTTP/1.1\n\n${body ?? ''}`;
	const headers = headerFlags(args);
	return headers.length ? withHeaders(text, headers) : text;
}
