// SigV4a oracles for one SigCase: @smithy/signature-v4a (header mode; it has no presign) and, for
// presigned URLs, @smithy/signature-v4's presign with the region set as one more parameter and the
// algorithm and scope of SigV4a written in by hand. Signatures are checked by verification only.
import { Sha256 } from '@aws-crypto/sha256-js';
import { getCanonicalHeaders, getPayloadHash, SignatureV4 } from '@smithy/signature-v4';
import { SignatureV4a } from '@smithy/signature-v4a';
import { datetimeOf, type SigCase } from './model.ts';
import { smithyRequestOf } from './oracles.ts';

type SmithyRequest = Parameters<SignatureV4['presign']>[0];

class SmithyV4a extends SignatureV4a {
	canonicalOf(request: SmithyRequest, headers: Record<string, string>, payloadHash: string): string {
		return this.createCanonicalRequest(request, headers, payloadHash);
	}
}

class SmithyV4 extends SignatureV4 {
	canonicalOf(request: SmithyRequest, headers: Record<string, string>, payloadHash: string): string {
		return this.createCanonicalRequest(request, headers, payloadHash);
	}
}

/** Header mode: smithy's SigV4a canonical request and its (random) DER signature. */
export async function smithyV4aSign(c: SigCase, regionSet: string): Promise<{ canonicalRequest: string; signature: string }> {
	const { request, credentials, uriEscapePath, unsignableHeaders } = smithyRequestOf(c);
	const signer = new SmithyV4a({
		service: c.service,
		region: regionSet,
		credentials,
		sha256: Sha256,
		uriEscapePath,
		applyChecksum: c.s3 || c.contentSha256Header === true
	});
	const signed = await signer.sign(request, {
		signingDate: new Date(c.epochSeconds * 1000),
		...(unsignableHeaders ? { unsignableHeaders } : {})
	});
	const m = /, Signature=([0-9a-f]+)$/.exec(signed.headers['authorization']!);
	if (!m) throw new Error(`smithy v4a: unexpected Authorization ${signed.headers['authorization']}`);
	const canonicalRequest = signer.canonicalOf(signed, getCanonicalHeaders(signed, unsignableHeaders), await getPayloadHash(signed, Sha256));
	return { canonicalRequest, signature: m[1]! };
}

/** Query mode: smithy's SigV4 presign canonical request turned into SigV4a's (algorithm, scope without region, region set). */
export async function smithyV4aPresignCanonical(c: SigCase, regionSet: string): Promise<string> {
	const { request, credentials, uriEscapePath, unsignableHeaders, headers } = smithyRequestOf(c);
	request.query = { ...request.query, 'X-Amz-Region-Set': regionSet };
	const signer = new SmithyV4({ service: c.service, region: c.region, credentials, sha256: Sha256, uriEscapePath });
	const presigned = await signer.presign(request, {
		signingDate: new Date(c.epochSeconds * 1000),
		expiresIn: c.expiresIn ?? 3600,
		unhoistableHeaders: new Set(Object.keys(headers).map((k) => k.toLowerCase())),
		...(unsignableHeaders ? { unsignableHeaders } : {})
	});
	const v4 = signer.canonicalOf(presigned, getCanonicalHeaders(presigned, unsignableHeaders), await getPayloadHash(request, Sha256));
	const date = datetimeOf(c).slice(0, 8);
	const [method, path, query, ...rest] = v4.split('\n');
	const v4aQuery = query!
		.replace('X-Amz-Algorithm=AWS4-HMAC-SHA256', 'X-Amz-Algorithm=AWS4-ECDSA-P256-SHA256')
		.replace(`%2F${date}%2F${c.region}%2F${c.service}%2Faws4_request`, `%2F${date}%2F${c.service}%2Faws4_request`);
	return [method, path, v4aQuery, ...rest].join('\n');
}
