// SigV4a's fixed strings (aws-c-auth, smithy's signature-v4a), named once beside SigV4's in constants.ts.

export const ALGORITHM_V4A = 'AWS4-ECDSA-P256-SHA256';

/** Header mode: the signed header that carries the region set (the scope has no region). */
export const REGION_SET_HEADER = 'x-amz-region-set';
/** Query mode: the same, as a signed query parameter, in the case AWS writes it. */
export const REGION_SET_QUERY_PARAM = 'X-Amz-Region-Set';

/** The region set that means every region. */
export const ANY_REGION = '*';

/** The KDF's key is this prefix followed by the secret, as "AWS4" + secret is SigV4's. */
export const KEY_PREFIX_V4A = 'AWS4A';

/** P-256's group order n, minus 2: the KDF accepts an HMAC output k0 ≤ n − 2 and uses d = k0 + 1. */
export const P256_ORDER_MINUS_TWO = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc63254fn;
