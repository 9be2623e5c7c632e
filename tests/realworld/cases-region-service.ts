import type { RealCase } from './types.ts';

export const REGION_SERVICE_CASES: RealCase[] = [
	{
		id: 'region-underscores-aws-cli-2954',
		source: 'https://github.com/aws/aws-cli/issues/2954',
		cause: 'The configured region was "us_east_1" (underscores) instead of "us-east-1".',
		expected: ['scope-region-mismatch'],
		pastes: [
			"An error occurred (AuthorizationHeaderMalformed) when calling the ListBuckets operation: The authorization header is malformed; the region 'us_east_1' is wrong; expecting 'us-east-1'"
		],
		evidence: 'report'
	},
	{
		id: 'region-default-evaporatejs-364',
		source: 'https://github.com/TTLabs/EvaporateJS/issues/364',
		cause: 'EvaporateJS signed for its default us-east-1 because awsRegion was not set; the bucket is in eu-central-1.',
		expected: ['scope-region-mismatch'],
		pastes: [
			"AuthorizationHeaderMalformed, Message:The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'eu-central-1'"
		],
		evidence: 'report'
	},
	{
		id: 'region-endpoint-override-aws-sdk-cpp-1339',
		source: 'https://github.com/aws/aws-sdk-cpp/issues/1339',
		cause: 'With only endpointOverride set, the signer kept signing for us-east-1 while the bucket and endpoint are in us-west-2.',
		expected: ['scope-region-mismatch'],
		pastes: [
			"AuthorizationHeaderMalformed Message: The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'us-west-2'"
		],
		evidence: 'report'
	},
	{
		id: 'region-us-east-aws-cli-1256',
		source: 'https://github.com/aws/aws-cli/issues/1256',
		cause: 'The profile\'s region was "us-east", which is not a region; the credential scope must name us-east-1.',
		expected: ['scope-region-mismatch'],
		pastes: [
			'2015-04-02 10:00:53,902 - MainThread - botocore.auth - DEBUG - StringToSign:\nAWS4-HMAC-SHA256\n20150402T140053Z\n20150402/us-east/s3/aws4_request\nc2f10df0a6273531a1c59de88a43aa15d54e0ff0d4efb446bfc413f423a40b6e\n2015-04-02 10:00:53,902 - MainThread - botocore.auth - DEBUG - Signature:\nbbea77bb9355119c47ea3fb62edd0e3ffd32dab9733698f8f82ea7bebba32e99\n2015-04-02 10:00:53,941 - MainThread - botocore.parsers - DEBUG - Response body:\n<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AuthorizationHeaderMalformed</Code><Message>The authorization header is malformed; the region \'us-east\' is wrong; expecting \'us-east-1\'</Message><Region>us-east-1</Region></Error>'
		],
		evidence: 'recreated'
	},
	{
		id: 'region-bucket-elsewhere-terraform-aws-14544',
		source: 'https://github.com/hashicorp/terraform-provider-aws/issues/14544',
		cause:
			'The bucket name already existed in us-east-2, so the request signed for us-east-1 was answered from a bucket in another region.',
		expected: ['scope-region-mismatch'],
		pastes: [
			"api error AuthorizationHeaderMalformed: The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'us-east-2'"
		],
		evidence: 'report'
	},
	{
		id: 'service-not-es-aws-elasticsearch-connector-9',
		source: 'https://github.com/compwright/aws-elasticsearch-connector/pull/9',
		cause:
			'The connector left the signing service to aws4\'s guess from the host; Elasticsearch Service wants the scope\'s service to be "es".',
		expected: ['scope-service-mismatch'],
		pastes: ["ResponseError: Credential should be scoped to correct service: 'es'. "],
		evidence: 'report'
	}
];
