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
export {
	ALGORITHM,
	TERMINATOR,
	KEY_PREFIX,
	EMPTY_SHA256,
	UNSIGNED_PAYLOAD,
	MAX_EXPIRES,
	DEFAULT_EXPIRES,
	AUTH_HEADER,
	AMZ_DATE_HEADER,
	SESSION_TOKEN_HEADER,
	CONTENT_SHA256_HEADER,
	HOST_HEADER,
	SIGNATURE_QUERY_PARAM,
	SESSION_TOKEN_QUERY_PARAM,
	S3_SESSION_TOKEN_HEADER,
	S3_SESSION_TOKEN_QUERY_PARAM,
	GENERATED_HEADERS,
	AUTH_QUERY_PARAMS,
	ALGORITHM_QUERY_PARAM,
	CREDENTIAL_QUERY_PARAM,
	AMZ_DATE_QUERY_PARAM,
	SIGNED_HEADERS_QUERY_PARAM,
	EXPIRES_QUERY_PARAM,
	POST_AUTH_FIELDS,
	STREAMING_PAYLOAD,
	STREAMING_PAYLOAD_TRAILER,
	STREAMING_UNSIGNED_PAYLOAD_TRAILER,
	CHUNK_ALGORITHM,
	TRAILER_ALGORITHM,
	AWS_CHUNKED,
	DECODED_LENGTH_HEADER,
	TRAILER_HEADER,
	TRAILER_SIGNATURE
} from './constants.ts';
export { SigningError, type SigningField } from './signing-error.ts';
export { signRequest } from './sign.ts';
export { presignUrl } from './presign.ts';
export { tokenAfterSigning } from './token-after-signing.ts';
export { deriveSigningKey, signatureFor } from './signing-key.ts';
export { stringToSignFor } from './string-to-sign.ts';
export { credentialScope } from './credential-scope.ts';
export { serviceRules, isNeverSigned, NEVER_SIGNED_HEADERS, type ServiceRules } from './service-rules.ts';
export {
	REGISTRY,
	REGISTRY_SOURCE,
	PARTITION_LIST,
	serviceByModel,
	serviceByPrefix,
	servicesBySigningName,
	fixedRegionFor,
	partitionOfRegion,
	tokenPlacementFor,
	contentSha256RuleFor,
	type RegistryService,
	type Partition,
	type SigningAlgorithm,
	type TokenPlacement
} from './service-registry.ts';
export { serviceFor, type ServiceInference } from './service-for.ts';
export { signV2, bucketOfHost, S3_SUB_RESOURCES, type SigningParamsV2, type SigningTraceV2 } from './sigv2.ts';
export { canonicalPath, normalizePathSegments } from './canonical-path.ts';
export { canonicalHeaders, canonicalHeaderValue, type CanonicalHeader } from './canonical-headers.ts';
export { canonicalQueryComponent, canonicalQueryString, decodedKey, splitQuery, type RawQueryParam } from './canonical-query.ts';
export { uriEncode, uriEncodeBytes, percentDecode, fromHex, toHex, toBase64, utf8Bytes } from './encoding.ts';
export { sha256Hex, hmac, hmacKey } from './crypto.ts';
export { parseWireUrl, type WireUrl } from './wire-url.ts';
export { LONE_SURROGATE, describeCharacter, findLoneSurrogate } from './odd-characters.ts';
export { prepareRequest, createContext, headersToSign, type SigningContext } from './prepare-request.ts';
export { hashBody, payloadHashProblem } from './payload-hash.ts';
export { formatHttpRequest, headerLine } from './format-request.ts';
export { applySignature } from './apply-signature.ts';
export { formatCurl, shellQuote } from './format-curl.ts';
export { keyChainText, signingKeyFromText } from './format-key-chain.ts';
export { signPostPolicy, type PostPolicyInput, type PostPolicyTrace } from './post-policy.ts';
export { buildPolicy, parsePolicy, type PolicyOptions } from './post-policy-document.ts';
export { serializePolicy } from './post-policy-json.ts';
export { escapeHtmlAttribute, postActionUrl } from './post-policy-form.ts';
export {
	sseHeaders,
	sseRules,
	sseRulesForHeaders,
	SSE_HEADER_PATTERN,
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
export { signChunkedUpload, streamingMarker } from './chunked-upload.ts';
export type { ChunkedParams, ChunkedTrace, ChunkedVariant, ChunkTrace, TrailerTrace } from './chunked-types.ts';
export { chunkStringToSign, trailerStringToSign, canonicalTrailers } from './chunk-signature.ts';
export { chunkHeader, chunkSizes, framedBody, framedBodyStart, framedLength, trailerBlock } from './chunked-body.ts';
export { isBlobLike, readBlocks, SHORT_READ, type BlobLike, type BlockReader, type ByteSource } from './byte-source.ts';
export {
	checksumOf,
	createChecksum,
	checksumHeader,
	checksumAlgorithmOf,
	checksumLength,
	sdkChecksumName,
	CHECKSUM_ALGORITHMS,
	CHECKSUM_HEADER_PREFIX,
	EMPTY_BODY_CHECKSUMS,
	SDK_CHECKSUM_ALGORITHM_HEADER,
	type ChecksumAlgorithm,
	type Checksummer
} from './checksum.ts';
export type { SigningParamsV4a, SigningTraceV4a } from './types-v4a.ts';
export {
	ALGORITHM_V4A,
	REGION_SET_HEADER,
	REGION_SET_QUERY_PARAM,
	ANY_REGION,
	KEY_PREFIX_V4A,
	P256_ORDER_MINUS_TWO
} from './v4a-constants.ts';
export { signRequestV4a, credentialScopeV4a, stringToSignV4a, prepareRequestV4a } from './sign-v4a.ts';
export { presignUrlV4a } from './presign-v4a.ts';
export { deriveKeyV4a, type PublicKeyV4a } from './signing-key-v4a.ts';
export { verifyV4a, rawSignatureOf } from './verify-v4a.ts';
export { signatureDerToRaw, signatureRawToDer } from './ecdsa-der.ts';
export { parseRegionSet, regionSetValue, regionSetIncludes } from './region-set.ts';
export { publicKeyText } from './format-public-key.ts';
export { requestSideV4a } from './request-side-v4a.ts';
export {
	s3ExpressEndpoint,
	isDirectoryBucket,
	isCreateSession,
	sessionTokenParam,
	S3_EXPRESS_SERVICE,
	DIRECTORY_BUCKET,
	type S3ExpressEndpoint
} from './s3-express.ts';
export {
	buildAuthToken,
	authTokenRequest,
	base64UrlNoPad,
	fromBase64Url,
	AUTH_TOKEN_RULES,
	EKS_TOKEN_PREFIX,
	EKS_CLUSTER_HEADER,
	MSK_USER_AGENT_PARAM,
	NEPTUNE_BOLT_PATH,
	type AuthTokenKind,
	type AuthTokenRule,
	type AuthTokenInput,
	type AuthTokenTrace
} from './auth-token.ts';
