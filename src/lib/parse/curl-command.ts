import type { Header, HttpRequest } from '../sigv4/index.ts';
import { addHeader, urlencodeData, formField, addUser, addAwsSigv4, cleanUrl } from './curl-arguments.ts';
import { WITH_ARG, SHORT_WITH_ARG, SHORT_FLAGS, isOption, type CurlOption } from './curl-options.ts';
import type { ImportBuilder } from './import-builder.ts';
import { addPostFormFields } from './post-form.ts';
import { addRequestEvidence } from './request-evidence.ts';
import { splitShellWords, type ShellWord } from './shell-words.ts';
import type { FormField } from './types.ts';

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
