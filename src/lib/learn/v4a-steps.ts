import { ALGORITHM_V4A, publicKeyText, type SigningTraceV4a } from '../sigv4/index.ts';
import { DOC_URLS } from './doc-urls.ts';
import type { LearnContext } from './learn-context.ts';
import { stringToSignLine } from './string-to-sign-line.ts';
import type { LearnStep } from './types.ts';

/** The hash, then the string to sign line by line, as SigV4's but with ECDSA's name and a scope without region. */
export function stringToSignStepsV4a(lc: LearnContext, trace: SigningTraceV4a, canonicalRequest: string): LearnStep[] {
	const parts = [ALGORITHM_V4A, trace.datetime, trace.credentialScope, trace.canonicalRequestHash];
	const at = stringToSignLine(parts);
	const where = trace.mode === 'query' ? 'X-Amz-Region-Set parameter' : 'x-amz-region-set header';
	return [
		{
			id: lc.ids.take('canonical-request-hash'),
			title: 'Hash of the canonical request',
			reads: canonicalRequest,
			output: trace.canonicalRequestHash,
			highlight: at(3),
			explanation: "The SHA-256 of the canonical request's UTF-8 bytes, 64 lowercase hex digits, as in SigV4.",
			docUrl: DOC_URLS.canonicalRequestHash,
			mistakes: ['hash-base64-not-hex', 'hex-uppercase', 'raw-canonical-request-in-sts']
		},
		{
			id: lc.ids.take('sts-algorithm'),
			title: 'String to sign: algorithm',
			reads: '',
			output: ALGORITHM_V4A,
			highlight: at(0),
			explanation: `Line 1 names the algorithm: ${ALGORITHM_V4A}, SigV4a, an ECDSA signature on the P-256 curve over SHA-256 (not an HMAC).`,
			docUrl: DOC_URLS.sigv4a,
			mistakes: ['sigv4-sigv4a-confusion', 'algorithm-line-wrong']
		},
		{
			id: lc.ids.take('sts-datetime'),
			title: 'String to sign: request time',
			reads: trace.datetime,
			output: trace.datetime,
			highlight: at(1),
			explanation: "Line 2 is the signing time in UTC as YYYYMMDD'T'HHMMSS'Z', the same value as X-Amz-Date.",
			docUrl: DOC_URLS.stringToSign,
			mistakes: ['timestamp-malformed', 'timestamp-mismatch']
		},
		{
			id: lc.ids.take('sts-scope'),
			title: 'String to sign: credential scope',
			reads: [trace.date, lc.params.service].join('\n'),
			output: trace.credentialScope,
			highlight: at(2),
			explanation:
				`Line 3 is the SigV4a scope: the date, the signing name of the service and "aws4_request" — no region. ` +
				`The regions the signature is valid in are signed in the ${where} instead.`,
			docUrl: DOC_URLS.sigv4a,
			mistakes: ['sigv4a-scope-has-region', 'scope-service-mismatch', 'timestamp-scope-date-mismatch']
		},
		{
			id: lc.ids.take('sts-hash'),
			title: 'String to sign: canonical request hash',
			reads: trace.canonicalRequestHash,
			output: trace.canonicalRequestHash,
			highlight: at(3),
			explanation: 'Line 4 is the hex hash of the canonical request; the four lines are joined with a newline, none at the end.',
			docUrl: DOC_URLS.stringToSign,
			mistakes: ['string-to-sign-differs']
		}
	];
}

/** The key pair, derived once from the credentials (no date, region or service in it), and the ECDSA signature. */
export function keyAndSignatureStepsV4a(lc: LearnContext, trace: SigningTraceV4a): LearnStep[] {
	const key = publicKeyText(trace.publicKey);
	return [
		{
			id: lc.ids.take('key-pair'),
			title: 'Key pair',
			reads: 'access key ID + secret access key',
			output: key,
			highlight: { pane: 'signingKey', start: 0, end: key.length },
			explanation:
				'SigV4a derives one ECDSA P-256 private key from the access key ID and the secret: HMAC-SHA256 keyed with "AWS4A" + secret over a ' +
				'counter and the access key ID, the first result below the curve order (minus one) plus one. It does not depend on the date, ' +
				'the region or the service, so it is never shown; the public key is what AWS checks the signature with.',
			docUrl: DOC_URLS.sigv4a,
			mistakes: ['sigv4a-signature-invalid']
		},
		{
			id: lc.ids.take('signature'),
			title: 'Signature',
			reads: 'key: the private key\ndata: the string to sign',
			output: trace.signature,
			highlight: { pane: 'signature', start: 0, end: trace.signature.length },
			explanation:
				'ECDSA P-256 over the SHA-256 of the string to sign, written as hex of its DER encoding (140 to 144 digits). ECDSA is random: ' +
				'signing twice gives two different signatures, both valid, so AWS (and this page) verify a signature with the public key instead of comparing it.',
			docUrl: DOC_URLS.sigv4a,
			mistakes: ['sigv4a-signature-invalid', 'sigv4-sigv4a-confusion']
		}
	];
}
