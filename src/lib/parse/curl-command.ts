import type { Header, HttpRequest } from '../sigv4/index.ts';
import type { ImportBuilder } from './import-builder.ts';
import { addPostFormFields } from './post-form.ts';
import { addRequestEvidence } from './request-evidence.ts';
import { splitShellWords, type ShellWord } from './shell-words.ts';
import type { FormField } from './types.ts';

/** Options that take an argument (long and short names); everything else is a flag. */
const WITH_ARG = new Set(
	(
		'request header data data-ascii data-raw data-binary data-urlencode json form form-string user aws-sigv4 url user-agent referer cookie ' +
		'upload-file range output write-out proxy proxy-user connect-timeout max-time retry retry-delay retry-max-time cacert capath cert key ' +
		'cert-type key-type resolve connect-to cookie-jar limit-rate max-redirs proto proto-redir speed-time speed-limit time-cond interface ' +
		'dns-servers trace trace-ascii stderr config oauth2-bearer request-target quote variable continue-at max-filesize netrc-file ' +
		'output-dir create-file-mode local-port ciphers tls-max pinnedpubkey ech unix-socket abstract-unix-socket preproxy proxy-header ' +
		'expect100-timeout happy-eyeballs-timeout-ms keepalive-time hostpubmd5 engine dump-header etag-save etag-compare url-query'
	).split(' ')
);
const SHORT_WITH_ARG: Record<string, string> = {
	X: 'request',
	H: 'header',
	d: 'data',
	F: 'form',
	u: 'user',
	A: 'user-agent',
	e: 'referer',
	b: 'cookie',
	T: 'upload-file',
	r: 'range',
	o: 'output',
	w: 'write-out',
	x: 'proxy',
	U: 'proxy-user',
	m: 'max-time',
	c: 'cookie-jar',
	y: 'speed-time',
	Y: 'speed-limit',
	z: 'time-cond',
	E: 'cert',
	K: 'config',
	Q: 'quote',
	C: 'continue-at',
	D: 'dump-header'
};
const SHORT_FLAGS: Record<string, string> = {
	G: 'get',
	I: 'head',
	v: 'verbose',
	L: 'location',
	k: 'insecure',
	s: 'silent',
	S: 'show-error',
	i: 'include',
	g: 'globoff'
};

interface CurlOption {
	name: string;
	value?: string;
	word: ShellWord;
	valueWord?: ShellWord;
}

/**
 * A word that is itself an option where a value was expected ("-X --user …") is read as a missing
 * value: curl would take it literally, but then the next word (a --user secret) would become the URL.
 */
function isOption(word: string): boolean {
	const long = /^--([a-z][\w.-]*)/.exec(word);
	if (long)
		return WITH_ARG.has(long[1]!) || /^(verbose|silent|show-error|location|insecure|include|get|head|compressed|globoff)$/.test(long[1]!);
	return /^-[A-Za-z]/.test(word) && (word[1]! in SHORT_WITH_ARG || word[1]! in SHORT_FLAGS);
}

