import { ALGORITHM, ALGORITHM_V4A, sha256Hex, type SigningTraceV4a } from '../../sigv4/index.ts';
import { quote } from '../../findings/index.ts';
import { checkLineEnds } from '../compare/canonical-request.ts';
import type { FindingList } from '../finding-list.ts';
import type { UserTexts } from '../user-texts.ts';

/** The user's SigV4a string to sign against the correct one, line by line. */
export async function compareStringToSignV4a(text: string, trace: SigningTraceV4a, texts: UserTexts, list: FindingList): Promise<void> {
	checkLineEnds(text, 'string-to-sign', list);
	const lines = text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
	if (lines.join('\n') === trace.stringToSign) return;
	const [algorithm = '', timestamp = '', scope = '', hash = ''] = lines;

	if (algorithm === ALGORITHM) {
		list.add('sigv4-sigv4a-confusion', {
			stage: 'string-to-sign',
			line: 1,
			message: `Line 1 of your string to sign is ${ALGORITHM}, SigV4's; this request is SigV4a (${ALGORITHM_V4A}).`,
			fix: `Start the string to sign with ${ALGORITHM_V4A}, and sign it with the ECDSA key, not an HMAC key.`
		});
	} else if (algorithm !== ALGORITHM_V4A) {
		list.add('algorithm-line-wrong', {
			line: 1,
			message: `Line 1 of your string to sign is ${quote(algorithm)}, not ${ALGORITHM_V4A}.`,
			fix: `Start the string to sign with the line ${ALGORITHM_V4A}.`
		});
	}
	if (timestamp !== trace.datetime) {
		list.add('timestamp-mismatch', {
			line: 2,
			message: `Line 2 of your string to sign is ${quote(timestamp)}; the request's X-Amz-Date is ${trace.datetime}.`,
			fix: 'Use the same timestamp as X-Amz-Date.'
		});
	}
	if (scope !== trace.credentialScope) {
		const parts = scope.split('/');
		const [date, , service, terminator] = parts;
		const withRegion = parts.length === 4 && `${date}/${service}/${terminator}` === trace.credentialScope;
		list.add(withRegion ? 'sigv4a-scope-has-region' : 'string-to-sign-differs', {
			stage: 'string-to-sign',
			line: 3,
			message: withRegion
				? `Line 3 of your string to sign, ${quote(scope)}, has a region; a SigV4a scope has none (the region set is signed as x-amz-region-set instead).`
				: `Line 3 of your string to sign is ${quote(scope)}; the SigV4a scope is ${trace.credentialScope}.`,
			fix: `Write the scope as date/service/aws4_request: ${trace.credentialScope}.`
		});
	}
	if (hash !== trace.canonicalRequestHash) {
		// The hash of their own canonical request: its differences are named there, not here.
		const own = texts.user ? await sha256Hex(texts.user.lines.join('\n').replace(/\n$/, '')) : undefined;
		if (hash !== own) {
			list.add('string-to-sign-differs', {
				line: 4,
				message: `Line 4 of your string to sign, ${quote(hash, 70)}, is not the hash of the correct canonical request (${trace.canonicalRequestHash}).`,
				fix: 'Put the lowercase hex SHA-256 of the canonical request on line 4.'
			});
		}
	}
}
