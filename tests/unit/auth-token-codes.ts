import type { FindingCode } from '../../src/lib/findings/index.ts';

/** The login-token codes; auth-token-findings.test.ts has a test for each (its titles name them). */
export const AUTH_TOKEN_CODES: readonly FindingCode[] = [
	'eks-token-cluster-unsigned',
	'eks-token-cluster-name',
	'auth-token-expires-too-long',
	'auth-token-wrong-service',
	'auth-token-scheme-included',
	'auth-token-expired',
	'auth-token-region-mismatch'
];
