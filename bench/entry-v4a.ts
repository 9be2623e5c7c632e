// SigV4a in the browser: our signRequestV4a against @smithy/signature-v4a's sign (the AWS SDK for
// JavaScript v3 signer, with WebCrypto hashing as in a browser), and our verifyV4a against
// @noble/curves' p256.verify (smithy has no verifier; noble is the code its signer vendors).
// Every signature is verified before timing: ECDSA is random, so outputs are never compared.
import { p256 } from '@noble/curves/nist.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4a } from '@smithy/signature-v4a';
import { signRequestV4a, verifyV4a, type HttpRequest as CoreRequest, type SigningParamsV4a } from '../src/lib/sigv4/index.ts';
import { timeTogether, type Timing, type TimingPlan } from './harness.ts';
import { WebCryptoSha256 } from './webcrypto-sha256.ts';

const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const DATE = new Date('2015-08-30T12:36:00Z');
const PARAMS: SigningParamsV4a = {
	credentials: CREDENTIALS,
	service: 's3',
	datetime: '20150830T123600Z',
	regionSet: ['*'],
	contentSha256Header: false
};
const REQUEST: CoreRequest = {
	method: 'GET',
	url: 'https://mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com/photos/a.jpg?versionId=3',
	headers: [['X-Amz-Meta-Owner', 'me']]
};

export interface V4aBench {
	env: string;
	/** oursCold: a new secret each call (past the core's cache of 8 key pairs), so the key is derived every time, as smithy does. */
	sign: { ours: Timing; oursCold: Timing; smithy: Timing };
	verify: { ours: Timing; noble: Timing };
}

function hexBytes(hex: string): Uint8Array {
	return Uint8Array.from(hex.match(/../g)!, (b) => parseInt(b, 16));
}

async function runV4aBench(env: string, plan: TimingPlan): Promise<V4aBench> {
	const smithy = new SignatureV4a({
		credentials: CREDENTIALS,
		region: '*',
		service: 's3',
		sha256: WebCryptoSha256,
		applyChecksum: false,
		uriEscapePath: false
	});
	const smithyRequest = new HttpRequest({
		method: 'GET',
		protocol: 'https:',
		hostname: 'mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com',
		path: '/photos/a.jpg',
		query: { versionId: '3' },
		headers: { host: 'mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com', 'x-amz-meta-owner': 'me' }
	});
	const ours = () => signRequestV4a(REQUEST, PARAMS);
	const theirs = () => smithy.sign(smithyRequest, { signingDate: DATE });

	// Both sign the same canonical request: smithy's signature must verify over our string to sign.
	const trace = await ours();
	const signed = await theirs();
	const smithySignature = /Signature=([0-9a-f]+)$/.exec(String(signed.headers['authorization']))![1]!;
	if (!(await verifyV4a(trace, smithySignature, trace.publicKey))) throw new Error('smithy signs another string: not comparable');

	const point = hexBytes('04' + trace.publicKey.x + trace.publicKey.y);
	const der = hexBytes(trace.signature);
	const message = new TextEncoder().encode(trace.stringToSign);
	const noble = async () => p256.verify(der, sha256(message), point, { prehash: false, format: 'der', lowS: false });
	if (!(await noble())) throw new Error('noble does not verify our signature');

	let call = 0;
	const cold = () =>
		signRequestV4a(REQUEST, {
			...PARAMS,
			credentials: { ...CREDENTIALS, secretAccessKey: `${CREDENTIALS.secretAccessKey}${call++ % 32}` }
		});
	const [oursSign, oursCold, smithySign] = await timeTogether([ours, cold, theirs], plan);
	const [oursVerify, nobleVerify] = await timeTogether([() => verifyV4a(trace, trace.signature, trace.publicKey), noble], plan);
	return { env, sign: { ours: oursSign!, oursCold: oursCold!, smithy: smithySign! }, verify: { ours: oursVerify!, noble: nobleVerify! } };
}

declare global {
	var runV4aBench: (env: string, plan: TimingPlan) => Promise<V4aBench>;
}
globalThis.runV4aBench = runV4aBench;
