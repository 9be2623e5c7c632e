import { HOST_HEADER } from './constants.ts';
import type { Header } from './types.ts';

/** POSIX shell single quotes: nothing inside is special except the quote itself. */
export function shellQuote(text: string): string {
	return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The request as a curl command that sends exactly these bytes: --globoff keeps [] and {} in the
 * URL literal, --path-as-is keeps "//" and "..", and Host is dropped when curl derives the same one.
 */
export function formatCurl(req: { method: string; url: string; headers: Header[]; body?: string | Uint8Array }): string {
	// One argument (with its flag) per line, so a long header stays readable.
	const parts = ['curl --globoff --path-as-is'];
	if (req.method !== 'GET' || req.body !== undefined) parts.push(`-X ${shellQuote(req.method)}`);
	parts.push(shellQuote(req.url));
	const urlHost = /^[a-z]+:\/\/([^/?#]*)/i.exec(req.url)?.[1]?.replace(/:(80|443)$/, '');
	for (const [name, value] of req.headers) {
		if (name.toLowerCase() === HOST_HEADER && value.trim() === urlHost) continue;
		const flat = value.replace(/\r?\n[ \t]*/g, ' ').trim();
		// "Name:" with nothing after it tells curl to remove the header; "Name;" sends it empty.
		parts.push(`-H ${shellQuote(flat === '' ? `${name};` : `${name}: ${flat}`)}`);
	}
	if (typeof req.body === 'string' && req.body !== '') parts.push(`--data-binary ${shellQuote(req.body)}`);
	else if (req.body instanceof Uint8Array && req.body.length > 0) parts.push('--data-binary @body.bin');
	return parts.join(' \\\n  ');
}
