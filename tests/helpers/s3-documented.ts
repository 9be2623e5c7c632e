// The signature examples AWS publishes in the Amazon S3 API Reference, typed once for every test that
// uses them:
// - header-based authentication: "Signature Calculations for the Authorization Header: Transferring
//   Payload in a Single Chunk (AWS Signature Version 4)", section "Examples: Signature Calculations"
//   (GET Object, PUT Object, GET Bucket Lifecycle, Get Bucket (List Objects)),
//   https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html
// - the presigned URL: "Authenticating Requests: Using Query Parameters (AWS Signature Version 4)",
//   section "An Example", https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html
// Every 64-hex value below is copied from those pages, never from our own output.
import type { HttpRequest, SigningParams } from '../../src/lib/sigv4/index.ts';

/** The pages' example credentials (AWS's documented example keys), bucket and date. */
export const S3_DOC_PARAMS: SigningParams = {
	credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
	region: 'us-east-1',
	service: 's3',
	datetime: '20130524T000000Z'
};
export const S3_DOC_HOST = 'https://examplebucket.s3.amazonaws.com';

export interface S3DocExample {
	mode: 'header' | 'query';
	request: HttpRequest;
	params: SigningParams;
	/** The hash in the page's string to sign (its last line). */
	canonicalRequestHash: string;
	signature: string;
}

export const S3_DOC = {
	/** Example: GET Object (the first 10 bytes of test.txt). */
	getObject: {
		mode: 'header',
		request: { method: 'GET', url: `${S3_DOC_HOST}/test.txt`, headers: [['Range', 'bytes=0-9']] },
		params: S3_DOC_PARAMS,
		canonicalRequestHash: '7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972',
		signature: 'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41'
	},
	/** Example: PUT Object (test$file.text, body "Welcome to Amazon S3."). */
	putObject: {
		mode: 'header',
		request: {
			method: 'PUT',
			url: `${S3_DOC_HOST}/test$file.text`,
			headers: [
				['Date', 'Fri, 24 May 2013 00:00:00 GMT'],
				['x-amz-storage-class', 'REDUCED_REDUNDANCY']
			],
			body: 'Welcome to Amazon S3.'
		},
		params: S3_DOC_PARAMS,
		canonicalRequestHash: '9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d',
		signature: '98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd'
	},
	/** Example: GET Bucket Lifecycle (?lifecycle). */
	getLifecycle: {
		mode: 'header',
		request: { method: 'GET', url: `${S3_DOC_HOST}/?lifecycle`, headers: [] },
		params: S3_DOC_PARAMS,
		canonicalRequestHash: '9766c798316ff2757b517bc739a67f6213b4ab36dd5da2f94eaebf79c77395ca',
		signature: 'fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543'
	},
	/** Example: Get Bucket (List Objects) (?max-keys=2&prefix=J). */
	listObjects: {
		mode: 'header',
		request: { method: 'GET', url: `${S3_DOC_HOST}/?max-keys=2&prefix=J`, headers: [] },
		params: S3_DOC_PARAMS,
		canonicalRequestHash: 'df57d21db20da04d7fa30298dd4488ba3a2b47ca3a489c74750e0f1e7df1b9b7',
		signature: '34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7'
	},
	/** The presigned GET of test.txt, valid 86400 seconds. */
	presignedGet: {
		mode: 'query',
		request: { method: 'GET', url: `${S3_DOC_HOST}/test.txt`, headers: [] },
		params: { ...S3_DOC_PARAMS, expiresIn: 86400 },
		canonicalRequestHash: '3bfa292879f6447bbcda7001decf97f4a54dc650c8942174ae0a9121cf58ad04',
		signature: 'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404'
	}
} satisfies Record<string, S3DocExample>;

/** The PUT Object example's payload hash: SHA-256 of "Welcome to Amazon S3.", as the page's canonical request shows. */
export const S3_DOC_PUT_PAYLOAD_HASH = '44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072';

/** SHA-256 of the empty string: the payload line of every bodiless example. */
export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
