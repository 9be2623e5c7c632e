import type { Header } from '../sigv4/index.ts';
import type { FieldError } from './params.ts';

/** "name: value" lines (blank lines skipped) into form fields, or the first line that is not one. */
export function parseFormFields(text: string): { fields: Header[] } | { error: FieldError } {
	const fields: Header[] = [];
	const lines = text.split('\n');
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!.replace(/\r$/, '');
		if (line.trim() === '') continue;
		const colon = line.indexOf(':');
		if (colon <= 0) {
			return {
				error: {
					field: 'postFields',
					message: `Line ${i + 1}: "${line.slice(0, 40)}" is not "name: value".`,
					fix: 'Write one form field per line, e.g. "key: uploads/${filename}".'
				}
			};
		}
		fields.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
	}
	return { fields };
}
