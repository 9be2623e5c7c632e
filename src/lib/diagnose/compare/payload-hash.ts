import { EMPTY_SHA256, UNSIGNED_PAYLOAD } from '../../sigv4/index.ts';
import { base64ToHex, hexToBase64 } from '../base64-hex.ts';
import type { FindingCode } from '../../findings/index.ts';
import type { DiagnoseContext } from '../context.ts';
import { quote } from '../../findings/index.ts';

export interface PayloadFault {
	code: FindingCode;
	message: string;
	fix: string;
}

/** What is wrong with a payload hash the user signed, against the correct one. `where` opens the message. */
export function classifyPayloadHash(value: string, correct: string, ctx: DiagnoseContext, where: string): PayloadFault | undefined {
	if (value === correct) return undefined;
	const isHex = /^[0-9a-f]{64}$/.test(correct);
	if (isHex && value === correct.toUpperCase()) {
		return {
			code: 'payload-hash-uppercase',
			message: `${where} ${quote(value)} is the right hash in uppercase hex.`,
			fix: `Write it in lowercase hex: ${correct}.`
		};
	}
	if (isHex && value === hexToBase64(correct)) {
		return {
			code: 'payload-hash-base64',
			message: `${where} ${quote(value)} is the right hash in base64.`,
			fix: `Write the SHA-256 in lowercase hex: ${correct}.`
		};
	}
	if (value === UNSIGNED_PAYLOAD || correct === UNSIGNED_PAYLOAD) {
		const why =
			correct === UNSIGNED_PAYLOAD
				? ctx.mode === 'query'
					? `a presigned URL for ${ctx.params.service} signs UNSIGNED-PAYLOAD: the body is not known when the URL is made`
					: 'the request sends x-amz-content-sha256: UNSIGNED-PAYLOAD, so the canonical request must say the same'
				: ctx.mode === 'query'
					? `only S3 presigned URLs sign UNSIGNED-PAYLOAD; ${ctx.params.service} signs the hash of the body`
					: 'the request does not send x-amz-content-sha256: UNSIGNED-PAYLOAD, so the server hashes the body';
		return {
			code: 'unsigned-payload-misuse',
			message: `${where} ${quote(value)}, but it should be ${quote(correct)}: ${why}.`,
			fix: `Sign ${correct}.`
		};
	}
	if (/^[A-Za-z0-9+/]{43}=$/.test(value) && base64ToHex(value)) {
		return {
			code: 'payload-hash-base64',
			message: `${where} ${quote(value)} is base64 (and not even of the body's hash, ${correct}).`,
			fix: `Write the SHA-256 of the body in lowercase hex: ${correct}.`
		};
	}
	if (/^[0-9A-F]{64}$/.test(value) && /[A-F]/.test(value)) {
		return {
			code: 'payload-hash-uppercase',
			message: `${where} ${quote(value)} is uppercase hex (and not of this body: the hash is ${correct}).`,
			fix: `Write the SHA-256 of the body in lowercase hex: ${correct}.`
		};
	}
	const body = ctx.evidence.request.body;
	const size = typeof body === 'string' ? new TextEncoder().encode(body).length : (body?.length ?? 0);
	const hint =
		value === EMPTY_SHA256
			? ` ${quote(value)} is the hash of an empty body, but the body has ${size} bytes: the body was not given to the signer (or was re-serialized)`
			: correct === EMPTY_SHA256
				? ' the request has no body, so the hash is that of the empty string'
				: '';
	return {
		code: 'payload-hash-mismatch',
		message: `${where} ${quote(value)} is not the hash of the body sent (${correct}).${hint ? ` Here${hint}.` : ''}`,
		fix: 'Hash the exact bytes you send (after any JSON.stringify, in binary for files), in lowercase hex.'
	};
}
