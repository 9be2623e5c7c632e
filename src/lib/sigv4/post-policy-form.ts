import { shellQuote } from './format-curl.ts';
import type { Header } from './types.ts';

/**
 * For a double-quoted HTML attribute: the markup characters as references, and CR, LF and tab as
 * numeric references, since an HTML parser turns a literal CR LF into LF and would change the value.
 */
export function escapeHtmlAttribute(text: string): string {
	return text.replace(/[&<>"'\r\n\t]/g, (c) => {
		switch (c) {
			case '&':
				return '&amp;';
			case '<':
				return '&lt;';
			case '>':
				return '&gt;';
			case '"':
				return '&quot;';
			case "'":
				return '&#39;';
			default:
				return `&#${c.charCodeAt(0)};`;
		}
	});
}

/** The S3 endpoint a form for `bucket` posts to (path style when a dot would break the TLS name). */
export function postActionUrl(bucket: string | undefined, region: string): string {
	const host = `s3.${region}.amazonaws.com`;
	if (!bucket) return `https://your-bucket.${host}/`;
	return bucket.includes('.') ? `https://${host}/${encodeURIComponent(bucket)}/` : `https://${bucket}.${host}/`;
}

/** A browser form that uploads with these fields; `file` is the last field, as S3 requires. */
export function postFormHtml(action: string, fields: Header[]): string {
	const lines = [`<form action="${escapeHtmlAttribute(action)}" method="post" enctype="multipart/form-data">`];
	for (const [name, value] of fields) {
		lines.push(`  <input type="hidden" name="${escapeHtmlAttribute(name)}" value="${escapeHtmlAttribute(value)}">`);
	}
	lines.push('  <input type="file" name="file">');
	lines.push('  <input type="submit" value="Upload">');
	lines.push('</form>');
	return lines.join('\n');
}

/**
 * curl -F reads a value starting with @ or < from a file, and parses ;type= and double quotes in
 * it: such values go with --form-string, which sends them literally.
 */
function formArgument(name: string, value: string): string {
	const literal = /^[@<]/.test(value) || /[;"]/.test(value);
	return `${literal ? '--form-string' : '-F'} ${shellQuote(`${name}=${value}`)}`;
}

/** The upload as a curl command: every field in order, then the file. */
export function postFormCurl(action: string, fields: Header[]): string {
	const parts = [`curl ${shellQuote(action)}`];
	for (const [name, value] of fields) parts.push(formArgument(name, value));
	parts.push(`-F ${shellQuote('file=@your-file')}`);
	return parts.join(' \\\n  ');
}
