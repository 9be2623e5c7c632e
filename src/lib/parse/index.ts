import { authorizationValueIn, stripTrailing } from './authorization-header.ts';
import { importCanonicalRequest, importStringToSign } from './bare-stages.ts';
import { METHOD_LINE } from './canonical-request.ts';
import { hasQuotedStages } from './canonical-strings.ts';
import { AWSCURL_MARKER, importAwscurlLog } from './awscurl-log.ts';
import { BOTOCORE_MARKER, importBotocoreLog } from './botocore-log.ts';
import { curlCommandStart, importCurlCommand } from './curl-command.ts';
import { CURL_VERBOSE_MARKER, importCurlVerbose } from './curl-verbose.ts';
import { addEmbeddedError } from './embedded-error.ts';
import { addXmlErrorBody } from './error-body.ts';
import { FETCH_START, importFetchCall } from './fetch-call.ts';
import { importHar, isHar } from './har-file.ts';
import { ImportBuilder } from './import-builder.ts';
import { JsReader, toPlain } from './js-literal.ts';
import { addPostFormFields, readFieldList } from './post-form.ts';
import { importRawHttp, REQUEST_LINE } from './raw-http-import.ts';
import { addRequestEvidence } from './request-evidence.ts';
import { forgetSecrets } from './secret-scan.ts';
import { addServiceErrorMessage } from './service-error.ts';
import { STS_ALGORITHM } from './string-to-sign.ts';
import { splitLines, stripCr } from './text-position.ts';
import type { HttpRequest } from '../sigv4/index.ts';
import type { ImportOptions, ImportResult } from './types.ts';

export type * from './types.ts';
export type { ParseError } from './parse-error.ts';
export { parseRawHttp } from './raw-http.ts';

const WHAT_TO_PASTE =
	'Paste one of: a raw HTTP request ("GET /path HTTP/1.1" and headers), a curl command, a browser "Copy as fetch" call, a HAR file, ' +
	'a presigned URL, an Authorization header, an AWS error body (S3 XML or a "The Canonical String for this request should have been" message), ' +
	'a botocore DEBUG, curl -v or awscurl -v log, a canonical request, a string to sign, or the fields of a browser POST upload.';

/**
 * Detects the format of pasted text and reads from it the request, the scope, the mode, the
 * user's own stages and the server's. Never throws on user text: problems come back as errors
 * with a line and a column, and whatever could be read is returned with them.
 */
export function importText(text: string, options: ImportOptions = {}): ImportResult {
	const input = typeof text === 'string' ? text.replace(/^\uFEFF/, '') : '';
	const b = new ImportBuilder(input);
	try {
		forgetSecrets(b);
		detectAndImport(b, options);
	} catch (e) {
		// A bug of ours must not take the page down; it is reported like any other problem.
		b.error(
			0,
			`The text could not be read (internal error: ${e instanceof Error ? e.message : 'unknown'}).`,
			'Please report this paste as a bug.'
		);
	}
	finishKind(b);
	return b.build();
}

