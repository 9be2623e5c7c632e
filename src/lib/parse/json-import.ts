import { importHar, isHar } from './har-file.ts';
import type { ImportBuilder } from './import-builder.ts';
import { JsReader } from './js-literal.ts';
import { toPlain } from './js-node.ts';
import { addPostFormFields } from './post-form.ts';
import { hasQuotedStages } from './quoted-stages.ts';
import { addServiceErrorMessage } from './service-error.ts';
import type { ImportOptions } from './types.ts';
import { WHAT_TO_PASTE } from './what-to-paste.ts';

/** JSON: a HAR file, an SDK createPresignedPost result, or a service's error body. */
export function importJson(b: ImportBuilder, options: ImportOptions): boolean {
	const text = b.text;
	let value: unknown;
	let parsed = false;
	try {
		value = JSON.parse(text);
		parsed = true;
	} catch {
		// Locate the syntax error ourselves: engines word (and place) it differently.
		const reader = new JsReader(text, text.length - text.trimStart().length);
		const node = reader.value();
		reader.skipSpace();
		const looksHar = /"log"\s*:/.test(text) && /"entries"\s*:/.test(text);
		if (looksHar || !hasQuotedStages(text)) {
			for (const p of reader.problems.slice(0, 5))
				b.error(p.offset, `The JSON is broken: ${p.message.charAt(0).toLowerCase()}${p.message.slice(1)}`, p.fix);
			if (reader.problems.length === 0)
				b.error(
					reader.i,
					'The JSON is broken: it is not strict JSON (a trailing comma, single quotes or a comment?).',
					'Export the file again, or fix the character at this point.'
				);
			value = toPlain(node);
			if (looksHar) {
				b.kind = 'har';
				if (isHar(value)) importHar(b, value, options.harEntry);
				return true;
			}
		}
	}
	if (isHar(value)) {
		b.kind = 'har';
		importHar(b, value, options.harEntry);
		return true;
	}
	if (value && typeof value === 'object' && !Array.isArray(value)) {
		const o = value as { url?: unknown; fields?: unknown };
		if (o.fields && typeof o.fields === 'object' && !Array.isArray(o.fields)) {
			const fields = Object.entries(o.fields as Record<string, unknown>).map(([k, v]): [string, string] => [
				k,
				typeof v === 'string' ? v : (JSON.stringify(v) ?? '')
			]);
			addPostFormFields(b, fields, 'the presigned POST fields');
			if (b.kind === 'post-form') {
				if (typeof o.url === 'string' && /^https?:\/\//i.test(o.url)) {
					b.request = { method: 'POST', url: o.url, headers: [['Content-Type', 'multipart/form-data']] };
				}
				return true;
			}
		}
	}
	if (hasQuotedStages(text) || (parsed && value && typeof value === 'object' && /"(?:__type|code|Code|message|Message)"\s*:/.test(text))) {
		b.kind = 'service-error-text';
		b.clearErrors();
		addServiceErrorMessage(b, text);
		return true;
	}
	if (parsed) {
		b.error(text.length - text.trimStart().length, 'This JSON is neither a HAR file nor an AWS error body.', WHAT_TO_PASTE);
		return true;
	}
	return b.errors.length > 0;
}
