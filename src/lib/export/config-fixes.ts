import type { FindingCode } from '../findings/index.ts';

/** The SDKs and signers whose options can be the whole fix. */
export const SDKS = {
	smithy: '@smithy/signature-v4 (AWS SDK for JavaScript v3)',
	'js-v3': 'AWS SDK for JavaScript v3 (S3Client)',
	aws4fetch: 'aws4fetch',
	aws4: 'aws4 (Node)',
	boto3: 'boto3 / botocore (Python)',
	'aws-cli': 'AWS CLI',
	'go-v2': 'AWS SDK for Go v2',
	'java-v2': 'AWS SDK for Java 2.x'
} as const;
export type Sdk = keyof typeof SDKS;

export interface ConfigFix {
	code: FindingCode;
	sdk: Sdk;
	/** What the SDK is called, for a heading. */
	label: string;
	/** One line to put in the user's code or shell. */
	fix: string;
}

/** What the lines may name from the case: the region and the signing name the case signs for. */
export interface FixContext {
	region?: string;
	service?: string;
}

type Line = string | ((ctx: Required<FixContext>) => string);

// One line per SDK where an option (not new code) is the answer; an SDK that has no such option
// for a cause is left out rather than given advice that does not fix it.
const SINGLE_ENCODING: Partial<Record<Sdk, Line>> = {
	smithy: 'new SignatureV4({ service, region, credentials, sha256, uriEscapePath: false }) // S3 and S3-likes: encode the path once',
	aws4fetch: 'new AwsV4Signer({ ...request, singleEncode: true })',
	aws4: "aws4.sign({ ...request, service: 's3' }) // or doNotEncodePath: true",
	boto3: "Config(signature_version='s3v4')",
	'go-v2':
		'signer.SignHTTP(ctx, creds, req, payloadHash, "s3", region, time.Now(), func(o *v4.SignerOptions) { o.DisableURIPathEscaping = true })',
	'java-v2': '.putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false).putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)'
};

const DOUBLE_ENCODING: Partial<Record<Sdk, Line>> = {
	smithy: ({ service }) =>
		`new SignatureV4({ service: '${service}', region, credentials, sha256, uriEscapePath: true }) // every service but S3 encodes twice`,
	aws4fetch: 'new AwsV4Signer({ ...request, singleEncode: false })',
	'go-v2': 'func(o *v4.SignerOptions) { o.DisableURIPathEscaping = false }',
	'java-v2': '.putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, true).putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, true)'
};

const PATH_STYLE: Partial<Record<Sdk, Line>> = {
	'js-v3': 'new S3Client({ region, endpoint, forcePathStyle: true })',
	boto3: "Config(s3={'addressing_style': 'path'})",
	'aws-cli': 'aws configure set default.s3.addressing_style path',
	'go-v2': 's3.NewFromConfig(cfg, func(o *s3.Options) { o.UsePathStyle = true })',
	'java-v2': 'S3Client.builder().forcePathStyle(true)'
};

const CHECKSUM_WHEN_REQUIRED: Partial<Record<Sdk, Line>> = {
	'js-v3': "new S3Client({ region, requestChecksumCalculation: 'WHEN_REQUIRED' })",
	smithy:
		"signer.presign(request, { unhoistableHeaders: new Set(['x-amz-checksum-crc32']) }) // or the client's requestChecksumCalculation: 'WHEN_REQUIRED'",
	boto3: "Config(request_checksum_calculation='when_required')",
	'aws-cli': 'export AWS_REQUEST_CHECKSUM_CALCULATION=when_required',
	'go-v2': 's3.NewFromConfig(cfg, func(o *s3.Options) { o.RequestChecksumCalculation = aws.RequestChecksumCalculationWhenRequired })',
	'java-v2': 'S3Client.builder().requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)'
};

