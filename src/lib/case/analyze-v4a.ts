import type { Finding } from '../findings/index.ts';
import {
	presignUrlV4a,
	signRequestV4a,
	verifyV4a,
	type HttpRequest,
	type SigningParams,
	type SigningParamsV4a,
	type SigningTraceV4a
} from '../sigv4/index.ts';
import type { Case } from './case.ts';
import { regionSetOf } from './algorithm.ts';
import { asFieldError, needsSecret, type FieldError } from './params.ts';
import type { StageView } from './stage-view.ts';
import { stageViewV4a } from './stage-view-v4a.ts';

/** The part of an Analysis (analyze.ts) a typed SigV4a request fills in. */
export interface TypedV4aAnalysis {
	request: HttpRequest;
	paramsV4a: SigningParamsV4a;
	traceV4a?: SigningTraceV4a;
	view?: StageView;
	/** The signature shown verifies with the public key shown. */
	signatureVerifies?: boolean;
	error?: FieldError;
	findings: Finding[];
}

/** The case's SigV4 params as SigV4a takes them: the region set in place of the region. */
export function paramsV4aOf(c: Case, params: SigningParams): SigningParamsV4a {
	const { region: _region, ...rest } = params;
	return { ...rest, regionSet: regionSetOf(c) };
}

/**
 * A typed request signed with SigV4a (header or presigned-URL mode). Each signing draws a new
 * random ECDSA nonce, so the signature differs every time: what the page says about it comes from
 * verifying it with the public key, never from comparing it with an earlier one.
 */
export async function analyzeTypedV4a(c: Case, request: HttpRequest, params: SigningParams): Promise<TypedV4aAnalysis> {
	const paramsV4a = paramsV4aOf(c, params);
	try {
		const traceV4a = c.mode === 'query' ? await presignUrlV4a(request, paramsV4a) : await signRequestV4a(request, paramsV4a);
		const view = stageViewV4a(traceV4a, c.overrides, needsSecret(c));
		const out: TypedV4aAnalysis = { request, traceV4a, paramsV4a, view, findings: [] };
		if (!needsSecret(c)) {
			out.signatureVerifies = await verifyV4a(traceV4a, traceV4a.signature, traceV4a.publicKey);
			view.signatureNote = out.signatureVerifies
				? 'ECDSA signatures are random: this one changes each time the request is signed, and every one verifies with the public key above (checked).'
				: 'This signature does not verify with the public key above: please report it.';
		}
		return out;
	} catch (e) {
		return { request, paramsV4a, error: asFieldError(e, 'request'), findings: [] };
	}
}
