import { md5 } from '@noble/hashes/legacy.js';
import { toBase64, utf8Bytes } from './encoding.ts';
import { SigningError } from './signing-error.ts';
import type { AuthMode, Header } from './types.ts';

/** Server-side encryption as a request asks for it. */
export type SsePreset =
	| { type: 'SSE-S3' }
	| {
			type: 'SSE-KMS';
			/** Key ID, key ARN or alias; default: the account's aws/s3 key. */
			keyId?: string;
			/** The encryption context: an object of strings, or its JSON text. */
			context?: Record<string, string> | string;
	  }
	| {
			type: 'SSE-C';
			/** Base64 of the 32-byte AES-256 key. */
			key: string;
	  };

export const SSE_HEADER = 'x-amz-server-side-encryption';
export const SSE_KMS_KEY_ID_HEADER = 'x-amz-server-side-encryption-aws-kms-key-id';
export const SSE_CONTEXT_HEADER = 'x-amz-server-side-encryption-context';
export const SSE_C_ALGORITHM_HEADER = 'x-amz-server-side-encryption-customer-algorithm';
export const SSE_C_KEY_HEADER = 'x-amz-server-side-encryption-customer-key';
export const SSE_C_KEY_MD5_HEADER = 'x-amz-server-side-encryption-customer-key-MD5';

function checkHeaderValue(value: unknown, field: 'sseKmsKeyId', what: string): string {
	if (typeof value !== 'string') throw new SigningError(field, `The ${what} is not text.`, `Give the ${what} as a string.`);
	const v = value.trim();
	// eslint-disable-next-line no-control-regex -- finding control characters is the point
	if (v === '' || /[\u0000-\u001f\u007f]/.test(v)) {
		throw new SigningError(
			field,
			v === '' ? `The ${what} is empty.` : `The ${what} contains a control character or a line break.`,
			'Give a key ID, a key ARN or an alias such as alias/my-key, or leave it out to use the aws/s3 key.'
		);
	}
	return v;
}

/** The 32 bytes of an SSE-C key given as base64; a SigningError naming the field and the byte count otherwise. */
export function sseCustomerKeyBytes(key: string): Uint8Array {
	const fix = 'Give the 32-byte (256-bit) key as standard base64: 44 characters ending in "=".';
	if (typeof key !== 'string' || key.trim() === '') {
		throw new SigningError('sseCustomerKey', 'The SSE-C key is empty.', fix);
	}
	const k = key.trim();
	if (/^[0-9a-fA-F]{64}$/.test(k)) {
		throw new SigningError(
			'sseCustomerKey',
			'The SSE-C key is 64 hex digits: S3 wants the 32 key bytes in base64, not hex.',
			'Convert the hex to bytes and base64-encode them.'
		);
	}
	const bad = /[^A-Za-z0-9+/=]/.exec(k);
	if (bad) {
		const urlSafe = bad[0] === '-' || bad[0] === '_';
		throw new SigningError(
			'sseCustomerKey',
			`The SSE-C key is not base64: "${bad[0]}" at character ${bad.index + 1}.`,
			urlSafe ? 'That is base64url: use + for - and / for _.' : fix,
			bad.index
		);
	}
	if (k.length % 4 !== 0 || /=[^=]|={3}/.test(k)) {
		throw new SigningError(
			'sseCustomerKey',
			`The SSE-C key is not well-formed base64 (${k.length} characters, padding misplaced or missing).`,
			fix
		);
	}
	const binary = atob(k);
	const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
	if (bytes.length !== 32) {
		throw new SigningError(
			'sseCustomerKey',
			`The SSE-C key decodes to ${bytes.length} byte${bytes.length === 1 ? '' : 's'}; SSE-C needs exactly 32 (AES-256).` +
				(k.length === 32 ? ' It looks like the raw key text: base64-encode those 32 bytes.' : ''),
			fix
		);
	}
	return bytes;
}

/** Base64 of the MD5 of the key bytes, as x-amz-server-side-encryption-customer-key-MD5 wants it. */
export function sseCustomerKeyMd5(key: string): string {
	return toBase64(md5(sseCustomerKeyBytes(key)));
}

