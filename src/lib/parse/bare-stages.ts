import { addRequestFromCanonical, readCanonicalRequest } from './canonical-request-import.ts';
import { addTrailingError } from './embedded-error.ts';
import type { ImportBuilder } from './import-builder.ts';
import { addSigningKeys } from './signing-keys.ts';
import { addStringToSignParams, readStringToSign } from './string-to-sign.ts';
import { splitLines, stripCr } from './text-position.ts';

/** What follows the user's stages: their signing keys, the server's error. Whether anything was read. */
function readTrailing(b: ImportBuilder, from: number): boolean {
	const keys = addSigningKeys(b, from) !== undefined;
	return addTrailingError(b, from) !== undefined || keys;
}

function skipBlank(lines: string[], i: number): number {
	while (i < lines.length && stripCr(lines[i]!).trim() === '') i++;
	return i;
}

/**
 * A canonical request pasted on its own, maybe followed by the string to sign and a signature
 * (people paste what their code printed, in order). The text is kept exactly as pasted, CR
 * characters included: a signer that joins lines with CRLF is one of the causes to find.
 */
export function importCanonicalRequest(b: ImportBuilder, startLine: number, alone = true): number {
	return b.within('your canonical request', b.lines.lineStart(startLine + 1), () => readCanonicalAt(b, startLine, alone));
}

/** Returns the index of the first line after what was read. */
function readCanonicalAt(b: ImportBuilder, startLine: number, alone: boolean): number {
	const lines = splitLines(b.text);
	const read = readCanonicalRequest(lines, startLine);
	if (!read) return startLine + 1;
	b.setProvided('canonicalRequest', read.text, 'the canonical request');
	const count = read.end - startLine;
	if (read.parts.payloadHash === undefined) {
		b.error(
			b.lines.lineStart(read.end) + stripCr(lines[read.end - 1] ?? '').length,
			`The canonical request ends after ${count} lines, before its ${read.parts.signedHeaders === undefined ? 'signed headers and payload hash lines' : 'payload hash line'}.`,
			'A canonical request is: method, path, query, one line per header, a blank line, the signed headers (a;b;c), the payload hash.'
		);
	}
	if (read.parts.missingBlank)
		b.note(
			'There is no blank line between the headers and the signed headers (the canonical headers each end with "\\n", then one more "\\n" follows).'
		);
	let i = skipBlank(lines, read.end);
	const sts = readStringToSign(lines, i);
	if (sts) {
		b.setProvided('stringToSign', sts.text, 'the string to sign after the canonical request');
		b.within('your string to sign', b.lines.lineStart(i + 1), () => addStringToSignParams(b, sts.text, 'the string to sign'));
		b.note('A string to sign follows the canonical request; both are imported.');
		i = skipBlank(lines, sts.end);
	}
	const sig = stripCr(lines[i] ?? '').trim();
	if (/^(?:signature\s*[:=]\s*)?[0-9a-fA-F]{64}$/i.test(sig)) {
		b.setProvided('signature', sig.replace(/^signature\s*[:=]\s*/i, ''), 'the last line');
		i = skipBlank(lines, i + 1);
	}
	if (alone && i < lines.length && !readTrailing(b, b.lines.lineStart(i + 1)))
		b.note(`Text after line ${read.end} was not read as part of the canonical request.`);
	addRequestFromCanonical(b, read.parts, 'the canonical request');
	return i;
}

/** A string to sign on its own (maybe followed by the signature). */
export function importStringToSign(b: ImportBuilder, startLine: number, alone = true): void {
	b.within('your string to sign', b.lines.lineStart(startLine + 1), () => readStringToSignAt(b, startLine, alone));
}

function readStringToSignAt(b: ImportBuilder, startLine: number, alone: boolean): void {
	const lines = splitLines(b.text);
	const read = readStringToSign(lines, startLine);
	if (!read) return;
	b.setProvided('stringToSign', read.text, 'the string to sign');
	const count = read.end - startLine;
	if (count < 4) {
		const last = lines[read.end - 1] ?? '';
		b.error(
			b.lines.lineStart(read.end) + stripCr(last).length,
			`The string to sign has ${count} line${count === 1 ? '' : 's'}; it needs 4: algorithm, timestamp, scope, hash of the canonical request.`,
			'Write AWS4-HMAC-SHA256, then YYYYMMDDTHHMMSSZ, then YYYYMMDD/region/service/aws4_request, then the hex SHA-256 of the canonical request.'
		);
	}
	addStringToSignParams(b, read.text, 'the string to sign');
	let i = skipBlank(lines, read.end);
	const sig = stripCr(lines[i] ?? '').trim();
	if (/^(?:signature\s*[:=]\s*)?[0-9a-fA-F]{64}$/i.test(sig)) {
		b.setProvided('signature', sig.replace(/^signature\s*[:=]\s*/i, ''), 'the last line');
		i = skipBlank(lines, i + 1);
	}
	if (alone && i < lines.length && !readTrailing(b, b.lines.lineStart(i + 1)))
		b.note(`Text after line ${read.end} was not read as part of the string to sign.`);
}
