import type { ImportBuilder } from './import-builder.ts';
import { addPostFormFields } from './post-form.ts';
import type { FormField } from './types.ts';

/** Text that holds an HTML <form> with inputs (a browser POST upload page, as people copy it). */
export function looksLikeHtmlForm(text: string): boolean {
	return /<form[\s>]/i.test(text) && /<input\b/i.test(text);
}

const ENTITIES = new Map([
	['amp', '&'],
	['lt', '<'],
	['gt', '>'],
	['quot', '"'],
	['apos', "'"],
	['nbsp', '\u00a0']
]);

function decodeHtml(value: string): string {
	return value.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, body: string) => {
		if (body[0] === '#') {
			const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
			return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
		}
		return ENTITIES.get(body.toLowerCase()) ?? whole;
	});
}

/** The attributes of a start tag: name → value (names lowercased; a bare attribute is ""). */
function attributes(tag: string): Map<string, string> {
	const out = new Map<string, string>();
	const re = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
	for (const m of tag.replace(/^<\w+/, '').matchAll(re)) {
		const name = m[1]!.toLowerCase();
		if (!out.has(name)) out.set(name, decodeHtml(m[2] ?? m[3] ?? m[4] ?? ''));
	}
	return out;
}

/**
 * Reads the fields of an HTML <form> in order: every named <input> (a file input as "(file …)"),
 * <textarea> and <select> (its selected or first option), and the form's action as the request.
 * A browser POST upload goes on as the POST form reader's; any other form is declined.
 */
export function importHtmlForm(b: ImportBuilder): boolean {
	const text = b.text;
	const formAt = text.search(/<form[\s>]/i);
	const formTag = /<form\b[^>]*>/i.exec(text.slice(formAt));
	const form = formTag ? attributes(formTag[0]) : new Map<string, string>();
	const fields: FormField[] = [];
	const tags = /<(input|textarea|select)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
	for (const m of text.matchAll(tags)) {
		const tag = m[1]!.toLowerCase();
		const attrs = attributes(`<${tag}${m[2]!}`);
		const name = attrs.get('name');
		if (name === undefined || name === '') continue;
		const type = (attrs.get('type') ?? 'text').toLowerCase();
		if (tag === 'input') {
			if (type === 'submit' || type === 'button' || type === 'reset' || type === 'image') continue;
			if ((type === 'checkbox' || type === 'radio') && !attrs.has('checked')) continue;
			fields.push([name, type === 'file' ? '(file: chosen in the browser)' : (attrs.get('value') ?? '')]);
		} else if (tag === 'textarea') {
			const end = text.slice(m.index + m[0].length).search(/<\/textarea>/i);
			fields.push([name, decodeHtml(end === -1 ? '' : text.slice(m.index + m[0].length, m.index + m[0].length + end))]);
		} else {
			const body = text.slice(m.index + m[0].length, text.indexOf('</select', m.index));
			const options = [...body.matchAll(/<option\b([^>]*)>([^<]*)/gi)];
			const chosen = options.find((o) => /\bselected\b/i.test(o[1]!)) ?? options[0];
			if (chosen) fields.push([name, attributes(`<option${chosen[1]!}`).get('value') ?? decodeHtml(chosen[2]!.trim())]);
		}
	}
	if (fields.length === 0) return false;
	b.within('the HTML form', formAt, () => addPostFormFields(b, fields, 'the HTML form'));
	if (b.kind !== 'post-form') return false;
	const action = form.get('action');
	if (action && /^https?:\/\//i.test(action)) {
		b.within('the HTML form', formAt, () => {
			b.request = { method: 'POST', url: action, headers: [['Content-Type', 'multipart/form-data']] };
		});
	} else b.note('The form has no absolute action URL (https://bucket.s3.region.amazonaws.com/): the bucket is unknown.');
	if (!fields.some(([n]) => n.toLowerCase() === 'file')) {
		b.note('The form has no field named "file": S3 takes the upload from the "file" field, which must come last.');
	} else if (fields.at(-1)![0].toLowerCase() !== 'file') {
		b.note('The "file" field is not the last one: S3 ignores the fields after it.');
	}
	return true;
}
