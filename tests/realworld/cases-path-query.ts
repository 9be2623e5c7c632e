import { RECREATED } from './recreated.generated.ts';
import { EXAMPLE_SECRET, type RealCase } from './types.ts';

export const PATH_QUERY_CASES: RealCase[] = [
	{
		id: 'es-asterisk-path-aws4-12',
		source: 'https://github.com/mhart/aws4/pull/12',
		cause: 'aws4 left "*" raw in the canonical path; Elasticsearch Service expects it percent-encoded as %2A.',
		expected: ['path-not-encoded'],
		pastes: RECREATED['es-asterisk-path-aws4-12']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'es-asterisk-comma-aws-sig4-4',
		source: 'https://github.com/sharetribe/aws-sig4/issues/4',
		cause: 'The signer left "*" and "," raw in the path "/*,-notme/_search"; the service canonicalises them as %2A%2C.',
		expected: ['path-not-encoded'],
		pastes: RECREATED['es-asterisk-comma-aws-sig4-4']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 's3-plus-left-raw-fineuploader-1518',
		source: 'https://github.com/FineUploader/fine-uploader/issues/1518',
		cause: 'The S3 key with "+" was signed with a literal "+"; S3 expects %2B in the canonical URI.',
		expected: ['path-not-encoded'],
		allowedErrors: ['plus-in-s3-key'],
		pastes: RECREATED['s3-plus-left-raw-fineuploader-1518']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 's3-plus-signed-as-space-minio-dart-115',
		source: 'https://github.com/xtyxtyx/minio-dart/pull/115',
		cause: 'encodePath signed a literal "+" in the key as %20 while the URL sent "+", which S3 canonicalises as %2B.',
		expected: ['plus-in-s3-key'],
		allowedErrors: ['path-not-encoded'],
		pastes: RECREATED['s3-plus-signed-as-space-minio-dart-115']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 's3cmd-space-sent-as-plus-780',
		source: 'https://github.com/s3tools/s3cmd/issues/780',
		cause: 's3cmd signed the space in the key as %20 but sent it as "+" on the wire, which the server reads as a literal plus.',
		expected: ['plus-in-s3-key'],
		allowedErrors: ['path-not-encoded'],
		pastes: RECREATED['s3cmd-space-sent-as-plus-780']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'query-space-as-plus-arrow-223',
		source: 'https://github.com/apache/arrow-rs-object-store/issues/223',
		cause: 'Query parameters were encoded by reqwest, which writes a space as "+"; SigV4 requires %20.',
		expected: ['query-plus-for-space'],
		allowedErrors: ['query-not-encoded'],
		pastes: RECREATED['query-space-as-plus-arrow-223']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'es-scroll-id-equals-interceptor-17',
		source: 'https://github.com/inreachventures/aws-signing-request-interceptor/pull/17',
		cause: 'The path encoder used for query values left "=" in the base64 scroll_id unencoded; the service expects %3D.',
		expected: ['query-not-encoded'],
		pastes: RECREATED['es-scroll-id-equals-interceptor-17']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'query-sorted-as-strings-aws4-104',
		source: 'https://github.com/mhart/aws4/issues/104',
		cause: 'The canonical query was sorted as "key=value" strings, putting q.parser=… before q=…; SigV4 sorts by encoded key.',
		expected: ['query-not-sorted'],
		pastes: RECREATED['query-sorted-as-strings-aws4-104']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'es-not-double-encoded-aws-sdk-js-853',
		source: 'https://github.com/aws/aws-sdk-js/issues/853',
		cause:
			'The signer encoded the path once (S3 style); Elasticsearch Service, like non-S3 services, encodes the already-encoded path again (%253F, %2520).',
		expected: ['path-not-double-encoded'],
		pastes: RECREATED['es-not-double-encoded-aws-sdk-js-853']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'es-index-star-not-double-encoded-amazonka-303',
		source: 'https://github.com/brendanhay/amazonka/issues/303',
		cause: 'amazonka sent "*" as %2A and signed it once; the ES endpoint expects the sent path encoded again (%252A).',
		expected: ['path-not-double-encoded'],
		pastes: RECREATED['es-index-star-not-double-encoded-amazonka-303']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	}
];