const CONTENT_SHA256: Partial<Record<Sdk, Line>> = {
	smithy: 'new SignatureV4({ service, region, credentials, sha256, applyChecksum: true }) // sends x-amz-content-sha256',
	aws4fetch: "new AwsClient({ accessKeyId, secretAccessKey, service: 's3' }) // s3 adds X-Amz-Content-Sha256",
	'go-v2': 'req.Header.Set("X-Amz-Content-Sha256", payloadHash) // before signer.SignHTTP',
	boto3: "Config(signature_version='s3v4')"
};

const TABLE: Partial<Record<FindingCode, Partial<Record<Sdk, Line>>>> = {
	'path-double-encoded': SINGLE_ENCODING,
	's3-path-normalized': {
		...SINGLE_ENCODING,
		'java-v2': '.putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)'
	},
	'path-not-double-encoded': DOUBLE_ENCODING,
	'path-not-normalized': {
		smithy: DOUBLE_ENCODING.smithy!,
		'java-v2': '.putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, true)'
	},
	'host-mismatch': PATH_STYLE,
	'payload-hash-missing': CONTENT_SHA256,
	'header-hoisted-to-query': CHECKSUM_WHEN_REQUIRED,
	'unsigned-payload-misuse': {
		'js-v3': "getSignedUrl(client, new PutObjectCommand(input)) // from '@aws-sdk/s3-request-presigner': signs UNSIGNED-PAYLOAD",
		aws4: "aws4.sign({ ...request, service: 's3', signQuery: true }) // presigned S3 URLs sign UNSIGNED-PAYLOAD",
		'go-v2': 'signer.PresignHTTP(ctx, creds, req, "UNSIGNED-PAYLOAD", "s3", region, time.Now())'
	},
	'session-token-signed': {
		aws4fetch: "new AwsV4Signer({ ...request, service: 'iotdevicegateway', signQuery: true, appendSessionToken: true })"
	},
	'unsignable-header-signed': {
		smithy: "signer.sign(request, { unsignableHeaders: new Set(['user-agent', 'expect', 'content-length']) })",
		aws4fetch: 'new AwsV4Signer({ ...request, allHeaders: false })'
	},
	'scope-region-mismatch': {
		smithy: ({ region }) => `new SignatureV4({ service, region: '${region}', credentials, sha256 })`,
		'js-v3': ({ region }) => `new S3Client({ region: '${region}' })`,
		boto3: ({ region }) => `boto3.client('s3', region_name='${region}')`,
		'aws-cli': ({ region }) => `aws configure set region ${region}`,
		'go-v2': ({ region }) => `config.LoadDefaultConfig(ctx, config.WithRegion("${region}"))`,
		'java-v2': ({ region }) => `S3Client.builder().region(Region.of("${region}"))`
	},
	'scope-service-mismatch': {
		smithy: ({ service }) => `new SignatureV4({ service: '${service}', region, credentials, sha256 })`,
		aws4fetch: ({ service }) => `new AwsClient({ accessKeyId, secretAccessKey, service: '${service}' })`,
		aws4: ({ service }) => `aws4.sign({ ...request, service: '${service}' })`,
		'go-v2': ({ service }) => `signer.SignHTTP(ctx, creds, req, payloadHash, "${service}", region, time.Now())`
	}
};

/** The codes that have a config fix in some SDK. */
export const CONFIG_FIX_CODES = Object.keys(TABLE) as FindingCode[];

/**
 * The one-line fix per SDK for the case's findings, where an SDK option is the answer: in the
 * order of the codes given (root cause first), each SDK once per code.
 */
export function configFixes(codes: readonly string[], ctx: FixContext = {}): ConfigFix[] {
	const filled = { region: ctx.region || 'us-east-1', service: ctx.service || 's3' };
	const out: ConfigFix[] = [];
	for (const code of new Set(codes)) {
		const lines = Object.hasOwn(TABLE, code) ? TABLE[code as FindingCode] : undefined;
		if (!lines) continue;
		for (const [sdk, line] of Object.entries(lines) as [Sdk, Line][]) {
			out.push({ code: code as FindingCode, sdk, label: SDKS[sdk], fix: typeof line === 'function' ? line(filled) : line });
		}
	}
	return out;
}
