import { uriEncode, type Header } from '../sigv4/index.ts';
import type { CurlOption } from './curl-options.ts';
import type { ImportBuilder } from './import-builder.ts';
import type { ShellWord } from './shell-words.ts';
import type { FormField } from './types.ts';

// The values of curl's options, one reader each: headers, form and url-encoded data, --user, --aws-sigv4, the URL.

export function addHeader(b: ImportBuilder, headers: Header[], value: string, o: CurlOption): void {
	if (value.startsWith('@')) {
		b.note(`Headers come from the file ${value.slice(1)}: paste them as -H options.`);
		return;
	}
	const colon = value.indexOf(':');
	const semi = value.indexOf(';');
	if (colon > 0 && (semi === -1 || colon < semi)) {
		const v = value.slice(colon + 1).replace(/^[ \t]+/, '');
		if (v.trim() === '') {
			b.note(`-H "${value}" tells curl to remove its own ${value.slice(0, colon)} header; nothing is sent.`);
			return;
		}
		headers.push([value.slice(0, colon), v]);
		return;
	}
	if (semi > 0 && value.slice(semi + 1).trim() === '') {
		headers.push([value.slice(0, semi), '']);
		return;
	}
	b.error(
		o.valueWord?.start ?? o.word.start,
		`-H "${value.slice(0, 60)}" is not a header: there is no ":".`,
		'Write headers as -H "Name: value".'
	);
}

/** --data-urlencode: "content", "=content", "name=content", "@file", "name@file". */
export function urlencodeData(b: ImportBuilder, value: string): string {
	const m = /^([^=@]*)([=@])?([\s\S]*)$/.exec(value)!;
	if (m[2] === '@') {
		b.note(`The body comes from the file ${m[3]} (--data-urlencode ${value}): paste its content.`);
		return m[1] ? `${m[1]}=` : '';
	}
	if (m[2] === '=') return (m[1] ? `${m[1]}=` : '') + encodeForm(m[3]!);
	return encodeForm(value);
}

export function encodeForm(s: string): string {
	// curl encodes everything but unreserved characters, space as %20; a lone surrogate (no UTF-8
	// bytes of its own) as U+FFFD, where encodeURIComponent would throw.
	return uriEncode(s);
}

export function formField(b: ImportBuilder, value: string, literal: boolean): FormField {
	const eq = value.indexOf('=');
	const name = eq === -1 ? value : value.slice(0, eq);
	let v = eq === -1 ? '' : value.slice(eq + 1);
	if (!literal && (v.startsWith('@') || v.startsWith('<'))) {
		b.note(`The form field ${name} is the file ${v.slice(1).replace(/;.*$/, '')}; its content is not imported.`);
		v = `(file ${v.slice(1).replace(/;.*$/, '')})`;
	} else if (!literal) v = v.replace(/;type=[^;]*$/, '');
	return [name, v];
}

/** AKID:SECRET[:TOKEN] — the secret is read past and never kept. */
export function addUser(b: ImportBuilder, value: string): void {
	const parts = value.split(':');
	const akid = parts[0] ?? '';
	if (parts[1] !== undefined && !parts[1].includes('$')) b.forget(parts[1]);
	if (akid !== '' && !akid.includes('$')) b.setParam('accessKeyId', akid, '--user');
	else if (akid.includes('$')) b.note('--user names the access key id with a shell variable; enter the key id in the credentials.');
	if (parts.length > 1) {
		b.note(
			(parts[1] ?? '').includes('$')
				? '--user passes the secret access key in a shell variable; type the secret into the credentials to compute the signature.'
				: '--user carried a secret access key: it was dropped and appears nowhere in the import. Type it into the credentials to compute the signature.'
		);
	}
	const token = parts.slice(2).join(':');
	if (token !== '' && !token.includes('$')) b.setParam('sessionToken', token, '--user');
}

/** --aws-sigv4 "aws:amz:REGION:SERVICE" (provider1[:provider2[:region[:service]]]). */
export function addAwsSigv4(b: ImportBuilder, value: string): void {
	const [p1 = '', p2, region, service] = value.split(':');
	b.setMode('header', '--aws-sigv4');
	if (p1.toLowerCase() !== 'aws' || (p2 !== undefined && p2.toLowerCase() !== 'amz')) {
		b.note(
			`--aws-sigv4 "${value}" signs for the provider "${p1}${p2 ? `:${p2}` : ''}", not AWS ("aws:amz"); the header names and the algorithm differ.`
		);
	}
	if (region) b.setParam('region', region, '--aws-sigv4');
	if (service) b.setParam('service', service, '--aws-sigv4');
	b.note('curl computes the signature itself (--aws-sigv4); the debugger recomputes every stage for the same request.');
}

/** The URL as sent: user:password@ removed (never kept), a scheme added when curl would guess it. */
export function cleanUrl(b: ImportBuilder, word: ShellWord): string {
	let url = word.value.trim();
	if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
		url = `http://${url}`;
		b.note(`The URL has no scheme; curl uses http:// for ${word.value}.`);
	}
	// Up to the last "@" before the query: a password may hold "/" (a secret key often does).
	const m = /^([a-z][a-z0-9+.-]*:\/\/)([^?#]*@)([^@?#]*(?:[?#][\s\S]*)?)$/i.exec(url);
	if (m) {
		url = m[1]! + m[3]!;
		if (m[2]!.includes(':')) b.note('The URL carried a user name and password before "@"; they were removed from the import.');
		else b.note('The URL carried a user name before "@"; it was removed.');
	}
	return url;
}