/** Is this the start of a curl command (after an optional prompt, env assignments, sudo…)? */
export function curlCommandStart(text: string): number {
	const m =
		/^[ \t]*(?:(?:\$|%|>|PS [^>\n]*>|C:\\[^>\n]*>)[ \t]*)?(?:(?:sudo|time|command|exec|env)[ \t]+)*(?:[A-Za-z_]\w*=\S*[ \t]+)*(curl(?:\.exe)?)(?=[ \t\\^`]|$)/m.exec(
			text
		);
	if (!m) return -1;
	// Only when nothing but blank lines comes before.
	if (text.slice(0, m.index).trim() !== '') return -1;
	return m.index + m[0].length - m[1]!.length;
}

/**
 * Reads a curl command: method, URL, headers, body, and the signing options. The secret from
 * --user is dropped on the spot and never stored, so it cannot reach the result, a note or an
 * error message. Returns the offset where the command ends.
 */
export function importCurlCommand(b: ImportBuilder, at: number): number {
	const text = b.text;
	const cmd = /\^\r?\n|\^"/.test(text.slice(at, at + 4000));
	const split = splitShellWords(text, at, cmd);
	for (const p of split.problems) b.error(p.offset, p.message, p.fix);
	const words = split.words.slice(1);

	const options: CurlOption[] = [];
	const positional: ShellWord[] = [];
	const ignored = new Set<string>();
	for (let i = 0; i < words.length; i++) {
		const w = words[i]!;
		const v = w.value;
		if (v.startsWith('--') && v.length > 2) {
			const eq = v.indexOf('=');
			const name = eq === -1 ? v.slice(2) : v.slice(2, eq);
			if (eq !== -1) {
				// curl itself has no --name=value form, but people write it; read it rather than echo it.
				options.push({ name, value: v.slice(eq + 1), word: { ...w, value: `--${name}` }, valueWord: w });
				continue;
			}
			if (WITH_ARG.has(name)) {
				const next = words[i + 1];
				if (!next || isOption(next.value)) {
					b.error(w.start, `${v} needs a value after it.`, `Write ${v} followed by its value, or remove it.`);
					continue;
				}
				options.push({ name, value: next.value, word: w, valueWord: next });
				i++;
			} else options.push({ name, word: w });
			continue;
		}
		if (v.startsWith('-') && v.length > 1) {
			// Clustered short options: -sSL, -XPOST, -HHost:x
			for (let k = 1; k < v.length; k++) {
				const ch = v[k]!;
				const long = SHORT_WITH_ARG[ch];
				if (long) {
					const rest = v.slice(k + 1);
					if (rest !== '') options.push({ name: long, value: rest, word: w, valueWord: w });
					else {
						const next = words[i + 1];
						if (!next || isOption(next.value))
							b.error(w.start, `-${ch} needs a value after it.`, `Write -${ch} followed by its value, or remove it.`);
						else {
							options.push({ name: long, value: next.value, word: w, valueWord: next });
							i++;
						}
					}
					break;
				}
				options.push({ name: SHORT_FLAGS[ch] ?? `-${ch}`, word: w });
			}
			continue;
		}
		positional.push(w);
	}

	let method: string | undefined;
	let methodWord: ShellWord | undefined;
	const headers: Header[] = [];
	const data: string[] = [];
	const form: FormField[] = [];
	const urls: ShellWord[] = [...positional];
	let get = false;
	let head = false;
	let upload: string | undefined;
	let json = false;
	for (const o of options) {
		const value = o.value ?? '';
		for (const name of o.valueWord?.variables ?? []) {
			if (o.name !== 'user') b.note(`${o.word.value} uses the shell variable ${name}; it is kept as written, not expanded.`);
		}
		switch (o.name) {
			case 'request':
				method = value;
				methodWord = o.valueWord;
				break;
			case 'header':
			case 'proxy-header':
				if (o.name === 'proxy-header') break;
				addHeader(b, headers, value, o);
				break;
			case 'data':
			case 'data-ascii':
			case 'data-binary':
			case 'data-raw':
			case 'json':
				if (o.name === 'json') json = true;
				if (value.startsWith('@') && o.name !== 'data-raw') {
					b.note(
						`The body comes from the file ${value.slice(1) || '(stdin)'} (${o.word.value} ${value}): paste its content into the request body.`
					);
					data.push('');
				} else data.push(value);
				break;
			case 'data-urlencode':
				data.push(urlencodeData(b, value));
				break;
			case 'form':
			case 'form-string':
				form.push(formField(b, value, o.name === 'form-string'));
				break;
			case 'user':
				addUser(b, value);
				break;
			case 'aws-sigv4':
				addAwsSigv4(b, value);
				break;
			case 'url':
				urls.unshift(o.valueWord!);
				break;
			case 'user-agent':
				headers.push(['User-Agent', value]);
				break;
			case 'referer':
				headers.push(['Referer', value.replace(/;auto$/, '')]);
				break;
			case 'cookie':
				if (value.includes('=')) headers.push(['Cookie', value]);
				else b.note(`Cookies come from the file ${value}; they are not in the imported request.`);
				break;
			case 'range':
				headers.push(['Range', `bytes=${value}`]);
				break;
			case 'upload-file':
				upload = value;
				b.note(`The body is the file ${value} (-T): paste its content into the request body.`);
				break;
			case 'get':
				get = true;
				break;
			case 'head':
				head = true;
				break;
			case 'compressed':
				b.note('--compressed makes curl send "Accept-Encoding: deflate, gzip, br, zstd"; it is not in the imported headers.');
				break;
			default:
				if (
					!/^(verbose|silent|show-error|location|insecure|include|globoff|path-as-is|fail|fail-with-body|http1\.1|http2|http2-prior-knowledge|http3|no-buffer|ipv4|ipv6|-#|progress-bar|no-progress-meter|-\d)$/.test(
						o.name
					)
				) {
					ignored.add(o.word.value);
				}
		}
	}
	if (ignored.size > 0) b.note(`curl options not used for signing, ignored: ${[...ignored].join(' ')}.`);

	const urlWord = urls[0];
	if (urls.length > 1) b.note(`The command has ${urls.length} URLs; the first, ${urls[0]!.value}, is imported.`);
	if (!urlWord || urlWord.value.trim() === '') {
		b.error(at, 'The curl command has no URL.', 'Add the URL, e.g. curl https://examplebucket.s3.amazonaws.com/photos/a.jpg');
		return split.end;
	}
	let url = cleanUrl(b, urlWord);

	let body: string | undefined;
	if (data.length > 0) {
		const joined = data.join('&');
		if (get) url += (url.includes('?') ? '&' : '?') + joined;
		else body = joined;
	}
	if (json) {
		if (!headers.some(([n]) => n.toLowerCase() === 'content-type')) headers.push(['Content-Type', 'application/json']);
		if (!headers.some(([n]) => n.toLowerCase() === 'accept')) headers.push(['Accept', 'application/json']);
	}
	const finalMethod =
		method ?? (head ? 'HEAD' : get ? 'GET' : upload !== undefined ? 'PUT' : data.length > 0 || form.length > 0 ? 'POST' : 'GET');
	if (methodWord && !/^[A-Za-z]+$/.test(finalMethod))
		b.error(methodWord.start, `"${finalMethod}" is not an HTTP method.`, 'Write -X GET, -X PUT, -X POST…');
	if (data.length > 0 && !get && !json && !headers.some(([n]) => n.toLowerCase() === 'content-type')) {
		b.note(
			'curl sends "Content-Type: application/x-www-form-urlencoded" with -d unless -H sets one; curl --aws-sigv4 does not sign it, so it is not in the imported headers.'
		);
	}

	const request: HttpRequest = { method: finalMethod, url, headers };
	if (body !== undefined && body !== '') request.body = body;
	b.request = request;
	if (form.length > 0) {
		b.note('The body is multipart form data (-F): curl picks the boundary, so the body is not rebuilt; the fields are listed.');
		addPostFormFields(b, form, 'the curl -F fields');
	}
	addRequestEvidence(b, request, 'the curl command', at);
	return split.end;
}

function addHeader(b: ImportBuilder, headers: Header[], value: string, o: CurlOption): void {
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
function urlencodeData(b: ImportBuilder, value: string): string {
	const m = /^([^=@]*)([=@])?([\s\S]*)$/.exec(value)!;
	if (m[2] === '@') {
		b.note(`The body comes from the file ${m[3]} (--data-urlencode ${value}): paste its content.`);
		return m[1] ? `${m[1]}=` : '';
	}
	if (m[2] === '=') return (m[1] ? `${m[1]}=` : '') + encodeForm(m[3]!);
	return encodeForm(value);
}

function encodeForm(s: string): string {
	// curl encodes everything but unreserved characters, space as %20.
	return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function formField(b: ImportBuilder, value: string, literal: boolean): FormField {
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
function addUser(b: ImportBuilder, value: string): void {
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
function addAwsSigv4(b: ImportBuilder, value: string): void {
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
function cleanUrl(b: ImportBuilder, word: ShellWord): string {
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
