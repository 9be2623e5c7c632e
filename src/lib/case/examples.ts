import type { SigningParams } from '../sigv4/index.ts';

/** AWS's documented example credentials (S3 API Reference): safe to show and to share. */
export const EXAMPLE_CREDENTIALS = {
	accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
	secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
} as const;

/** The S3 "GET object with Range" example, whose published signature the page reproduces on first open. */
export const DEFAULT_REQUEST_TEXT = ['GET /test.txt HTTP/1.1', 'Host: examplebucket.s3.amazonaws.com', 'Range: bytes=0-9', ''].join('\n');

export const DEFAULT_PARAMS: SigningParams = {
	credentials: { ...EXAMPLE_CREDENTIALS },
	region: 'us-east-1',
	service: 's3',
	datetime: '20130524T000000Z'
};

export const DEFAULT_SIGNATURE = 'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41';

/** The POST policy a new POST case starts with: uploads under uploads/ of the example bucket, up to 10 MB. */
export const DEFAULT_POST_POLICY = [
	'{',
	'  "expiration": "2013-05-25T00:00:00.000Z",',
	'  "conditions": [',
	'    {"bucket": "examplebucket"},',
	'    ["starts-with", "$key", "uploads/"],',
	'    ["content-length-range", 0, 10485760]',
	'  ]',
	'}'
].join('\n');

export const DEFAULT_POST_FIELDS = 'key: uploads/${filename}';
