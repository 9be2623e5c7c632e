import { SESSION_TOKEN_HEADER } from '../sigv4/index.ts';
import { parseCredential } from './credential-scope.ts';
import type { ImportBuilder } from './import-builder.ts';
import { sigv2FieldsOf } from './sigv2-fields.ts';
import { stripCr } from './text-position.ts';
import type { FormField } from './types.ts';

/** Field names that only a browser POST upload (or its SigV2 ancestor) has. */
const POST_NAMES =
	/^(policy|x-amz-signature|x-amz-credential|x-amz-algorithm|success_action_status|success_action_redirect|awsaccesskeyid)$/i;

export function looksLikePostForm(fields: FormField[]): boolean {
	const names = new Set(fields.map(([n]) => n.toLowerCase()));
	return (
		names.has('policy') ||
		(names.has('x-amz-signature') && names.has('key')) ||
		(names.has('awsaccesskeyid') && names.has('signature') && names.has('key'))
	);
}

/**
 * Records the fields of a browser POST upload and what they say: the scope and time
 * (x-amz-credential, x-amz-date), the signature, the session token, and SigV2 fields mixed in.
 * For SigV4 the string to sign is the base64 policy itself, so nothing else is "provided".
 */
export function addPostFormFields(b: ImportBuilder, fields: FormField[], source: string): void {
	if (!looksLikePostForm(fields)) return;
	b.kind = 'post-form';
	b.form = fields;
	// A value that is a JavaScript expression or a file says nothing about the scope.
	const get = (name: string): string | undefined => {
		const value = fields.find(([n]) => n.toLowerCase() === name)?.[1].trim();
		return value === undefined || /^\((?:expression|file)[: ]/.test(value) ? undefined : value;
	};
	const algorithm = get('x-amz-algorithm');
	const credential = get('x-amz-credential');
	if (credential !== undefined) {
		const parsed = parseCredential(credential, algorithm === 'AWS4-ECDSA-P256-SHA256');
		if (parsed) {
			b.setParam('accessKeyId', parsed.accessKeyId, 'x-amz-credential');
			if (parsed.region) b.setParam('region', parsed.region, 'x-amz-credential');
			b.setParam('service', parsed.service, 'x-amz-credential');
		} else b.note(`x-amz-credential "${credential}" should be AKID/YYYYMMDD/region/s3/aws4_request.`);
	}
	const date = get('x-amz-date');
	if (date !== undefined && /^\d{8}T\d{6}Z$/.test(date)) b.setParam('datetime', date, 'x-amz-date');
	b.setParam('sessionToken', get(SESSION_TOKEN_HEADER), 'x-amz-security-token');
	b.setProvided('signature', get('x-amz-signature'), 'x-amz-signature');

	const v2 = sigv2FieldsOf(fields);
	for (const [n, v] of v2) b.addSigv2Field(n, v);
	const v4 = [...new Set(fields.filter(([n]) => /^x-amz-(algorithm|credential|date|signature)$/i.test(n)).map(([n]) => n))];
	const v2Names = [...new Set(v2.map(([n]) => n))].join(', ');
	b.note(
		`Browser POST upload (${source}): ${fields.length} field${fields.length === 1 ? '' : 's'}. With SigV4, the string to sign is the base64 policy field itself, signed with the usual signing key; the signature goes in x-amz-signature (hex).`
	);
	if (v2.length > 0 && v4.length > 0) {
		b.note(
			`SigV2 fields (${v2Names}) sit next to SigV4 ones (${v4.join(', ')}): S3 then checks a Signature Version 2 signature. Send only policy, x-amz-algorithm, x-amz-credential, x-amz-date and x-amz-signature (and x-amz-security-token).`
		);
	} else if (v2.length > 0) {
		b.note(
			`These are Signature Version 2 fields (${v2Names}): the signature is base64 HMAC-SHA1 of the policy. Newer regions accept only SigV4 fields.`
		);
	}
	const policy = get('policy');
	if (policy !== undefined) b.note(describePolicy(policy));
}

function describePolicy(policy: string): string {
	try {
		const binary = atob(policy.replace(/\s+/g, ''));
		const json = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
		const parsed: unknown = JSON.parse(json);
		if (parsed && typeof parsed === 'object') {
			const p = parsed as { expiration?: unknown; conditions?: unknown };
			const n = Array.isArray(p.conditions) ? p.conditions.length : 0;
			return `The policy decodes to JSON: expiration ${typeof p.expiration === 'string' ? p.expiration : '(none)'}, ${n} condition${n === 1 ? '' : 's'}.`;
		}
	} catch {
		// fall through
	}
	return 'The policy field is not base64 of a JSON document; S3 expects base64(JSON policy).';
}

/**
 * Form fields from a pasted list: multipart text, formData.append("name", value) calls,
 * "name: value", "name=value" or "name<TAB>value" lines (DevTools' payload view).
 * Returns undefined when the text is not such a list.
 */
export function readFieldList(text: string): { fields: FormField[]; how: string } | undefined {
	const multipart = readMultipart(text);
	if (multipart.length > 0) return { fields: multipart, how: 'the multipart body' };
	// Bounded repetitions: an unclosed call must not make the scan quadratic.
	const appends = [
		...text.matchAll(
			/\.append\(\s*(["'`])((?:\\.|(?!\1)[^\\\n]){0,200})\1\s*,\s*((["'`])((?:\\.|(?!\4)[^\\\n]){0,2000})\4|[^)\n]{0,200}?)\s*\)/g
		)
	].map((m): FormField => [m[2]!, m[5] !== undefined ? m[5] : `(expression: ${m[3]!.trim()})`]);
	if (appends.length > 0) return { fields: appends, how: 'the formData.append calls' };
	const fields: FormField[] = [];
	for (const raw of text.split('\n')) {
		const line = stripCr(raw).trim();
		if (line === '') continue;
		const m = /^["']?([A-Za-z][\w-]*)["']?\s*(?::|=|\t)\s*(.*?)[,;]?$/.exec(line);
		if (!m) return undefined;
		fields.push([m[1]!, m[2]!.replace(/^["'](.*)["']$/, '$1')]);
	}
	return fields.length > 0 && fields.some(([n]) => POST_NAMES.test(n)) ? { fields, how: 'the field list' } : undefined;
}

/** The fields of a multipart/form-data body (file parts keep their file name, not their content). */
export function readMultipart(text: string): FormField[] {
	const lines = text.split('\n').map(stripCr);
	const fields: FormField[] = [];
	const boundary = lines.find((l) => /^--\S+$/.test(l.trim()) && !l.trim().endsWith('--'))?.trim();
	if (!boundary) return fields;
	let i = 0;
	while (i < lines.length) {
		if (lines[i]!.trim() !== boundary) {
			i++;
			continue;
		}
		i++;
		let name: string | undefined;
		let filename: string | undefined;
		for (; i < lines.length && lines[i]!.trim() !== ''; i++) {
			const cd = /^content-disposition:\s*form-data(.*)$/i.exec(lines[i]!);
			if (cd) {
				name = /\bname="([^"]*)"/i.exec(cd[1]!)?.[1];
				filename = /\bfilename="([^"]*)"/i.exec(cd[1]!)?.[1];
			}
		}
		i++;
		const value: string[] = [];
		for (; i < lines.length && !lines[i]!.trim().startsWith(boundary); i++) value.push(lines[i]!);
		if (name !== undefined) fields.push([name, filename !== undefined ? `(file ${filename})` : value.join('\n')]);
	}
	return fields;
}