function detectAndImport(b: ImportBuilder, options: ImportOptions): void {
	const text = b.text;
	const trimmed = text.trim();
	if (trimmed === '') {
		b.error(0, 'The text is empty.', WHAT_TO_PASTE);
		return;
	}
	const lines = splitLines(text);
	const firstLine = lines.findIndex((l) => l.trim() !== '');
	const head = stripCr(lines[firstLine] ?? '').trim();

	if (/^[{[]/.test(trimmed)) {
		if (importJson(b, options)) return;
	}
	if (/^<(?:\?xml|!--|!DOCTYPE|(?!https?:)[A-Za-z_][\w.:-]*[\s>/])/i.test(trimmed)) {
		b.kind = 's3-error-xml';
		addXmlErrorBody(b, text, text.indexOf('<'));
		if (isServiceError(b)) b.kind = 'service-error-text';
		return;
	}
	if (/^HTTP\/\d(?:\.\d)? \d{3}\b/.test(head)) {
		const found = addEmbeddedError(b);
		b.kind = found === 'xml' ? 's3-error-xml' : 'service-error-text';
		if (!found) {
			b.kind = 'unknown';
			b.error(
				b.lines.lineStart(firstLine + 1),
				'This is an HTTP response without an AWS error body.',
				`Paste the request instead, or the whole response with its XML or JSON body. ${WHAT_TO_PASTE}`
			);
		} else if (isServiceError(b)) b.kind = 'service-error-text';
		return;
	}
	if (CURL_VERBOSE_MARKER.test(text)) {
		b.kind = 'curl-verbose';
		importCurlVerbose(b);
		return;
	}
	const curl = curlCommandStart(text);
	if (curl !== -1) {
		b.kind = 'curl';
		importCurlCommand(b, curl);
		return;
	}
	if (AWSCURL_MARKER.test(text)) {
		b.kind = 'awscurl-log';
		importAwscurlLog(b);
		return;
	}
	if (BOTOCORE_MARKER.test(text)) {
		b.kind = 'botocore-log';
		importBotocoreLog(b);
		return;
	}
	if (hasQuotedStages(text)) {
		b.kind = 'service-error-text';
		addServiceErrorMessage(b, text);
		return;
	}
	if (FETCH_START.test(text)) {
		b.kind = 'fetch';
		importFetchCall(b);
		return;
	}
	if (REQUEST_LINE.test(head)) {
		b.kind = 'raw-http';
		importRawHttp(b);
		return;
	}
	const url = /^["'<]?(https?:\/\/\S+?)["'>]?$/i.exec(trimmed);
	if (url) {
		importUrl(b, url[1]!);
		return;
	}
	if (STS_ALGORITHM.test(head)) {
		b.kind = 'string-to-sign';
		importStringToSign(b, firstLine);
		return;
	}
	if (METHOD_LINE.test(head) && /^\//.test(stripCr(lines[firstLine + 1] ?? ''))) {
		b.kind = 'canonical-request';
		importCanonicalRequest(b, firstLine);
		return;
	}
	if (importHeaderList(b, lines)) return;
	const fields = readFieldList(text);
	if (fields) {
		addPostFormFields(b, fields.fields, fields.how);
		if (b.kind !== 'post-form') {
			b.form = fields.fields;
			b.kind = 'post-form';
		}
		return;
	}
	if (/^[\w.-]+=[^&\s]*(?:&[\w.-]+=[^&\s]*)+$/.test(trimmed) && /(?:^|&)AWSAccessKeyId=/i.test(trimmed)) {
		b.kind = 'sigv2-request';
		addRequestEvidence(b, { method: 'POST', url: 'https://unknown.invalid/', headers: [], body: trimmed }, 'the parameters');
		b.note(
			'Query-API parameters with AWSAccessKeyId and Signature: Signature Version 2 style. SigV4 puts the signature in an Authorization header (or X-Amz-* parameters) instead.'
		);
		return;
	}
	if (importEmbedded(b, lines)) return;
	b.error(
		b.lines.lineStart(firstLine + 1) + (lines[firstLine]!.length - lines[firstLine]!.trimStart().length),
		'This text is not a format the debugger knows.',
		WHAT_TO_PASTE
	);
}

/** An XML error whose message quotes the stages (the query protocol), rather than S3's elements. */
function isServiceError(b: ImportBuilder): boolean {
	return b.server.message !== undefined && hasQuotedStages(b.server.message);
}

/** JSON: a HAR file, an SDK createPresignedPost result, or a service's error body. */
function importJson(b: ImportBuilder, options: ImportOptions): boolean {
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

function importUrl(b: ImportBuilder, url: string): void {
	const request: HttpRequest = { method: 'GET', url, headers: [] };
	b.request = request;
	b.kind = 'presigned-url';
	addRequestEvidence(b, request, 'the URL');
	if (b.mode === 'query')
		b.note('A URL alone does not say its method: it is imported as GET; change it if the URL was presigned for PUT or another method.');
	else {
		if (b.sigv2Fields) return;
		b.note('The URL carries no X-Amz-Signature: it is imported as a GET request to sign.');
	}
}

/**
 * "Authorization: AWS4-HMAC-SHA256 …" alone, its bare value, or a block of "Name: value" header
 * lines around it (X-Amz-Date and the session token are read too). A block with HTTP/2
 * pseudo-headers (:method, :path, :authority — what DevTools shows for HTTP/2) is a whole request.
 */
function importHeaderList(b: ImportBuilder, lines: string[]): boolean {
	const content = lines.map(stripCr).filter((l) => l.trim() !== '');
	const headerLike = content.every((l) => /^\s*["']?:?[\w-]+["']?\s*:/.test(l) || authorizationValueIn(l) !== undefined);
	if (!headerLike) return false;
	const all = content.map((l): [string, string] => {
		const a = authorizationValueIn(l);
		if (a && !/^\s*["']?authorization/i.test(l)) return ['Authorization', a.value];
		const colon = l.indexOf(':', l.trimStart().startsWith(':') ? l.indexOf(':') + 1 : 0);
		const name = l
			.slice(0, colon)
			.trim()
			.replace(/^["']|["']$/g, '');
		return [
			name,
			stripTrailing(
				l
					.slice(colon + 1)
					.trim()
					.replace(/^["']/, '')
			)
		];
	});
	const pseudo = (n: string): string | undefined => all.find(([name]) => name.toLowerCase() === n)?.[1];
	const headers = all.filter(([n]) => !n.startsWith(':'));
	const method = pseudo(':method');
	const path = pseudo(':path');
	const authority = pseudo(':authority') ?? headers.find(([n]) => n.toLowerCase() === 'host')?.[1];
	if (method && path && authority) {
		b.kind = 'raw-http';
		const request: HttpRequest = { method: method.toUpperCase(), url: `${pseudo(':scheme') ?? 'https'}://${authority}${path}`, headers };
		b.request = request;
		b.note('HTTP/2 request headers (:method, :path, :authority) read as a request; the body is not part of them.');
		addRequestEvidence(b, request, 'the request headers');
		return true;
	}
	const auth = content.map((l) => authorizationValueIn(l)).find((a) => a !== undefined);
	if (!auth) return false;
	b.kind = /^AWS\s/.test(auth.value.trim()) ? 'sigv2-request' : 'authorization-header';
	const host = headers.find(([n]) => n.toLowerCase() === 'host')?.[1];
	addRequestEvidence(b, { method: 'GET', url: `https://${host || 'unknown.invalid'}/`, headers }, 'the Authorization header');
	b.note(
		'Only headers were pasted: method, path and body are unknown, so the request cannot be rebuilt; the signature and scope are imported.'
	);
	return true;
}

/**
 * Last resort for a longer text (a forum post, a log of another tool): the first presigned URL,
 * Authorization value, error body, string to sign or canonical request found in it.
 */
function importEmbedded(b: ImportBuilder, lines: string[]): boolean {
	const text = b.text;
	const at = (offset: number): number => b.lines.at(offset).line;
	const presigned = /https?:\/\/[^\s"'<>]+[?&]X-Amz-Signature=[0-9a-fA-F]+[^\s"'<>]*/i.exec(text);
	if (presigned) {
		b.note(`Found a presigned URL at line ${at(presigned.index)} inside other text; the rest was not read.`);
		importUrl(b, presigned[0]);
		return true;
	}
	const xml = text.search(/<Error>/);
	if (xml !== -1 && /<Code>/.test(text.slice(xml))) {
		b.kind = 's3-error-xml';
		addEmbeddedError(b);
		b.note(`Found an AWS error body at line ${at(xml)} inside other text; the rest was not read.`);
		return true;
	}
	const auth = /AWS4-HMAC-SHA256 +Credential=[^\s,]+,? *SignedHeaders=[^\s,]+,? *Signature=[0-9a-fA-F]+/.exec(text);
	if (auth) {
		b.kind = 'authorization-header';
		addRequestEvidence(
			b,
			{ method: 'GET', url: 'https://unknown.invalid/', headers: [['Authorization', auth[0]]] },
			'the Authorization value',
			auth.index
		);
		b.note(`Found an Authorization value at line ${at(auth.index)} inside other text; the rest was not read.`);
		return true;
	}
	for (let i = 0; i < lines.length; i++) {
		const line = stripCr(lines[i]!).trim();
		if (STS_ALGORITHM.test(line) && /^\d{8}T\d{6}Z$/.test(stripCr(lines[i + 1] ?? '').trim())) {
			b.kind = 'string-to-sign';
			b.note(`Found a string to sign at line ${i + 1} inside other text; the rest was not read.`);
			importStringToSign(b, i);
			return true;
		}
		if (
			/^(GET|PUT|POST|HEAD|DELETE|PATCH|OPTIONS)$/.test(line) &&
			/^\//.test(stripCr(lines[i + 1] ?? '')) &&
			/:/.test(lines[i + 3] ?? lines[i + 2] ?? '')
		) {
			b.kind = 'canonical-request';
			b.note(`Found a canonical request at line ${i + 1} inside other text; the rest was not read.`);
			importCanonicalRequest(b, i);
			return true;
		}
	}
	return false;
}

/** SigV2 evidence without SigV4 makes the paste a SigV2 request, whatever carried it. */
function finishKind(b: ImportBuilder): void {
	if (b.sigv2Fields && b.sigv2Fields.length > 0) {
		if (b.mode === undefined && b.kind !== 'post-form' && b.kind !== 's3-error-xml' && b.kind !== 'unknown') {
			if (b.kind !== 'sigv2-request') b.note(`Recognised as a Signature Version 2 request (${b.sigv2Fields.map(([n]) => n).join(', ')}).`);
			b.kind = 'sigv2-request';
		} else if (b.mode !== undefined) {
			b.note(
				`Signature Version 2 fields (${b.sigv2Fields.map(([n]) => n).join(', ')}) sit next to the SigV4 signature; AWS reads one or the other, never both.`
			);
		}
	}
	if (b.kind === 'sigv2-request' && !b.notes.some((n) => /Signature Version 2/.test(n))) {
		b.note(
			'Signature Version 2 is deprecated; S3 accepts only SigV4 in regions opened after January 2014 and for SSE-KMS. Sign with AWS4-HMAC-SHA256.'
		);
	}
	if ((b.kind === 'canonical-request' || b.kind === 'string-to-sign') && b.text.includes('\r\n')) {
		b.note('The text has CRLF (Windows) line endings; they are kept as pasted, since a signer that writes CRLF is a cause of mismatch.');
	}
}
