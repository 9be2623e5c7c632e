export type {
	AuthMode,
	CanonicalPart,
	Credentials,
	Header,
	HttpRequest,
	KeyChain,
	Provenance,
	SigningParams,
	SigningTrace
} from './types.ts';
export { SigningError, type SigningField } from './signing-error.ts';
export { signRequest } from './sign.ts';
export { presignUrl, DEFAULT_EXPIRES } from './presign.ts';
export { deriveSigningKey, signatureFor } from './signing-key.ts';
export { stringToSignFor } from './string-to-sign.ts';
export { credentialScope, ALGORITHM } from './credential-scope.ts';
export { serviceRules, NEVER_SIGNED_HEADERS, type ServiceRules } from './service-rules.ts';
export { canonicalPath } from './canonical-path.ts';
export { canonicalHeaderValue } from './canonical-headers.ts';
export { canonicalQueryComponent, canonicalQueryString } from './canonical-query.ts';
export { uriEncode } from './encoding.ts';
export { EMPTY_SHA256, UNSIGNED_PAYLOAD } from './payload-hash.ts';
export { MAX_EXPIRES } from './validate.ts';
export { formatHttpRequest } from './format-request.ts';
export { applySignature } from './apply-signature.ts';
export { formatCurl, shellQuote } from './format-curl.ts';
export { keyChainText, signingKeyFromText } from './format-key-chain.ts';
export { signPostPolicy, buildPolicy, parsePolicy, type PostPolicyInput, type PostPolicyTrace, type PolicyOptions } from './post-policy.ts';
export { serializePolicy } from './post-policy-json.ts';
export { escapeHtmlAttribute, postActionUrl } from './post-policy-form.ts';
export {
	sseHeaders,
	sseRules,
	sseCustomerKeyBytes,
	sseCustomerKeyMd5,
	SSE_HEADER,
	SSE_KMS_KEY_ID_HEADER,
	SSE_CONTEXT_HEADER,
	SSE_C_ALGORITHM_HEADER,
	SSE_C_KEY_HEADER,
	SSE_C_KEY_MD5_HEADER,
	type SsePreset,
	type SseRules,
	type SseHeaderRule
} from './server-side-encryption.ts';
