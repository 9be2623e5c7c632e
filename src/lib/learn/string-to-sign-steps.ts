import { ALGORITHM, credentialScope } from '../sigv4/index.ts';
import { DOC_URLS } from './doc-urls.ts';
import type { LearnContext } from './learn-context.ts';
import { stringToSignLine } from './string-to-sign-line.ts';
import type { LearnStep } from './types.ts';

/** The hash of the canonical request, then the string to sign line by line. */
export function stringToSignSteps(lc: LearnContext, canonicalRequest: string): LearnStep[] {
	const { params, trace } = lc;
	// Every value here is computed from the inputs, except the hash: SHA-256 is asynchronous (WebCrypto).
	const hash = trace.canonicalRequestHash;
	const date = params.datetime.slice(0, 8);
	const scope = credentialScope(date, params.region, params.service);
	const parts = [ALGORITHM, params.datetime, scope, hash];
	const at = stringToSignLine(parts);
	const where = trace.mode === 'query' ? 'the X-Amz-Date parameter' : 'the X-Amz-Date header';
	const hour = Number(params.datetime.slice(9, 11));

	return [
		{
			id: lc.ids.take('canonical-request-hash'),
			title: 'Hash of the canonical request',
			reads: canonicalRequest,
			output: hash,
			highlight: at(3),
			explanation:
				"The SHA-256 of the canonical request's UTF-8 bytes, written as 64 lowercase hex digits (not base64). " +
				'It becomes the last line of the string to sign.',
			docUrl: DOC_URLS.canonicalRequestHash,
			mistakes: ['hash-base64-not-hex', 'hex-uppercase', 'raw-canonical-request-in-sts']
		},
		{
			id: lc.ids.take('sts-algorithm'),
			title: 'String to sign: algorithm',
			reads: '',
			output: ALGORITHM,
			highlight: at(0),
			explanation: 'Line 1 of the string to sign names the algorithm: AWS4-HMAC-SHA256, Signature Version 4 with HMAC-SHA256.',
			docUrl: DOC_URLS.stringToSign,
			mistakes: ['algorithm-line-wrong']
		},
		{
			id: lc.ids.take('sts-datetime'),
			title: 'String to sign: request time',
			reads: params.datetime,
			output: params.datetime,
			highlight: at(1),
			explanation:
				`Line 2 is the signing time in UTC as YYYYMMDD'T'HHMMSS'Z', the same value as ${where}. ` +
				`The hours run on a 24-hour clock${hour >= 12 ? ` (here ${String(hour).padStart(2, '0')}, not ${String(hour - 12 || 12).padStart(2, '0')})` : ''}.`,
			docUrl: DOC_URLS.stringToSign,
			mistakes: ['timestamp-12-hour-clock', 'timestamp-malformed', 'timestamp-mismatch']
		},
		{
			id: lc.ids.take('sts-scope'),
			title: 'String to sign: credential scope',
			reads: [date, params.region, params.service].join('\n'),
			output: scope,
			highlight: at(2),
			explanation:
				`Line 3 is the credential scope: the date of line 2 without the time (${date}), the region (${params.region}), ` +
				`the signing name of the service (${params.service}) and "aws4_request", joined with "/". ` +
				`The same scope follows the access key ID in ${trace.mode === 'query' ? 'X-Amz-Credential' : 'Credential='}, and the key chain is derived from it.`,
			docUrl: DOC_URLS.stringToSign,
			mistakes: ['timestamp-scope-date-mismatch', 'scope-region-mismatch', 'scope-service-mismatch', 'scope-terminator-wrong']
		},
		{
			id: lc.ids.take('sts-hash'),
			title: 'String to sign: canonical request hash',
			reads: hash,
			output: hash,
			highlight: at(3),
			explanation: 'Line 4 is the hex hash of the canonical request. The four lines are joined with a newline, with no newline at the end.',
			docUrl: DOC_URLS.stringToSign,
			mistakes: ['hash-base64-not-hex', 'hex-uppercase', 'raw-canonical-request-in-sts', 'string-to-sign-differs']
		}
	];
}
