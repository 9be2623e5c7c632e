import { importCanonicalRequest, importStringToSign } from './bare-stages.ts';
import { addEmbeddedError, addMessageLine } from './embedded-error.ts';
import type { ImportBuilder } from './import-builder.ts';
import { addRequestEvidence } from './request-evidence.ts';
import { addSigningKeys } from './signing-keys.ts';
import { STS_ALGORITHM } from './string-to-sign.ts';
import { stripCr } from './text-position.ts';
import type { ImportKind } from './types.ts';
import { importUrl } from './url-import.ts';

/**
 * The first presigned URL in the text: from the first "https://" (or ws://) of a word (a run
 * without white space, quotes or angle brackets) with [?&]X-Amz-Signature=<hex> after it, to the
 * word's end. Word by word, since one regular expression over the text retried every "https://"
 * to the end of its word (2 s for 100 KB of repeated URL starts).
 */
function presignedInText(text: string): { index: number; 0: string } | undefined {
	const words = /[^\s"'<>]+/g;
	for (let w = words.exec(text); w; w = words.exec(text)) {
		const scheme = /(?:https?|wss?):\/\//i.exec(w[0]);
		if (!scheme) continue;
		const after = scheme.index + scheme[0].length + 1;
		if (!/[?&]X-Amz-Signature=[0-9a-fA-F]/i.test(w[0].slice(after))) continue;
		return { index: w.index + scheme.index, 0: w[0].slice(scheme.index) };
	}
	return undefined;
}
const AUTH_IN_TEXT = /AWS4-HMAC-SHA256 +Credential=[^\s,]+,? *SignedHeaders=[^\s,]+,? *Signature=[0-9a-fA-F]+/;
const METHOD_ALONE = /^(GET|PUT|POST|HEAD|DELETE|PATCH|OPTIONS)$/;

/** Where an XML error body sits in the text (its lines are the server's, not the user's). */
function xmlRange(text: string): [number, number] | undefined {
	const start = text.search(/<\?xml|<Error>|<ErrorResponse[\s>]|<Response>\s*<Errors>/);
	if (start === -1 || !/<Code>/.test(text.slice(start))) return undefined;
	const close = /<\/(?:ErrorResponse|Response|Error)>/g;
	let end = text.length;
	for (let m = close.exec(text); m; m = close.exec(text)) if (m.index > start) end = m.index + m[0].length;
	return [start, end];
}

/**
 * A longer text (a forum post, a log of another tool, a request and its error pasted together):
 * reads everything it holds: a presigned URL or an Authorization value, the user's canonical
 * request and string to sign, and the server's error (an XML or JSON body, or a one-line message).
 */
export function importEmbedded(b: ImportBuilder, lines: string[]): boolean {
	const text = b.text;
	const at = (offset: number): number => b.lines.at(offset).line;
	const found: string[] = [];
	const kinds: ImportKind[] = [];
	const xml = xmlRange(text);
	const inXml = (offset: number) => xml !== undefined && offset >= xml[0] && offset < xml[1];

	const presigned = presignedInText(text);
	if (presigned && !inXml(presigned.index)) {
		importUrl(b, presigned[0]);
		kinds.push('presigned-url');
		found.push(`a presigned URL (line ${at(presigned.index)})`);
	}
	const auth = AUTH_IN_TEXT.exec(text);
	if (auth && !presigned) {
		addRequestEvidence(
			b,
			{ method: 'GET', url: 'https://unknown.invalid/', headers: [['Authorization', auth[0]]] },
			'the Authorization value',
			auth.index
		);
		kinds.push('authorization-header');
		found.push(`an Authorization value (line ${at(auth.index)})`);
	}
	let crFound = false;
	let stsFound = false;
	for (let i = 0; i < lines.length; i++) {
		const lineAt = b.lines.lineStart(i + 1);
		if (inXml(lineAt)) continue;
		const line = stripCr(lines[i]!).trim();
		if (!stsFound && STS_ALGORITHM.test(line) && /^\d{8}T\d{6}Z$/.test(stripCr(lines[i + 1] ?? '').trim())) {
			stsFound = true;
			importStringToSign(b, i, false);
			kinds.push('string-to-sign');
			found.push(`a string to sign (line ${i + 1})`);
			i += 3;
		} else if (
			!crFound &&
			METHOD_ALONE.test(line) &&
			/^\//.test(stripCr(lines[i + 1] ?? '')) &&
			/:/.test(lines[i + 3] ?? lines[i + 2] ?? '')
		) {
			crFound = true;
			const before = b.provided.stringToSign;
			const end = importCanonicalRequest(b, i, false);
			kinds.push('canonical-request');
			found.push(`a canonical request (line ${i + 1})`);
			if (before === undefined && b.provided.stringToSign !== undefined) {
				stsFound = true;
				found.push('the string to sign after it');
			}
			i = Math.max(i, end - 1);
		}
	}
	if (b.provided.signingKeys === undefined && addSigningKeys(b)) {
		kinds.push('signing-keys');
		found.push('signing keys');
	}
	const error = addEmbeddedError(b) ?? (addMessageLine(b, 0) ? 'text' : undefined);
	if (error) {
		kinds.push(error === 'xml' ? 's3-error-xml' : 'service-error-text');
		found.push(`an AWS error ${error === 'xml' ? 'body' : 'message'}${xml ? ` (line ${at(xml[0])})` : ''}`);
	}
	if (kinds.length === 0) return false;
	// The request, else the user's stages, else the server's word names the paste.
	const order: ImportKind[] = [
		'presigned-url',
		'canonical-request',
		'authorization-header',
		'string-to-sign',
		's3-error-xml',
		'service-error-text',
		'signing-keys'
	];
	b.kind = order.find((k) => kinds.includes(k))!;
	if (found.length > 1 || text.trim().split('\n').length > 1) b.note(`Read from the text: ${found.join(', ')}.`);
	return true;
}
