import {
	presignUrlV4a,
	requestSideV4a,
	signRequestV4a,
	SigningError,
	verifyV4a,
	type SigningParamsV4a,
	type SigningTraceV4a
} from '../../sigv4/index.ts';
import { regionSetOf } from '../../parse/index.ts';
import { compareCanonicalRequest } from '../compare/canonical-request.ts';
import { buildContext } from '../context.ts';
import { FindingList } from '../finding-list.ts';
import { inputsFrom } from '../reference-inputs.ts';
import type { Evidence, Finding } from '../types.ts';
import type { UserTexts } from '../user-texts.ts';
import { checkAuthorizationV4a, checkRegionSet } from './checks.ts';
import { compareStringToSignV4a } from './compare-string-to-sign.ts';
import { givenSignature, HMAC_SIGNATURE } from './detect.ts';

export interface DiagnosisV4a {
	findings: Finding[];
	/** The correct SigV4a trace for the request the user meant, and the params it was signed with; none when it cannot be signed. */
	trace?: SigningTraceV4a;
	params?: SigningParamsV4a;
	/** Whether the user's signature verifies over the correct string to sign; none without a signature. */
	verified?: boolean;
}

/** The correct SigV4a trace for the evidence's request and region set (the user's own SignedHeaders kept). */
export async function referenceTraceV4a(
	evidence: Evidence,
	texts: UserTexts
): Promise<{ trace: SigningTraceV4a; params: SigningParamsV4a }> {
	const { request, params } = inputsFrom(evidence, texts);
	const regionSet = regionSetOf(evidence.request)?.regions ?? [];
	const v4a: SigningParamsV4a = { ...params, regionSet: regionSet.length > 0 ? regionSet : [params.region] };
	const trace = evidence.mode === 'query' ? await presignUrlV4a(request, v4a) : await signRequestV4a(request, v4a);
	return { trace, params: v4a };
}

/**
 * Names what makes a SigV4a request fail. The canonical request and string to sign are compared as
 * for SigV4; the signature, random by design, is judged by verifying it with the public key derived
 * from the user's access key and secret, never by comparing it with ours.
 */
export async function diagnoseV4a(evidence: Evidence, texts: UserTexts): Promise<DiagnosisV4a> {
	const list = new FindingList();
	let reference: Awaited<ReturnType<typeof referenceTraceV4a>>;
	try {
		reference = await referenceTraceV4a(evidence, texts);
	} catch (e) {
		if (!(e instanceof SigningError)) throw e;
		list.add('request-unsignable', { stage: 'request', message: e.message, fix: e.fix });
		return { findings: list.sorted() };
	}
	const { trace, params } = reference;
	const regionSet = regionSetOf(evidence.request);
	checkRegionSet(evidence, regionSet, params.regionSet, list);
	checkAuthorizationV4a(evidence, texts, trace, list);

	if (texts.user) {
		const ctx = buildContext(evidence, { trace: requestSideV4a(trace), params: { ...params, region: '' }, request: trace.request }, texts);
		compareCanonicalRequest(texts.user, ctx, list);
	}
	const userStringToSign = evidence.provided?.stringToSign;
	if (userStringToSign !== undefined) await compareStringToSignV4a(userStringToSign, trace, texts, list);

	const signature = givenSignature(evidence, texts);
	const out: DiagnosisV4a = { findings: [], trace, params };
	if (signature !== undefined) {
		if (HMAC_SIGNATURE.test(signature)) {
			out.verified = false;
			list.add('sigv4-sigv4a-confusion', {
				stage: 'signature',
				line: 1,
				message: `The signature is 64 hex digits, an HMAC-SHA256 (SigV4's), under the SigV4a algorithm: SigV4a signs with ECDSA P-256 and sends a DER signature of 140 to 144 hex digits.`,
				fix: 'Sign the string to sign with the ECDSA key derived from the credentials (a SigV4a signer), or label the request AWS4-HMAC-SHA256 with a regional scope.'
			});
		} else {
			out.verified = await verifyV4a(trace, signature, trace.publicKey);
			const ownVerifies =
				userStringToSign !== undefined && (await verifyV4a(userStringToSign.replace(/\r\n/g, '\n'), signature, trace.publicKey));
			if (!out.verified && !ownVerifies) {
				const upstream = list.errors > 0;
				list.add('sigv4a-signature-invalid', {
					line: 1,
					message: upstream
						? 'The signature does not verify over the correct string to sign with the public key derived from your access key and secret; the differences above change what is signed.'
						: `The signature does not verify with the public key derived from your access key and secret (x ${trace.publicKey.x.slice(0, 12)}…): the request was signed with another key — another secret or access key id, or a key derived another way.`,
					fix: upstream
						? 'Fix the differences above; the signature then verifies.'
						: 'Sign with the same access key id and secret; SigV4a derives its key from both.'
				});
			}
		}
	}
	out.findings = list.sorted();
	return out;
}
