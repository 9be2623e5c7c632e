import { RECREATED } from './recreated.generated.ts';
import { EXAMPLE_SECRET, type RealCase } from './types.ts';

export const PAYLOAD_CASES: RealCase[] = [
	{
		id: 'payload-hash-base64-java-v2-3807',
		source: 'https://github.com/aws/aws-sdk-java-v2/issues/3807',
		cause: 'The signer put the SHA-256 in base64 ("47DEQpj8…") in x-amz-content-sha256 instead of lowercase hex.',
		expected: ['payload-hash-base64'],
		pastes: RECREATED['payload-hash-base64-java-v2-3807']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'payload-hash-base64-java-v2-3644',
		source: 'https://github.com/aws/aws-sdk-java-v2/issues/3644',
		cause:
			'AbstractAws4Signer.putChecksumHeader wrote x-amz-content-sha256 base64-encoded, which failed validation against a correct SigV4 verifier.',
		expected: ['payload-hash-base64'],
		pastes: RECREATED['payload-hash-base64-java-v2-3644']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'empty-body-hash-lua-resty-aws-2',
		source: 'https://github.com/grosskur/lua-resty-aws/issues/2',
		cause: 'The module hashed an empty body (e3b0…) while uploading a non-empty file.',
		expected: ['payload-hash-mismatch'],
		pastes: [
			'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>XAmzContentSHA256Mismatch</Code><Message>The provided \'x-amz-content-sha256\' header does not match what was computed.</Message><ClientComputedContentSHA256>e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855</ClientComputedContentSHA256><S3ComputedContentSHA256>cbb11b06446575cbbed8bac98b3b23abfcb053c3ce9414d95eaf6d0c4dfc4bd6</S3ComputedContentSHA256><RequestId>D5BE775ED50BEBFE</RequestId><HostId>Mnd80K6ASh5UMkG9Zi/38nn6zGwl4AW834aVeNCbvzbGE603SfdjOcxhZjpQua/5oP3BDOVFGHg=</HostId></Error>'
		],
		evidence: 'report'
	},
	{
		id: 'binary-body-hash-postman-3680',
		source: 'https://github.com/postmanlabs/postman-app-support/issues/3680',
		cause: 'Postman hashed an empty payload for a binary (PNG) PUT body instead of the bytes it sent.',
		expected: ['payload-hash-mismatch'],
		pastes: [
			'<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n    <Code>XAmzContentSHA256Mismatch</Code>\n    <Message>The provided \'x-amz-content-sha256\' header does not match what was computed.</Message>\n    <ClientComputedContentSHA256>e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855</ClientComputedContentSHA256>\n    <S3ComputedContentSHA256>1c0847b15dc11be65c0003b5d56592c6664a00341d0c3bb0583f3df1a3842f68</S3ComputedContentSHA256>\n    <RequestId>F141EF1C2F292B67</RequestId>\n    <HostId>k9oySDdjJBPS94pYEEUiYkibfk2v9VpHzoHw08ULPH+U3GwyFyDY1IoAm9PJ7BCHc5R7265KWCE=</HostId>\n</Error>'
		],
		evidence: 'report'
	},
	{
		id: 'body-not-given-to-signer-aws4-83',
		source: 'https://github.com/mhart/aws4/issues/83',
		cause:
			'The JSON body was sent but not passed to aws4.sign, so the signature covered an empty payload (the maintainer: "You definitely need to include the body").',
		expected: ['payload-hash-mismatch'],
		pastes: RECREATED['body-not-given-to-signer-aws4-83']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	}
];

export const KEY_CASES: RealCase[] = [
	{
		id: 'hex-intermediate-keys-openbullet-663',
		source: 'https://github.com/openbullet/openbullet/issues/663',
		cause: "Each HMAC step after kDate was keyed with the previous step's hex text instead of its raw 32 bytes.",
		expected: ['hex-intermediate-keys'],
		pastes: RECREATED['hex-intermediate-keys-openbullet-663']!,
		evidence: 'recreated',
		secret: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'
	}
];