function contextHeader(context: Record<string, string> | string): string {
	let value: unknown = context;
	if (typeof context === 'string') {
		try {
			value = JSON.parse(context);
		} catch (e) {
			throw new SigningError(
				'sseContext',
				`The encryption context is not valid JSON: ${e instanceof Error ? e.message : String(e)}`,
				'Write it as a JSON object of strings, e.g. {"project": "alpha"}.'
			);
		}
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) {
		throw new SigningError('sseContext', 'The encryption context is not an object of strings.', 'Write it as e.g. {"project": "alpha"}.');
	}
	return toBase64(utf8Bytes(typeof context === 'string' ? context.trim() : JSON.stringify(value)));
}

/** The request headers for a server-side-encryption preset, in the order S3 documents them. */
export function sseHeaders(preset: SsePreset): Header[] {
	switch (preset?.type) {
		case 'SSE-S3':
			return [[SSE_HEADER, 'AES256']];
		case 'SSE-KMS': {
			const headers: Header[] = [[SSE_HEADER, 'aws:kms']];
			if (preset.keyId !== undefined) headers.push([SSE_KMS_KEY_ID_HEADER, checkHeaderValue(preset.keyId, 'sseKmsKeyId', 'KMS key ID')]);
			if (preset.context !== undefined) headers.push([SSE_CONTEXT_HEADER, contextHeader(preset.context)]);
			return headers;
		}
		case 'SSE-C': {
			const bytes = sseCustomerKeyBytes(preset.key);
			return [
				[SSE_C_ALGORITHM_HEADER, 'AES256'],
				[SSE_C_KEY_HEADER, toBase64(bytes)],
				[SSE_C_KEY_MD5_HEADER, toBase64(md5(bytes))]
			];
		}
		default:
			throw new SigningError(
				'sseType',
				`"${String((preset as { type?: unknown } | undefined)?.type)}" is not a server-side encryption type.`,
				'Choose SSE-S3, SSE-KMS or SSE-C.'
			);
	}
}

export interface SseHeaderRule {
	/** As sent. */
	name: string;
	/** Part of SignedHeaders. */
	signed: boolean;
	/** The client sends it as an HTTP header with the request (for a presigned URL: alongside the URL). */
	clientSends: boolean;
	/** Travels in the URL's query string. */
	inUrl: boolean;
	why: string;
}

export interface SseRules {
	mode: AuthMode;
	headers: SseHeaderRule[];
	/** Lowercase names, sorted, as in SignedHeaders. */
	signed: string[];
	/** Headers the client must send with the request. */
	clientMustSend: string[];
	/** Server-side encryption values that travel in the URL: none, in either mode. */
	inUrl: string[];
	notes: string[];
}

/**
 * For a preset and a signing mode: which SSE headers are signed, which the client must send, and
 * which travel in the URL. SSE headers always stay signed headers: S3 needs them signed as headers
 * (the AWS SDKs never hoist them into a presigned URL), and an SSE-C key in a URL would be written to
 * logs, browser history and Referer headers.
 */
export function sseRules(preset: SsePreset, mode: AuthMode): SseRules {
	const names = sseHeaders(preset).map(([name]) => name);
	const why =
		mode === 'header'
			? 'x-amz-* headers are always signed; sent as a header like any other'
			: preset.type === 'SSE-C'
				? 'signed as a header and sent by the client with the presigned URL: an SSE-C key never goes in a URL'
				: 'signed as a header and sent by the client with the presigned URL: S3 requires SSE headers as signed headers, the SDKs never hoist them into the query';
	const headers = names.map((name) => ({ name, signed: true, clientSends: true, inUrl: false, why }));
	const notes: string[] = [];
	if (mode === 'query') {
		notes.push(
			'The URL lists these headers in X-Amz-SignedHeaders; a request that leaves one out, or sends a different value, gets SignatureDoesNotMatch.'
		);
	}
	if (preset.type === 'SSE-C') {
		notes.push('SSE-C needs HTTPS, and the same key with every GET and HEAD of the object.');
		if (mode === 'query') notes.push('Whoever uses the presigned URL must also hold the key: it is not part of the URL.');
	}
	if (preset.type === 'SSE-KMS') notes.push('SSE-KMS requests must be signed with SigV4: S3 rejects them with SigV2.');
	return {
		mode,
		headers,
		signed: names.map((n) => n.toLowerCase()).sort(),
		clientMustSend: names,
		inUrl: [],
		notes
	};
}

