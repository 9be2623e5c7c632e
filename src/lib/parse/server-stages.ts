import { addRequestFromCanonical, readCanonicalRequest } from './canonical-request-import.ts';
import type { ImportBuilder } from './import-builder.ts';
import { addStringToSignParams, STS_ALGORITHM, splitStringToSign } from './string-to-sign.ts';

/**
 * Records the server's canonical request and string to sign, and reads from them what they show:
 * the scope and time (string to sign) and the request as the server saw it (canonical request).
 */
export function addServerStages(b: ImportBuilder, canonicalRequest: string | undefined, stringToSign: string | undefined): void {
	if (stringToSign !== undefined) {
		const at = firstOf(b, ['<StringToSign>', 'String-to-Sign should have been', stringToSign.split('\n')[0]!]);
		b.within("the server's string to sign", at, () => addServerStringToSign(b, stringToSign));
	}
	if (canonicalRequest !== undefined) {
		b.setServer('canonicalRequest', canonicalRequest);
		const at = firstOf(b, ['<CanonicalRequest>', 'Canonical String for this request should have been', canonicalRequest.split('\n')[0]!]);
		const read = readCanonicalRequest(canonicalRequest.split('\n'), 0);
		if (read)
			b.within("the server's canonical request", at, () => addRequestFromCanonical(b, read.parts, "the server's canonical request"));
	}
}

/** Offset of the first of `needles` found in the paste (in that order of preference), else 0. */
function firstOf(b: ImportBuilder, needles: string[]): number {
	for (const n of needles) {
		const i = n === '' ? -1 : b.text.indexOf(n);
		if (i !== -1) return i;
	}
	return 0;
}

function addServerStringToSign(b: ImportBuilder, stringToSign: string): void {
	b.setServer('stringToSign', stringToSign);
	const algorithm = splitStringToSign(stringToSign).algorithm;
	if (STS_ALGORITHM.test(algorithm)) addStringToSignParams(b, stringToSign, "the server's string to sign");
	else if (/^eyJ/.test(stringToSign.trim())) {
		b.note(
			"The server's string to sign is a base64 POST policy: for a browser POST upload S3 signs the policy itself, with the SigV4 signing key."
		);
	} else if (/^(GET|PUT|POST|HEAD|DELETE)\n/.test(stringToSign)) {
		b.note(
			"The server's string to sign is a Signature Version 2 string (method, Content-MD5, Content-Type, date, resource): S3 verified the request as SigV2, which happens when SigV2 fields (AWSAccessKeyId, Signature) are sent."
		);
	}
}
