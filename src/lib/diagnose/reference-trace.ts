import {
	MAX_EXPIRES,
	presignUrl,
	signatureFor,
	signRequest,
	SigningError,
	stringToSignFor,
	type SigningParams,
	type SigningTrace,
	sha256Hex
} from '../sigv4/index.ts';
import { base64ToHex } from './base64-hex.ts';
import type { FindingList } from './finding-list.ts';
import { quote } from '../findings/index.ts';
import type { ReferenceInputs } from './reference-inputs.ts';
import type { Evidence } from './types.ts';

/** The correct trace and what it was signed from (the parameters repaired where the user's could not be signed). */
export interface Reference extends ReferenceInputs {
	trace: SigningTrace;
}

/**
 * The time a malformed timestamp means, in YYYYMMDDTHHMMSSZ: ISO 8601 with separators, a zone or
 * none (UTC), a space-padded part ("T 93600Z", from %e or {0,2}), a "UTC"/"GMT" suffix.
 */
function compactDatetime(text: string): string | undefined {
	const unpadded = text
		.trim()
		.replace(/\s*(?:UTC|GMT)$/i, 'Z')
		.replace(/(?<=[T\d:-]) (?=\d)/g, '0');
	const iso = /^(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):?(\d{2}):?(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(unpadded);
	if (!iso) return undefined;
	const [, y, mo, d, h, mi, s, zone] = iso;
	const ms = Date.parse(
		`${y}-${mo}-${d}T${h}:${mi}:${s}${zone === undefined ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`
	);
	if (Number.isNaN(ms)) return undefined;
	return new Date(ms)
		.toISOString()
		.replace(/\.\d{3}Z$/, 'Z')
		.replace(/[-:]/g, '');
}

/** How a timestamp strays from YYYYMMDDTHHMMSSZ, in a few words. */
function describeMalformed(text: string): string {
	const t = text.trim();
	if (/(?:UTC|GMT)$/i.test(t)) return 'with a "UTC"/"GMT" suffix instead of the literal Z';
	if (/[+-]\d{2}:?\d{2}$/.test(t)) return 'with a UTC offset instead of the literal Z';
	if (/ /.test(t)) return 'with a space where a zero belongs';
	if (/[-:]/.test(t)) return 'with separators';
	if (!/Z$/.test(t)) return 'without the final Z';
	return 'in another form';
}

/**
 * Names the reason the core refused the parameters and returns repaired ones, or undefined when
 * nothing sensible can be signed.
 */
function repair(e: SigningError, params: SigningParams, list: FindingList, patches: { expires?: number }): SigningParams | undefined {
	const next: SigningParams = { ...params, credentials: { ...params.credentials } };
	switch (e.field) {
		case 'datetime': {
			const fixed = compactDatetime(params.datetime ?? '');
			list.add(
				'timestamp-malformed',
				{
					stage: 'request',
					message: /is not in the form/.test(e.message)
						? `${e.message.replace(/\.$/, '')}${fixed ? `: it means ${fixed}, written ${describeMalformed(params.datetime ?? '')}` : ''}.`
						: `The request time ${quote(params.datetime ?? '')} is not in the form YYYYMMDDTHHMMSSZ: ${e.message}`,
					fix: fixed ? `Write it as ${fixed} (UTC, no separators, a literal Z).` : e.fix
				},
				'timestamp-malformed'
			);
			if (!fixed || fixed === params.datetime) return undefined;
			next.datetime = fixed;
			return next;
		}
		case 'expiresIn': {
			const e2 = params.expiresIn ?? 0;
			if (Number.isInteger(e2) && e2 > MAX_EXPIRES) {
				list.add(
					'presign-expires-too-long',
					{
						message: `X-Amz-Expires is ${e2} seconds; a presigned URL is valid for at most ${MAX_EXPIRES} seconds (7 days).`,
						fix: `Use an expiry of ${MAX_EXPIRES} seconds or less; for longer access, make a new URL when it runs out.`
					},
					'presign-expires-too-long'
				);
				patches.expires = e2;
				next.expiresIn = MAX_EXPIRES;
				return next;
			}
			break;
		}
		case 'accessKeyId': {
			const trimmed = params.credentials.accessKeyId.trim();
			if (trimmed !== params.credentials.accessKeyId && !/[\s/]/.test(trimmed) && trimmed !== '') {
				list.add(
					'secret-key-whitespace',
					{
						message: `The access key ID ${quote(params.credentials.accessKeyId)} has white space around it.`,
						fix: 'Remove the spaces and line breaks around the access key ID (and check the secret for the same).'
					},
					'secret-key-whitespace'
				);
				next.credentials.accessKeyId = trimmed;
				return next;
			}
			break;
		}
		case 'payloadHash': {
			const value = params.payloadHash ?? '';
			const hex = /^[0-9a-fA-F]{64}$/.test(value) ? value.toLowerCase() : base64ToHex(value);
			if (hex && hex.length === 64) {
				const upper = hex === value.toLowerCase();
				list.add(
					upper ? 'payload-hash-uppercase' : 'payload-hash-base64',
					{
						stage: 'request',
						message: `The payload hash ${quote(value)} is ${upper ? 'hex in uppercase' : 'base64'}; SigV4 uses lowercase hex.`,
						fix: `Write it as ${hex}.`
					},
					upper ? 'payload-hash-uppercase' : 'payload-hash-base64'
				);
				next.payloadHash = hex;
				return next;
			}
			break;
		}
	}
	const credential = e.field === 'accessKeyId' || e.field === 'secretAccessKey' || e.field === 'sessionToken';
	list.add('request-unsignable', { stage: credential ? 'credentials' : 'request', message: e.message, fix: e.fix }, 'request-unsignable');
	return undefined;
}

/** A trace whose canonical request was edited: every later stage recomputed. */
async function retrace(trace: SigningTrace, canonicalRequest: string): Promise<SigningTrace> {
	const stringToSign = await stringToSignFor(canonicalRequest, trace.datetime, trace.credentialScope);
	const signature = await signatureFor(stringToSign, trace.keyChain.kSigning);
	const out: SigningTrace = {
		...trace,
		canonicalRequest,
		canonicalRequestHash: await sha256Hex(canonicalRequest),
		stringToSign,
		signature
	};
	if (trace.signedUrl) out.signedUrl = trace.signedUrl.replace(/([?&]X-Amz-Signature=)[0-9a-f]*/, `$1${signature}`);
	return out;
}

/**
 * The correct trace for the request the user meant (see referenceInputs). A trace the caller
 * signed from exactly those inputs is used as it is. Otherwise the inputs are signed here;
 * parameters the core refuses become findings and, where possible, are repaired so the comparison
 * can go on.
 */
export async function referenceTrace(
	inputs: ReferenceInputs,
	mode: Evidence['mode'],
	list: FindingList,
	given?: SigningTrace
): Promise<Reference | undefined> {
	const request = inputs.request;
	let params = inputs.params;
	if (given) return { trace: given, params, request };
	const patches: { expires?: number } = {};
	for (let attempt = 0; attempt < 5; attempt++) {
		try {
			let trace = mode === 'query' ? await presignUrl(request, params) : await signRequest(request, params);
			if (patches.expires !== undefined) {
				// The user's own (too long) expiry, so that only that is reported, not every stage after it.
				const cr = trace.canonicalRequest.replace(/(^|\n)([^\n]*?)X-Amz-Expires=\d+/, `$1$2X-Amz-Expires=${patches.expires}`);
				trace = await retrace(trace, cr);
				if (trace.signedUrl) trace.signedUrl = trace.signedUrl.replace(/X-Amz-Expires=\d+/, `X-Amz-Expires=${patches.expires}`);
			}
			return { trace, params, request };
		} catch (e) {
			if (!(e instanceof SigningError)) throw e;
			const next = repair(e, params, list, patches);
			if (!next) return undefined;
			params = next;
		}
	}
	return undefined;
}
