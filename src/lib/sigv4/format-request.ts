import { parseWireUrl } from './wire-url.ts';
import type { Header } from './types.ts';

/** "Name: value", without doubling the space a value already starts with. */
export function headerLine(name: string, value: string, separator = ': '): string {
	return `${name}${/^[ \t]/.test(value) ? ':' : separator}${value}`;
}

/**
 * The request as raw HTTP/1.1 text: request line with the path and query as sent, headers in
 * order, blank line, body (text bodies only). `separator` is ": " for people, ":" for the AWS suites.
 */
export function formatHttpRequest(
	req: { method: string; url: string; headers: Header[]; body?: string | Uint8Array },
	separator = ': '
): string {
	const lines = [`${req.method} ${requestTarget(req.url)} HTTP/1.1`, ...req.headers.map(([n, v]) => headerLine(n, v, separator)), ''];
	const body = typeof req.body === 'string' ? req.body : req.body ? `[${req.body.length} bytes of binary body]` : '';
	return lines.join('\n') + '\n' + body;
}

/**
 * The path and query as sent. A URL the signer would refuse (a control character, a space in the
 * host) is still shown as written: formatting is for reading, and the signer says what is wrong.
 */
function requestTarget(rawUrl: string): string {
	try {
		const url = parseWireUrl(rawUrl);
		return (url.path || '/') + (url.query === undefined ? '' : `?${url.query}`);
	} catch {
		const m = /^\s*[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*([^#]*)/.exec(rawUrl);
		return m ? m[1] || '/' : rawUrl;
	}
}
