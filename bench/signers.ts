import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { ChecksumConstructor } from '@smithy/types';
import { AwsV4Signer } from 'aws4fetch';
import { presignUrl, signRequest } from '../src/lib/sigv4/index.ts';
import { isS3, oursInput, signingDate, urlOf, type BenchCase } from './cases.ts';
import { prepared, sha256Hex, type Prepared, type Signer } from './signer.ts';
import { WebCryptoSha256 } from './webcrypto-sha256.ts';

/** The signers that run in Node and in the browser. */

export const ours: Signer = {
	name: 'ours',
	note: 'signRequest (header mode) / presignUrl: the full trace, WebCrypto',
	prepare(c) {
		const { request, params } = oursInput(c);
		if (c.mode === 'header') {
			const sign = () => signRequest(request, params);
			return prepared(sign, (trace) => trace.authorization);
		}
		const presign = () => presignUrl(request, params);
		return prepared(presign, (trace) => trace.signedUrl);
	}
};

export const aws4fetch: Signer = {
	name: 'aws4fetch',
	note: 'new AwsV4Signer(...).sign() with one key cache for all calls, as an AwsClient keeps it; allHeaders: true',
	async prepare(c) {
		const headers = c.headers.slice();
		// aws4fetch never hashes an S3 body in header mode: it signs the x-amz-content-sha256 it is given, else UNSIGNED-PAYLOAD.
		if (c.mode === 'header' && isS3(c)) headers.push(['X-Amz-Content-Sha256', await sha256Hex(c.body ?? '')]);
		const init = {
			method: c.method,
			url: c.mode === 'query' ? `${urlOf(c)}?X-Amz-Expires=${c.expiresIn}` : urlOf(c),
			headers,
			body: c.body,
			...c.credentials,
			service: c.service,
			region: c.region,
			datetime: c.datetime,
			cache: new Map<string, ArrayBuffer>(),
			signQuery: c.mode === 'query',
			// By default aws4fetch leaves range and content-type unsigned; ours signs every header given.
			allHeaders: true
		};
		const sign = () => new AwsV4Signer(init).sign();
		if (c.mode === 'query') return prepared(sign, (out) => out.url.search);
		return prepared(sign, (out) => out.headers.get('Authorization'));
	}
};

function smithy(name: string, sha256: ChecksumConstructor, hashNote: string): Signer {
	return {
		name,
		note: `SignatureV4 with ${hashNote}; S3: uriEscapePath off, applyChecksum in header mode, UNSIGNED-PAYLOAD header kept out of the presigned query and SignedHeaders`,
		prepare: (c) => prepareSmithy(c, sha256)
	};
}

function prepareSmithy(c: BenchCase, sha256: ChecksumConstructor): Prepared {
	const s3 = isS3(c);
	const signer = new SignatureV4({
		credentials: c.credentials,
		region: c.region,
		service: c.service,
		sha256,
		// smithy signs an unescaped path as given; the wire path of these S3 requests is already encoded once, as S3 signs it.
		uriEscapePath: !s3,
		applyChecksum: s3 && c.mode === 'header'
	});
	const headers = Object.fromEntries(c.headers);
	const request = new HttpRequest({ method: c.method, protocol: 'https:', hostname: c.host, path: c.path, headers, body: c.body });
	const signingOptions = { signingDate: signingDate(c.datetime) };
	if (c.mode === 'header') {
		const sign = () => signer.sign(request, signingOptions);
		return prepared(sign, (out) => out.headers.authorization);
	}

	// smithy takes UNSIGNED-PAYLOAD from this header; to match ours it must stay out of the query and out of SignedHeaders.
	const payloadHeader = new Set(['x-amz-content-sha256']);
	if (s3) request.headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
	const presignOptions = { ...signingOptions, expiresIn: c.expiresIn, unhoistableHeaders: payloadHeader, unsignableHeaders: payloadHeader };
	const presign = () => signer.presign(request, presignOptions);
	return prepared(presign, (out) => new URLSearchParams(out.query as Record<string, string>).toString());
}

export const smithyJs = smithy('smithy sha256-js', Sha256, '@aws-crypto/sha256-js (pure JS)');
export const smithyWebCrypto = smithy(
	'smithy WebCrypto',
	WebCryptoSha256,
	'a WebCrypto hash (bench/webcrypto-sha256.ts, like @aws-crypto/sha256-browser)'
);

export const BROWSER_SIGNERS: Signer[] = [ours, aws4fetch, smithyJs, smithyWebCrypto];
