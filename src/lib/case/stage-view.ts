import {
	applySignature,
	formatCurl,
	formatHttpRequest,
	keyChainText,
	signatureFor,
	signingKeyFromText,
	stringToSignFor,
	type AuthMode,
	type Provenance,
	type SigningTrace
} from '../sigv4/index.ts';
import type { StageName } from './case.ts';
import { megabytes } from './limits.ts';

/** Body characters the panes show: an editor laying out megabytes freezes the page, and nobody reads them there. */
const SHOWN_BODY_CHARS = 64 * 1024;

type SentRequest = Parameters<typeof formatHttpRequest>[0];

function largeBody(req: SentRequest): string | undefined {
	return typeof req.body === 'string' && req.body.length > SHOWN_BODY_CHARS ? req.body : undefined;
}

/** The signed request as its pane shows it: a large body is cut, and the cut is said. */
export function shownRequest(req: SentRequest): string {
	const body = largeBody(req);
	if (body === undefined) return formatHttpRequest(req);
	const rest = body.length - SHOWN_BODY_CHARS;
	const note = `\n[… ${megabytes(rest)} more of the body (${rest.toLocaleString('en-US')} characters), not shown; it is signed as it is]`;
	return formatHttpRequest({ ...req, body: body.slice(0, SHOWN_BODY_CHARS) + note });
}

/** curl reads a large body from a file, as it does a binary one: the command stays short enough to copy. */
export function shownCurl(req: SentRequest): string {
	return largeBody(req) === undefined ? formatCurl(req) : formatCurl({ ...req, body: new Uint8Array(1) });
}

/** What the stage panes show: the computed trace with the user's overrides applied. */
export interface StageView {
	mode: AuthMode;
	canonicalRequest: string;
	stringToSign: string;
	signingKey: string;
	signature: string;
	signedRequest: string;
	curl: string;
	presignedUrl?: string;
	provenance: Provenance[];
	/** The first overridden stage, which every later stage follows. */
	overriddenFrom?: StageName;
	/** A note about an override that could not be used as given. */
	overrideProblem?: string;
	/** No secret key is given (e.g. a shared link without it): the stages that need it wait for it. */
	needsSecret?: boolean;
	/** SigV4a: what verification says of the signature shown (a random one, never compared by its bytes). */
	signatureNote?: string;
}

export const SECRET_NEEDED = '(enter the secret access key to compute this stage)';

const STAGE_ORDER: StageName[] = ['canonicalRequest', 'stringToSign', 'signingKey', 'signature'];

/**
 * The panes' stages: the trace, with each edited stage replacing the computed one and every later
 * stage following it; earlier stages never change. Without the secret, what needs it waits for it.
 */
export async function stageView(
	trace: SigningTrace,
	overrides: Partial<Record<StageName, string>>,
	needsSecret: boolean
): Promise<StageView> {
	const canonicalRequest = overrides.canonicalRequest ?? trace.canonicalRequest;
	let stringToSign = trace.stringToSign;
	if (overrides.stringToSign !== undefined) stringToSign = overrides.stringToSign;
	else if (overrides.canonicalRequest !== undefined)
		stringToSign = await stringToSignFor(canonicalRequest, trace.datetime, trace.credentialScope);

	let kSigning = trace.keyChain.kSigning;
	let overrideProblem: string | undefined;
	if (overrides.signingKey !== undefined) {
		const parsed = signingKeyFromText(overrides.signingKey);
		if (parsed.kSigning) kSigning = parsed.kSigning;
		else overrideProblem = parsed.error;
	}

	let signature = trace.signature;
	if (overrides.signature !== undefined) signature = overrides.signature.trim();
	else if (stringToSign !== trace.stringToSign || kSigning !== trace.keyChain.kSigning)
		signature = await signatureFor(stringToSign, kSigning);

	const sent = signature === trace.signature ? trace : { ...trace, ...applySignature(trace, signature) };
	const view: StageView = {
		mode: trace.mode,
		canonicalRequest,
		stringToSign,
		signingKey: overrides.signingKey ?? keyChainText(trace.keyChain),
		signature,
		signedRequest: shownRequest(sent.request),
		curl: shownCurl(sent.request),
		provenance: overrides.canonicalRequest === undefined ? trace.provenance : []
	};
	if (sent.signedUrl !== undefined) view.presignedUrl = sent.signedUrl;
	if (needsSecret) {
		view.needsSecret = true;
		if (overrides.signingKey === undefined) view.signingKey = SECRET_NEEDED;
		if (overrides.signingKey === undefined && overrides.signature === undefined) {
			view.signature = SECRET_NEEDED;
			view.signedRequest = SECRET_NEEDED;
			view.curl = SECRET_NEEDED;
			if (view.presignedUrl !== undefined) view.presignedUrl = SECRET_NEEDED;
		}
	}
	const first = STAGE_ORDER.find((s) => overrides[s] !== undefined);
	if (first) view.overriddenFrom = first;
	if (overrideProblem) view.overrideProblem = overrideProblem;
	return view;
}
