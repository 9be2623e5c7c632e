import {
	createContext,
	headersToSign,
	type SigningContext,
	serviceRules,
	type Header,
	type HttpRequest,
	type SigningParams,
	type SigningTrace,
	SESSION_TOKEN_HEADER
} from '../sigv4/index.ts';
import { DOC_URLS } from './doc-urls.ts';
import type { LearnInput } from './types.ts';
import { StepIds } from './step-ids.ts';

/** What every step builder needs to know about the request, worked out once. */
export interface LearnContext {
	request: HttpRequest;
	params: SigningParams;
	trace: SigningTrace;
	/** The core's own reading of the request (URL split, headers kept, signature parameters dropped). */
	ctx: SigningContext;
	/** S3 rules by service name (s3, s3-object-lambda, s3-outposts). */
	s3: boolean;
	/** Headers as signed and sent, the signer's own included, Authorization excluded. */
	headers: Header[];
	/** Lowercased names to sign, worked out the way the signer does. */
	signed: Set<string>;
	/** The section of the AWS docs that describes the canonical request for this service and mode. */
	canonicalDoc: string;
	ids: StepIds;
	/** SigV4a: the algorithm, the scope without region, and the region set signed with the request. */
	v4a?: { regionSet: string };
}

export function createLearnContext({ request, params, trace }: LearnInput): LearnContext {
	// The same reading the signer made: steps can never disagree with it on what was dropped or added.
	const ctx = createContext(request, params, trace.mode);
	const s3 = serviceRules(params.service).s3Style;
	// Header mode sends Authorization last; everything before it is what was signed.
	const headers = trace.mode === 'header' ? trace.request.headers.slice(0, -1) : trace.request.headers.slice();
	const signed = headersToSign(headers, params);
	if (trace.mode === 'header' && params.credentials.sessionToken && params.signSessionToken === false) signed.delete(SESSION_TOKEN_HEADER);
	const canonicalDoc = !s3 ? DOC_URLS.canonicalRequest : trace.mode === 'query' ? DOC_URLS.s3Presign : DOC_URLS.s3CanonicalRequest;
	return { request, params, trace, ctx, s3, headers, signed, canonicalDoc, ids: new StepIds() };
}
