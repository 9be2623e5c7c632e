import { quotedStages } from './quoted-stages.ts';
import type { ImportBuilder, OffsetMap } from './import-builder.ts';
import { JsReader } from './js-literal.ts';
import { readAwsMessage } from './aws-message.ts';
import { addServerStages } from './server-stages.ts';

const identity: OffsetMap = (o) => o;
const MESSAGE_KEYS = ['message', 'Message', 'errorMessage', 'ErrorMessage'];
const CODE_KEYS = ['__type', 'code', 'Code', 'errorType', 'ErrorType', 'errorCode'];

/**
 * The text error of a JSON or query-protocol service (or an SDK exception that quotes it):
 * "The Canonical String for this request should have been '…' The String-to-Sign should have
 * been '…'". `source` is the JSON body or the plain text; `map` turns its offsets into the paste's.
 */
export function addServiceErrorMessage(b: ImportBuilder, source: string, map: OffsetMap = identity): void {
	let message: string | undefined;
	let messageAt = 0;
	let code: string | undefined;
	const trimmed = source.trimStart();
	if (trimmed.startsWith('{')) {
		let parsed: unknown;
		try {
			parsed = JSON.parse(source);
		} catch {
			const reader = new JsReader(source, source.length - trimmed.length);
			reader.value();
			for (const p of reader.problems.slice(0, 3)) b.error(map(p.offset), `The JSON is broken: ${lowerFirst(p.message)}`, p.fix);
		}
		const found = parsed && typeof parsed === 'object' ? pick(parsed as Record<string, unknown>) : undefined;
		if (found) {
			message = found.message;
			code = found.code;
			const key = source.search(/"(?:message|Message|errorMessage|ErrorMessage)"\s*:/);
			messageAt = key === -1 ? 0 : key;
		}
	}
	if (message === undefined) message = source;
	if (code === undefined) {
		const m =
			/An error occurred \(([A-Za-z]+)\)|\b(SignatureDoesNotMatch|InvalidSignatureException|IncompleteSignature|InvalidClientTokenId)\b/.exec(
				source
			);
		code = m?.[1] ?? m?.[2];
	}
	if (code) b.setServer('code', code.replace(/^.*#/, '').replace(/:.*$/, ''));
	const head = message.split(/\n\s*\n/)[0]!.trim();
	if (head !== '') b.setServer('message', head);
	const recognised = readAwsMessage(b, message, map(messageAt));

	const quoted = quotedStages(message);
	if (quoted.unterminated) {
		const markerAt =
			message === source ? ((quoted.unterminated === 'canonicalRequest' ? quoted.canonicalAt : quoted.stringToSignAt) ?? 0) : messageAt;
		b.error(
			map(markerAt),
			`The quoted ${quoted.unterminated === 'canonicalRequest' ? 'canonical string' : 'string to sign'} never ends with "'".`,
			'Paste the whole error message: it looks cut off.'
		);
	}
	if (quoted.unescaped) b.note('The error message had its line breaks written as "\\n"; they were turned back into line breaks.');
	addServerStages(b, quoted.canonicalRequest, quoted.stringToSign);
	if (quoted.canonicalRequest === undefined && quoted.stringToSign === undefined && !recognised) {
		b.note('The error does not quote the server’s canonical request or string to sign.');
	}
}

function pick(obj: Record<string, unknown>, depth = 0): { message?: string; code?: string } | undefined {
	if (depth > 4) return undefined;
	const out: { message?: string; code?: string } = {};
	for (const k of MESSAGE_KEYS) if (typeof obj[k] === 'string' && out.message === undefined) out.message = obj[k] as string;
	for (const k of CODE_KEYS) if (typeof obj[k] === 'string' && out.code === undefined) out.code = obj[k] as string;
	for (const nested of ['Error', 'error', 'errors']) {
		const inner = obj[nested];
		const candidate = Array.isArray(inner) ? inner[0] : inner;
		if (candidate && typeof candidate === 'object') {
			const more = pick(candidate as Record<string, unknown>, depth + 1);
			out.message ??= more?.message;
			out.code ??= more?.code;
		}
	}
	return out.message !== undefined || out.code !== undefined ? out : undefined;
}

function lowerFirst(s: string): string {
	return s.charAt(0).toLowerCase() + s.slice(1);
}
