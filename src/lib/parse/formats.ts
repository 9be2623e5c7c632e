import { findAppSyncSubprotocol, importAppSyncSubprotocol } from './appsync-subprotocol.ts';
import { decodeAuthToken } from './auth-token.ts';
import { importAuthToken } from './auth-token-import.ts';
import { importCanonicalRequest, importStringToSign } from './bare-stages.ts';
import { METHOD_LINE } from './canonical-request-import.ts';
import { AWSCURL_MARKER, importAwscurlLog } from './awscurl-log.ts';
import { BOTOCORE_MARKER, importBotocoreLog } from './botocore-log.ts';
import { curlCommandStart, importCurlCommand } from './curl-command.ts';
import { CURL_VERBOSE_MARKER, importCurlVerbose } from './curl-verbose.ts';
import { knownMessage } from './aws-message.ts';
import { addEmbeddedError, addTrailingError } from './embedded-error.ts';
import { importEmbedded } from './embedded-import.ts';
import { addXmlErrorBody } from './error-body.ts';
import { FETCH_START, importFetchCall } from './fetch-call.ts';
import { importHeaderList } from './header-list-import.ts';
import type { ImportBuilder } from './import-builder.ts';
import { importJson } from './json-import.ts';
import { addPostFormFields, readFieldList } from './post-form.ts';
import { importHtmlForm, looksLikeHtmlForm } from './html-form.ts';
import { hasQuotedStages } from './quoted-stages.ts';
import { importRawHttp, REQUEST_LINE } from './raw-http-import.ts';
import { addRequestEvidence } from './request-evidence.ts';
import { addServiceErrorMessage } from './service-error.ts';
import { hasSigningKeys, importSigningKeys } from './signing-keys.ts';
import { STS_ALGORITHM } from './string-to-sign.ts';
import { splitLines, stripCr } from './text-position.ts';
import type { ImportKind, ImportOptions } from './types.ts';
import { importUrl } from './url-import.ts';
import { WHAT_TO_PASTE } from './what-to-paste.ts';

/** The pasted text, with what every detector looks at first. */
export interface Paste {
	b: ImportBuilder;
	options: ImportOptions;
	text: string;
	trimmed: string;
	lines: string[];
	/** Index of the first non-blank line, and that line trimmed. */
	firstLine: number;
	head: string;
}

/**
 * A format the importer knows. `detect` looks; `read` imports and says whether the paste was
 * taken (a reader may decline, e.g. JSON that is none of the JSON formats, and let the next try).
 */
export interface Format {
	kind: ImportKind | 'json' | 'header-list' | 'embedded';
	detect(p: Paste): boolean;
	read(p: Paste): boolean;
}

/** An XML error whose message quotes the stages (the query protocol), rather than S3's elements. */
function isServiceError(b: ImportBuilder): boolean {
	return b.server.message !== undefined && hasQuotedStages(b.server.message);
}

/** Runs a reader that always takes the paste, as the given kind. */
function as(kind: ImportKind, read: (p: Paste) => void): (p: Paste) => boolean {
	return (p) => {
		p.b.kind = kind;
		read(p);
		return true;
	};
}

const PRESIGNED_OR_PLAIN_URL = /^["'<]?((?:https?|wss?):\/\/\S+?)["'>]?$/i;
/** Response headers (as DevTools copies them, no status line), a blank line, then an XML or JSON body. */
const HEADERS_THEN_BODY = /^(?:[ \t]*[\w-]+:[^\n]*\n){1,60}[ \t]*\r?\n\s*[{<]/;
const SIGV2_QUERY_PARAMS = /^[\w.-]+=[^&\s]*(?:&[\w.-]+=[^&\s]*)+$/;

/** In order: the first whose detector matches (and whose reader takes the paste) wins. */
/** A log line's bracketed prefix ("[Nest] 31 - …", "[ERROR] …", "[2026-12-06 10:15:42] …"): a log, not a JSON array. */
const LOG_LINE_PREFIX = /^\[(?:[A-Za-z][^\]\n]*|\d{4}-\d{2}-\d{2}[^\]\n]*)\][ \t]*\S/;