/** Every server-side-encryption request header (SSE-S3, SSE-KMS, SSE-C, bucket key), copy-source ones excluded. */
export const SSE_HEADER_PATTERN = /^x-amz-server-side-encryption(?:$|-)/i;
const SSE_C_NAMES = [SSE_C_ALGORITHM_HEADER, SSE_C_KEY_HEADER, SSE_C_KEY_MD5_HEADER].map((n) => n.toLowerCase());
const KMS_ONLY = [SSE_KMS_KEY_ID_HEADER, SSE_CONTEXT_HEADER];

/**
 * The SSE table for the headers a request carries (or a presigned URL signs): every SSE header,
 * the KMS key ID and context included, with where it goes; and warnings for what S3 rejects:
 * SSE-S3/SSE-KMS together with SSE-C, a KMS key ID or context without aws:kms, part of the SSE-C
 * trio, and SSE-S3/SSE-KMS headers on a GET or HEAD (only SSE-C sends headers on a read).
 */
export function sseRulesForHeaders(
	headers: Header[],
	mode: AuthMode,
	opts: { method?: string; signed?: string[] } = {}
): (SseRules & { warnings: string[] }) | undefined {
	const found = new Map<string, { name: string; value?: string }>();
	for (const [name, value] of headers) if (SSE_HEADER_PATTERN.test(name)) found.set(name.toLowerCase(), { name, value: value.trim() });
	for (const name of opts.signed ?? [])
		if (SSE_HEADER_PATTERN.test(name) && !found.has(name.toLowerCase())) found.set(name.toLowerCase(), { name });
	if (found.size === 0) return undefined;
	const lower = [...found.keys()];
	const algorithm = found.get(SSE_HEADER)?.value;
	const hasC = lower.some((n) => SSE_C_NAMES.includes(n));
	const type: SsePreset['type'] = hasC && !found.has(SSE_HEADER) ? 'SSE-C' : algorithm?.startsWith('aws:kms') ? 'SSE-KMS' : 'SSE-S3';
	const base = sseRules(type === 'SSE-C' ? { type, key: 'A'.repeat(43) + '=' } : { type }, mode);
	const why = base.headers[0]?.why ?? '';
	const rules: SseHeaderRule[] = [...found.values()].map(({ name, value }) => ({
		name,
		signed: true,
		clientSends: true,
		inUrl: false,
		why: value === undefined ? `${why} (signed by the URL; the request shown does not carry it)` : why
	}));
	const warnings: string[] = [];
	if (hasC && found.has(SSE_HEADER)) {
		warnings.push(
			`S3 rejects SSE-C together with x-amz-server-side-encryption (${algorithm ?? 'signed'}): an object is encrypted one way. Keep one preset's headers.`
		);
	}
	if (hasC && !SSE_C_NAMES.every((n) => found.has(n))) {
		warnings.push(`SSE-C needs all three headers: ${SSE_C_NAMES.filter((n) => !found.has(n)).join(', ')} missing; S3 answers 400.`);
	}
	const kmsExtras = KMS_ONLY.filter((n) => found.has(n));
	if (kmsExtras.length > 0 && !algorithm?.startsWith('aws:kms')) {
		warnings.push(
			`${kmsExtras.join(' and ')} need x-amz-server-side-encryption: aws:kms; S3 rejects them with ${algorithm ?? 'no algorithm'}.`
		);
	}
	const method = opts.method?.toUpperCase();
	const writeHeaders = lower.filter((n) => !SSE_C_NAMES.includes(n));
	if ((method === 'GET' || method === 'HEAD') && writeHeaders.length > 0) {
		warnings.push(
			`S3 rejects ${writeHeaders.join(', ')} on ${method} (400: not supported for this operation): it decrypts SSE-S3 and SSE-KMS objects without any header. Only SSE-C sends its three headers on a ${method}.`
		);
	}
	return {
		mode,
		headers: rules,
		signed: lower.sort(),
		clientMustSend: rules.map((r) => r.name),
		inUrl: [],
		notes: base.notes,
		warnings
	};
}
