// One case per SigV4a finding code (issue 15): a SigV4a request with exactly that mistake. The
// covering test in diagnose-codes.test.ts counts these codes; diagnose-v4a.test.ts runs them.
import { createHash } from 'node:crypto';
import { p256 } from '@noble/curves/nist.js';
import type { Evidence, Finding, Stage } from '../../src/lib/diagnose/types.ts';
import type { FindingCode } from '../../src/lib/findings/index.ts';
import { presignUrlV4a, signRequest, signRequestV4a, type HttpRequest, type SigningParamsV4a } from '../../src/lib/sigv4/index.ts';
import { privateScalarV4a } from '../helpers/v4a-kdf.ts';
import { NOW, params, SECRET } from './diagnose-helpers.ts';

export const V4A_PARAMS: SigningParamsV4a = { ...params(), regionSet: ['us-east-1'] };
export const V4A_GET: HttpRequest = { method: 'GET', url: 'https://example.amazonaws.com/', headers: [] };

/** The evidence a SigV4a request is: the signed request as sent, its Authorization header or URL. */
export function evidenceOf(req: HttpRequest, mode: 'header' | 'query', over: Partial<Evidence> = {}): Evidence {
	const auth = req.headers.find(([n]) => n === 'Authorization')?.[1];
	const provided = mode === 'header' ? { authorization: auth! } : { signedUrl: req.url };
	return { request: req, params: params(), mode, provided, now: NOW, ...over };
}

/** A DER ECDSA signature of any text with the suite's key: what a signer that signed the wrong string sends. */
export function signText(text: string, secret = SECRET): string {
	const digest = createHash('sha256').update(text).digest();
	return Buffer.from(p256.sign(digest, privateScalarV4a('AKIDEXAMPLE', secret), { prehash: false, format: 'der', lowS: false })).toString(
		'hex'
	);
}

export interface V4aCase {
	code: FindingCode;
	name: string;
	evidence: () => Promise<Evidence>;
	stage: Stage;
	severity?: Finding['severity'];
}

const replaceAuth = (req: HttpRequest, edit: (v: string) => string): HttpRequest => ({
	...req,
	headers: req.headers.map(([n, v]): [string, string] => (n === 'Authorization' ? [n, edit(v)] : [n, v]))
});

export const V4A_CASES: V4aCase[] = [
	{
		code: 'sigv4a-region-not-in-set',
		name: 'a request to us-west-2 signed for the region set us-east-1',
		stage: 'request',
		evidence: async () => {
			const t = await signRequestV4a({ ...V4A_GET, url: 'https://service.us-west-2.amazonaws.com/' }, V4A_PARAMS);
			return evidenceOf(t.request, 'header');
		}
	},
	{
		code: 'sigv4a-region-set-missing',
		name: 'a presigned URL whose X-Amz-Region-Set was removed after signing',
		stage: 'request',
		evidence: async () => {
			const t = await presignUrlV4a(V4A_GET, V4A_PARAMS);
			return evidenceOf({ ...t.request, url: t.signedUrl!.replace('&X-Amz-Region-Set=us-east-1', '') }, 'query');
		}
	},
	{
		code: 'sigv4a-scope-has-region',
		name: 'a SigV4a Authorization header whose credential scope has the region',
		stage: 'authorization',
		evidence: async () => {
			const t = await signRequestV4a(V4A_GET, V4A_PARAMS);
			return evidenceOf(
				replaceAuth(t.request, (v) => v.replace('/20150830/service/', '/20150830/us-east-1/service/')),
				'header'
			);
		}
	},
	{
		code: 'sigv4-sigv4a-confusion',
		name: 'an HMAC (SigV4) signature under AWS4-ECDSA-P256-SHA256',
		stage: 'signature',
		evidence: async () => {
			const t = await signRequestV4a(V4A_GET, V4A_PARAMS);
			const hmac = (await signRequest(V4A_GET, params())).signature;
			return evidenceOf(
				replaceAuth(t.request, (v) => v.replace(/Signature=\w+$/, `Signature=${hmac}`)),
				'header'
			);
		}
	},
	{
		code: 'sigv4a-signature-invalid',
		name: 'a SigV4a request signed with another secret',
		stage: 'signature',
		evidence: async () => {
			const t = await signRequestV4a(V4A_GET, { ...V4A_PARAMS, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'other' } });
			return evidenceOf(t.request, 'header');
		}
	}
];
