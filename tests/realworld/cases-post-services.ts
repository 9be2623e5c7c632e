import { RECREATED } from './recreated.generated.ts';
import { EXAMPLE_SECRET, type RealCase } from './types.ts';

export const POST_CASES: RealCase[] = [
	{
		id: 'post-date-condition-fails-aws-sdk-js-1514',
		source: 'https://github.com/aws/aws-sdk-js/issues/1514',
		cause: 'The policy required x-amz-date to equal the day at T000000Z, but the form sent the real signing time.',
		expected: ['post-condition-failed'],
		pastes: RECREATED['post-date-condition-fails-aws-sdk-js-1514']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'post-content-length-condition-node-s3-policy-8',
		source: 'https://github.com/tj/node-s3-policy/pull/8',
		cause: 'The policy had a ["starts-with", "$Content-Length", ""] condition that no form field can satisfy.',
		expected: ['post-condition-failed'],
		pastes: RECREATED['post-content-length-condition-node-s3-policy-8']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'post-extra-field-name-cloudreve-959',
		source: 'https://github.com/cloudreve/cloudreve/issues/959',
		cause: 'The upload form carried a "name" field that no policy condition covers.',
		expected: ['post-field-not-in-policy'],
		pastes: RECREATED['post-extra-field-name-cloudreve-959']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'post-extra-field-bucket-aws-sdk-php-3292',
		source: 'https://github.com/aws/aws-sdk-php/issues/3292',
		cause:
			'The form sent a "bucket" field while the policy had no bucket condition (the maintainer reproduced "Extra input fields: bucket").',
		expected: ['post-field-not-in-policy'],
		pastes: RECREATED['post-extra-field-bucket-aws-sdk-php-3292']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'post-policy-expired-aws-sdk-ruby-895',
		source: 'https://github.com/aws/aws-sdk-ruby/issues/895',
		cause: "The presigned POST's policy expired after its default one hour before the upload started.",
		expected: ['post-policy-expired'],
		pastes: RECREATED['post-policy-expired-aws-sdk-ruby-895']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET,
		now: '2015-08-14T11:30:00Z'
	}
];

export const SERVICE_CASES: RealCase[] = [
	{
		id: 'apigw-query-signed-in-path-sigv4-examples-14',
		source: 'https://github.com/aws-samples/sigv4-signing-examples/pull/14',
		cause:
			'The API Gateway request path was passed to SignatureV4.sign with its query string attached, so the query was signed as part of the path.',
		expected: ['query-in-path'],
		pastes: RECREATED['apigw-query-signed-in-path-sigv4-examples-14']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'lambda-url-oac-no-content-sha-cdk-nextjs-87',
		source: 'https://github.com/cdklabs/cdk-nextjs/issues/87',
		cause: 'POSTs through CloudFront OAC to a Lambda function URL had no x-amz-content-sha256; Lambda does not accept unsigned payloads.',
		expected: ['payload-hash-missing'],
		allowedErrors: ['unsigned-payload-misuse', 'payload-hash-mismatch'],
		pastes: RECREATED['lambda-url-oac-no-content-sha-cdk-nextjs-87']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'lambda-url-oac-header-typo-html-share-4',
		source: 'https://github.com/minorun365/html-share/issues/4',
		cause:
			'The client sent the body hash as "x-content-sha256" (missing "amz-"), so the OAC-signed POST to the Lambda function URL had no x-amz-content-sha256.',
		expected: ['payload-hash-missing'],
		allowedErrors: ['unsigned-payload-misuse', 'payload-hash-mismatch'],
		pastes: RECREATED['lambda-url-oac-header-typo-html-share-4']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'aoss-content-sha-header-missing-1067',
		source: 'https://github.com/FantasticFiasco/aws-signature-version-4/issues/1067',
		cause: 'The signer did not send x-amz-content-sha256, which OpenSearch Serverless (aoss) requires on every request.',
		expected: ['payload-hash-missing'],
		pastes: RECREATED['aoss-content-sha-header-missing-1067']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	}
];
