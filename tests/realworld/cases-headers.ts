import { RECREATED } from './recreated.generated.ts';
import { EXAMPLE_SECRET, type RealCase } from './types.ts';

export const HEADER_CASES: RealCase[] = [
	{
		id: 'proxy-rewrites-accept-encoding-gomitmproxy-31',
		source: 'https://github.com/AdguardTeam/gomitmproxy/pull/31',
		cause: 'The MITM proxy rewrote the signed Accept-Encoding header from "identity" to "gzip" after the SDK signed the DynamoDB request.',
		expected: ['header-added-after-signing'],
		allowedErrors: ['unsignable-header-signed'],
		pastes: RECREATED['proxy-rewrites-accept-encoding-gomitmproxy-31']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'cdn-rewrites-accept-encoding-req-546',
		source: 'https://github.com/wojtekmach/req/pull/546',
		cause: 'Accept-Encoding (with zstd) was signed, and Cloudflare rewrote it to "gzip" at the edge before R2 checked the signature.',
		expected: ['header-added-after-signing'],
		allowedErrors: ['unsignable-header-signed'],
		pastes: RECREATED['cdn-rewrites-accept-encoding-req-546']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'vpce-appends-x-forwarded-for-aoss-1067',
		source: 'https://github.com/FantasticFiasco/aws-signature-version-4/issues/1067',
		cause:
			'The proxy forwarded and signed X-Forwarded-For, and the VPC endpoint appended an address to it before OpenSearch Serverless verified the signature.',
		expected: ['header-added-after-signing'],
		allowedErrors: ['unsignable-header-signed'],
		pastes: RECREATED['vpce-appends-x-forwarded-for-aoss-1067']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'host-default-port-signed-s3-lite-client-6',
		source: 'https://github.com/bradenmacdonald/s3-lite-client/issues/6',
		cause:
			'With port 443 configured, the library signed "host:…:443" while the Host sent (and S3\'s canonical request) has no default port.',
		expected: ['host-port-mismatch'],
		pastes: [
			'GET\n/test/example.pdf\n\nhost:s3.eu-north-1.amazonaws.com:443\nx-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\nx-amz-date:20230303T114916Z\n\nhost;x-amz-content-sha256;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
			'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message><CanonicalRequest>GET\n/test/example.pdf\n\nhost:s3.eu-north-1.amazonaws.com\nx-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\nx-amz-date:20230303T114916Z\n\nhost;x-amz-content-sha256;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855</CanonicalRequest></Error>'
		],
		evidence: 'report'
	},
	{
		id: 'host-default-port-signed-s3cmd-974',
		source: 'https://github.com/s3tools/s3cmd/issues/974',
		cause: 'host_base with ":443" made s3cmd sign "host:mahbucke.s3.amazonaws.com:443", a default port clients do not send.',
		expected: ['host-port-mismatch'],
		pastes: [
			"DEBUG: Canonical Request:\nGET\n/\ndelimiter=%2F\nhost:mahbucke.s3.amazonaws.com:443\nx-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\nx-amz-date:20180521T195540Z\n\nhost;x-amz-content-sha256;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n----------------------\nDEBUG: signature-v4 headers: {'x-amz-content-sha256': u'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'x-amz-date': '20180521T195540Z', 'Authorization': u'AWS4-HMAC-SHA256 Credential=AKIAJV3VAEW6OFKXWMLQ/20180521/us-east-1/s3/aws4_request,SignedHeaders=host;x-amz-content-sha256;x-amz-date,Signature=579e17be2471bb7ec8295221e38d46ae0458b7682d18a5287e427f6fbe87e6fc'}"
		],
		evidence: 'report'
	},
	{
		id: 'host-port-dropped-ex-aws-213',
		source: 'https://github.com/ex-aws/ex_aws/issues/213',
		cause:
			'ex_aws signed "host:127.0.0.1" while the Host header sent was "127.0.0.1:9000": a non-default port dropped from the signed host.',
		expected: ['host-port-mismatch'],
		pastes: RECREATED['host-port-dropped-ex-aws-213']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	}
];
