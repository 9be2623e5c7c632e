import { importCanonicalRequest, importStringToSign } from './bare-stages.ts';
import { addEmbeddedError } from './embedded-error.ts';
import type { ImportBuilder } from './import-builder.ts';
import { addRequestEvidence } from './request-evidence.ts';
import { STS_ALGORITHM } from './string-to-sign.ts';
import { stripCr } from './text-position.ts';
import { importUrl } from './url-import.ts';

/**
 * Last resort for a longer text (a forum post, a log of another tool): the first presigned URL,
 * Authorization value, error body, string to sign or canonical request found in it.
 */
export function importEmbedded(b: ImportBuilder, lines: string[]): boolean {
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
