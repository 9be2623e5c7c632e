// The maintained AWS suite's SigV4a cases, both modes: the derived public key is the suite's, our
// canonical request and string to sign equal the suite's byte for byte, our signatures verify with
// the suite's public key, and the suite's signatures (both published ones) verify with ours. ECDSA
// signatures are random, so signatures are verified, never compared.
import { expect, it } from 'vitest';
import { deriveKeyV4a, formatHttpRequest, presignUrlV4a, signRequestV4a, verifyV4a } from '../../src/lib/sigv4/index.ts';
import { parseRawHttp } from '../../src/lib/parse/raw-http.ts';
import { SUITE_MODES } from '../helpers/shared-vectors.ts';
import { forEachSuiteCaseV4a, paramsForV4a, suitePublicKey } from '../helpers/shared-vectors-v4a.ts';

const SIGNATURE_IN_REQUEST = /(Signature=)([0-9a-f]+)/;

forEachSuiteCaseV4a('aws-signing-test-suite v4a (maintained AWS suite, SigV4a)', (c) => {
	const { name, context, file } = c;
	const parsed = parseRawHttp(file('request.txt'));

	it(`${name}: the key derived from the credentials is public-key.json`, async () => {
		const { publicKey } = await deriveKeyV4a(context.credentials.access_key_id, context.credentials.secret_access_key);
		expect(publicKey).toEqual(suitePublicKey(c));
	});

	for (const mode of SUITE_MODES) {
		it(`${name} (${mode})`, async () => {
			expect(parsed.errors).toEqual([]);
			const params = paramsForV4a(context);
			const trace = mode === 'header' ? await signRequestV4a(parsed.request!, params) : await presignUrlV4a(parsed.request!, params);
			expect(trace.canonicalRequest).toBe(file(`${mode}-canonical-request.txt`));
			expect(trace.stringToSign).toBe(file(`${mode}-string-to-sign.txt`));
			expect(trace.publicKey).toEqual(suitePublicKey(c));

			// Ours verifies with theirs, and both of theirs with ours.
			expect(await verifyV4a(trace, trace.signature, suitePublicKey(c))).toBe(true);
			const published = file(`${mode}-signature.txt`).trim();
			const signedRequest = file(`${mode}-signed-request.txt`);
			const inRequest = SIGNATURE_IN_REQUEST.exec(signedRequest)![2]!;
			expect(inRequest).not.toBe(published);
			expect(await verifyV4a(trace.stringToSign, published, trace.publicKey)).toBe(true);
			expect(await verifyV4a(trace.stringToSign, inRequest, trace.publicKey)).toBe(true);

			// The signed request is theirs once our signature is replaced by theirs.
			const ours = formatHttpRequest(trace.request, ':').replace(SIGNATURE_IN_REQUEST, `$1${inRequest}`);
			expect(ours).toBe(signedRequest);
		});
	}
});