export const FORMATS: readonly Format[] = [
	// Login tokens first: an EKS token may sit inside JSON (ExecCredential), a Neptune one is JSON, an RDS one looks like a URL.
	{
		kind: 'auth-token',
		detect: (p) => decodeAuthToken(p.text) !== undefined,
		read: ({ b, text }) => {
			importAuthToken(b, decodeAuthToken(text)!);
			return true;
		}
	},
	// Before raw HTTP and code: a request or a line of code that opens an AppSync Events WebSocket is read for its header- subprotocol.
	{
		kind: 'appsync-realtime',
		detect: (p) => findAppSyncSubprotocol(p.text) !== undefined,
		read: as('appsync-realtime', ({ b, text }) => importAppSyncSubprotocol(b, findAppSyncSubprotocol(text)!))
	},
	{ kind: 'json', detect: (p) => /^[{[]/.test(p.trimmed) && !LOG_LINE_PREFIX.test(p.trimmed), read: (p) => importJson(p.b, p.options) },
	{ kind: 'post-form', detect: (p) => looksLikeHtmlForm(p.text), read: ({ b }) => importHtmlForm(b) },
	{
		kind: 's3-error-xml',
		detect: (p) => /^<(?:\?xml|!--|!DOCTYPE|(?!https?:)[A-Za-z_][\w.:-]*[\s>/])/i.test(p.trimmed),
		read: as('s3-error-xml', ({ b, text }) => {
			addXmlErrorBody(b, text, text.indexOf('<'));
			if (isServiceError(b)) b.kind = 'service-error-text';
		})
	},
	{
		kind: 'service-error-text',
		detect: (p) => /^HTTP\/\d(?:\.\d)? \d{3}\b/.test(p.head),
		read: ({ b, firstLine }) => {
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
			return true;
		}
	},
	{ kind: 'curl-verbose', detect: (p) => CURL_VERBOSE_MARKER.test(p.text), read: as('curl-verbose', ({ b }) => importCurlVerbose(b)) },
	{
		kind: 'curl',
		detect: (p) => curlCommandStart(p.text) !== -1,
		read: as('curl', ({ b, text }) => {
			const end = importCurlCommand(b, curlCommandStart(text));
			if (end > 0 && end < text.length) addTrailingError(b, end);
		})
	},
	{ kind: 'awscurl-log', detect: (p) => AWSCURL_MARKER.test(p.text), read: as('awscurl-log', ({ b }) => importAwscurlLog(b)) },
	{ kind: 'botocore-log', detect: (p) => BOTOCORE_MARKER.test(p.text), read: as('botocore-log', ({ b }) => importBotocoreLog(b)) },
	{
		kind: 'service-error-text',
		detect: (p) => hasQuotedStages(p.text),
		read: as('service-error-text', ({ b, text }) => addServiceErrorMessage(b, text))
	},
	{ kind: 'fetch', detect: (p) => FETCH_START.test(p.text), read: as('fetch', ({ b }) => importFetchCall(b)) },
	{ kind: 'raw-http', detect: (p) => REQUEST_LINE.test(p.head), read: as('raw-http', ({ b }) => importRawHttp(b)) },
	{
		kind: 'presigned-url',
		detect: (p) => PRESIGNED_OR_PLAIN_URL.test(p.trimmed),
		read: ({ b, trimmed }) => {
			importUrl(b, PRESIGNED_OR_PLAIN_URL.exec(trimmed)![1]!);
			return true;
		}
	},
	{
		kind: 'string-to-sign',
		detect: (p) => STS_ALGORITHM.test(p.head),
		read: as('string-to-sign', ({ b, firstLine }) => importStringToSign(b, firstLine))
	},
	{
		kind: 'canonical-request',
		detect: (p) => METHOD_LINE.test(p.head) && /^\//.test(stripCr(p.lines[p.firstLine + 1] ?? '')),
		read: as('canonical-request', ({ b, firstLine }) => importCanonicalRequest(b, firstLine))
	},
	{ kind: 'signing-keys', detect: (p) => hasSigningKeys(p.text), read: ({ b }) => importSigningKeys(b, importEmbedded) },
	{ kind: 'header-list', detect: () => true, read: ({ b, lines }) => importHeaderList(b, lines) },
	{
		kind: 'post-form',
		detect: () => true,
		read: ({ b, text }) => {
			const fields = readFieldList(text);
			if (!fields) return false;
			addPostFormFields(b, fields.fields, fields.how);
			if (b.kind !== 'post-form') {
				b.form = fields.fields;
				b.kind = 'post-form';
			}
			return true;
		}
	},
	{
		kind: 'embedded',
		detect: (p) => knownMessage(p.text) !== undefined || HEADERS_THEN_BODY.test(p.text),
		read: ({ b, lines }) => importEmbedded(b, lines)
	},
	{
		kind: 'sigv2-request',
		detect: (p) => SIGV2_QUERY_PARAMS.test(p.trimmed) && /(?:^|&)AWSAccessKeyId=/i.test(p.trimmed),
		read: as('sigv2-request', ({ b, trimmed }) => {
			addRequestEvidence(b, { method: 'POST', url: 'https://unknown.invalid/', headers: [], body: trimmed }, 'the parameters');
			b.note(
				'Query-API parameters with AWSAccessKeyId and Signature: Signature Version 2 style. SigV4 puts the signature in an Authorization header (or X-Amz-* parameters) instead.'
			);
		})
	},
	{ kind: 'embedded', detect: () => true, read: ({ b, lines }) => importEmbedded(b, lines) }
];

/** Reads the paste as the first format that takes it; none taking it is an error at its first line. */
export function detectAndImport(b: ImportBuilder, options: ImportOptions): void {
	const text = b.text;
	const trimmed = text.trim();
	if (trimmed === '') {
		b.error(0, 'The text is empty.', WHAT_TO_PASTE);
		return;
	}
	const lines = splitLines(text);
	const firstLine = lines.findIndex((l) => l.trim() !== '');
	const paste: Paste = { b, options, text, trimmed, lines, firstLine, head: stripCr(lines[firstLine] ?? '').trim() };
	for (const format of FORMATS) if (format.detect(paste) && format.read(paste)) return;
	b.error(
		b.lines.lineStart(firstLine + 1) + (lines[firstLine]!.length - lines[firstLine]!.trimStart().length),
		'This text is not a format the debugger knows.',
		WHAT_TO_PASTE
	);
}
