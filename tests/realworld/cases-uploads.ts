import { RECREATED } from './recreated.generated.ts';
import { EXAMPLE_SECRET, type RealCase } from './types.ts';

/** Uploads: the 2025 flexible-checksum defaults, aws-chunked framing to S3-compatible servers, S3 Express sessions. */
export const UPLOAD_CASES: RealCase[] = [
	{
		id: 'presign-empty-crc32-seaweedfs-10216',
		source: 'https://github.com/seaweedfs/seaweedfs/issues/10216',
		cause:
			'@aws-sdk/client-s3 3.729.0 presigned the PutObject without a body, so it baked x-amz-checksum-crc32=AAAAAA== (the CRC32 of nothing) into the URL; the real file (CRC32 HYZs4w==) then fails the checksum (the maintainer: "Not a SeaweedFS bug").',
		expected: ['presign-empty-body-checksum'],
		pastes: RECREATED['presign-empty-crc32-seaweedfs-10216']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'presign-empty-crc32-r2-petdex-465',
		source: 'https://github.com/crafter-station/petdex/issues/465',
		cause:
			'The R2 presigned PUT URL from AWS SDK v3 carried x-amz-checksum-crc32=AAAAAA== and x-amz-sdk-checksum-algorithm=CRC32, the checksum of an empty payload; R2 rejected the non-empty pet.json the browser uploaded.',
		expected: ['presign-empty-body-checksum'],
		pastes: RECREATED['presign-empty-crc32-r2-petdex-465']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'checksum-hoisted-header-sent-go-v2-2387',
		source: 'https://github.com/aws/aws-sdk-go-v2/pull/2387',
		cause:
			'PresignPutObject hoisted X-Amz-Checksum-Sha256 into the query and left it out of X-Amz-SignedHeaders (host only); curl then sent x-amz-checksum-sha256 as a header, which the URL does not sign, and S3 answered 403.',
		expected: ['checksum-sent-not-signed', 'x-amz-header-not-signed'],
		pastes: RECREATED['checksum-hoisted-header-sent-go-v2-2387']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'checksum-header-not-signed-js-v3-3906',
		source: 'https://github.com/aws/aws-sdk-js-v3/issues/3906',
		cause:
			'getSignedUrl moved the x-amz-checksum-sha256 header into the query (SignedHeaders=host), and the client sent x-amz-checksum-sha256 as a header: S3 answered AccessDenied, HeadersNotSigned x-amz-checksum-sha256.',
		expected: ['checksum-sent-not-signed', 'x-amz-header-not-signed'],
		pastes: RECREATED['checksum-header-not-signed-js-v3-3906']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'sdk-checksum-algorithm-not-signed-aws-sdk-338',
		source: 'https://github.com/aws/aws-sdk/issues/338',
		cause:
			'The presigned UploadPart URL did not sign x-amz-sdk-checksum-algorithm, but the part upload sent it (the upload was created with ChecksumAlgorithm): S3 answered HeadersNotSigned x-amz-sdk-checksum-algorithm.',
		expected: ['checksum-sent-not-signed', 'x-amz-header-not-signed'],
		pastes: RECREATED['sdk-checksum-algorithm-not-signed-aws-sdk-338']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'checksum-mode-added-after-presign-rust-1253',
		source: 'https://github.com/awslabs/aws-sdk-rust/issues/1253',
		cause:
			'The Rust SDK added the new x-amz-checksum-mode header to the presigned GetObject request after signing it, so S3 answered AccessDenied, HeadersNotSigned x-amz-checksum-mode.',
		expected: ['checksum-sent-not-signed', 'header-added-after-signing', 'x-amz-header-not-signed'],
		pastes: RECREATED['checksum-mode-added-after-presign-rust-1253']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'missing-content-length-storj-gateway-89',
		source: 'https://github.com/storj/gateway-st/issues/89',
		cause:
			'aws-cli 2.23 uploads as STREAMING-UNSIGNED-PAYLOAD-TRAILER (aws-chunked, Transfer-Encoding: chunked, no Content-Length), which the Storj gateway does not support: it answered MissingContentLength; aws-cli 2.15 worked.',
		expected: ['chunked-without-content-length'],
		pastes: RECREATED['missing-content-length-storj-gateway-89']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'missing-content-length-aws-sdk-cpp-3411',
		source: 'https://github.com/aws/aws-sdk-cpp/issues/3411',
		cause:
			'The C++ SDK (1.11.519) switched PutObject to Transfer-Encoding: chunked for default trailing checksums (a maintainer: "CPP sdk recently switched to later to support trailing checksums by default"); the S3-compatible server wants Content-Length.',
		expected: ['chunked-without-content-length'],
		pastes: RECREATED['missing-content-length-aws-sdk-cpp-3411']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'stale-checksum-trailer-milvus-storage-614',
		source: 'https://github.com/milvus-io/milvus-storage/pull/614',
		cause:
			'aws-sdk-cpp 1.11.692 reused the checksum state of a partly read aws-chunked stream when it retried a PutObject, so the retry sent the whole body with a stale checksum trailer and MinIO answered XAmzContentChecksumMismatch.',
		expected: ['checksum-mismatch'],
		pastes: RECREATED['stale-checksum-trailer-milvus-storage-614']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'create-session-s3session-token-smithy-rs-3474',
		source: 'https://github.com/smithy-lang/smithy-rs/pull/3474',
		cause:
			'The S3 Express branch overwrote the SigV4 session-token header name with x-amz-s3session-token even for CreateSession, which must carry the credentials\' token as x-amz-security-token: "CreateSession request should not include x-amz-s3session-token".',
		expected: ['s3express-create-session-token'],
		pastes: RECREATED['create-session-s3session-token-smithy-rs-3474']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 's3express-security-token-soto-745',
		source: 'https://github.com/soto-project/soto/issues/745',
		cause:
			"Soto had no S3 Express signing: requests to a directory bucket went out as plain s3 SigV4 with the CreateSession credentials' token in x-amz-security-token, where the sigv4-s3express scheme sends it as x-amz-s3session-token (the reporter).",
		expected: ['s3express-security-token', 's3express-signing-name'],
		pastes: RECREATED['s3express-security-token-soto-745']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'checksum-mode-signed-not-sent-go-v2-3528',
		source: 'https://github.com/aws/aws-sdk-go-v2/issues/3528',
		cause:
			'aws-sdk-go-v2 v1.43.7 kept x-amz-checksum-mode (which the SDK sets to ENABLED on every GetObject) as a signed header of presigned GetObject URLs (X-Amz-SignedHeaders=host;x-amz-checksum-mode); fetching the URL alone does not send it, so S3 answered SignatureDoesNotMatch.',
		expected: ['checksum-signed-not-sent', 'signed-header-absent'],
		pastes: RECREATED['checksum-mode-signed-not-sent-go-v2-3528']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'checksum-unsupported-b2-home-assistant-143995',
		source: 'https://github.com/home-assistant/core/issues/143995',
		cause:
			'Backblaze B2 does not support the flexible-checksum headers that boto3 sends by default since 1.36: UploadPart failed with InvalidArgument "Unsupported header \'x-amz-sdk-checksum-algorithm\' received for this API call."',
		expected: ['checksum-header-unsupported'],
		pastes: [
			"Unexpected error for s3.01JT470JQD6FGPH4WZG3PCX7DR: An error occurred (InvalidArgument) when calling the UploadPart operation: Unsupported header 'x-amz-sdk-checksum-algorithm' received for this API call."
		],
		evidence: 'report'
	},
	{
		id: 'checksum-unsupported-b2-django-storages-1498',
		source: 'https://github.com/jschneier/django-storages/issues/1498',
		cause:
			"boto3 after 1.35.99 sends data-integrity (checksum) headers by default, which Backblaze B2 does not support; the reporter's fix is request_checksum_calculation='when_required'.",
		expected: ['checksum-header-unsupported'],
		pastes: [
			"ClientError: An error occurred (InvalidArgument) when calling the PutObject operation: Unsupported header 'x-amz-sdk-checksum-algorithm' received for this API call."
		],
		evidence: 'report'
	},
	{
		id: 'checksum-unsupported-b2-nocobase-6872',
		source: 'https://github.com/nocobase/nocobase/issues/6872',
		cause:
			"The latest AWS SDK for JavaScript sends x-amz-checksum-crc32 by default, which Backblaze B2 does not support (400 Bad Request); the fix is requestChecksumCalculation: 'WHEN_REQUIRED'.",
		expected: ['checksum-header-unsupported'],
		pastes: ["Unsupported header 'x-amz-checksum-crc32' received for this API call."],
		evidence: 'report'
	}
];
