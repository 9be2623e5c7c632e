import type { FindingCode } from '../findings/index.ts';
import { headerLine, EMPTY_SHA256, UNSIGNED_PAYLOAD } from '../sigv4/index.ts';
import { inBlock, type CanonicalBlock } from './canonical-block.ts';
import type { LearnContext } from './learn-context.ts';

/** Enough of a body to recognize it; a large upload would swamp the step. */
const BODY_SHOWN = 2000;

function bodyText(body: string | Uint8Array | undefined): string {
	if (body === undefined || body.length === 0) return '';
	if (typeof body !== 'string') return `[${body.length} bytes of binary body]`;
	return body.length > BODY_SHOWN ? `${body.slice(0, BODY_SHOWN)}… (${body.length - BODY_SHOWN} more characters)` : body;
}

/** The last line: the payload hash, and where it came from (the same choice, in the same order, as the signer). */
export function payloadStep(lc: LearnContext): CanonicalBlock {
	const { params, ctx, trace, request } = lc;
	let reads = '';
	let says: string;
	let output: string;
	const mistakes: FindingCode[] = ['payload-hash-mismatch', 'payload-hash-base64', 'payload-hash-uppercase'];
	if (params.payloadHash !== undefined) {
		output = params.payloadHash;
		reads = params.payloadHash;
		says = 'The payload hash is given in the inputs, so it is signed as it is and the body is not hashed.';
	} else if (trace.mode === 'header' && ctx.contentSha256 !== undefined) {
		output = ctx.contentSha256;
		const header = request.headers.find(([n]) => n.toLowerCase() === 'x-amz-content-sha256');
		reads = header ? headerLine(header[0], header[1]) : output;
		says =
			'The request carries x-amz-content-sha256, and the server takes the payload hash from that header, so its value is this line' +
			(output === UNSIGNED_PAYLOAD
				? ': UNSIGNED-PAYLOAD, the body is not covered by the signature.'
				: output.startsWith('STREAMING-')
					? ': a STREAMING-… marker, the body is signed chunk by chunk.'
					: '. The server checks it against the body it receives.');
		mistakes.push('unsigned-payload-misuse');
	} else if (trace.mode === 'query' && ctx.presignUnsignedPayload) {
		output = UNSIGNED_PAYLOAD;
		says =
			'An S3 presigned URL signs the literal UNSIGNED-PAYLOAD: the body is not known when the URL is made, so the signature does not cover it.';
		mistakes.push('unsigned-payload-misuse');
	} else {
		// Hashing is asynchronous (WebCrypto) and steps are built synchronously: the trace holds the hash.
		output = trace.payloadHash;
		reads = bodyText(request.body);
		says =
			output === EMPTY_SHA256
				? 'The hex SHA-256 of the body; this request has an empty body, whose hash is always e3b0c442…b855.'
				: 'The hex SHA-256 of the body bytes exactly as sent, in lowercase hex (64 digits, not base64).';
		if (trace.mode === 'header' && ctx.contentSha256Header)
			says += ` ${lc.s3 ? 'S3 also requires' : 'This request also sends'} the same value in the x-amz-content-sha256 header.`;
		if (trace.mode === 'header' && lc.s3 && !ctx.contentSha256Header) mistakes.push('payload-hash-missing');
	}
	return {
		text: output,
		steps: [
			{
				id: lc.ids.take('payload-hash'),
				title: 'Payload hash',
				reads,
				output,
				highlight: inBlock(0, output),
				explanation: says,
				docUrl: lc.canonicalDoc,
				mistakes
			}
		]
	};
}
