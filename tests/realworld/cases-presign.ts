import { RECREATED } from './recreated.generated.ts';
import { EXAMPLE_SECRET, type RealCase } from './types.ts';

export const PRESIGN_CASES: RealCase[] = [
	{
		id: 'presign-put-content-type-js-v3-5268',
		source: 'https://github.com/aws/aws-sdk-js-v3/issues/5268',
		cause:
			"The PUT URL was presigned with the file's Content-Type signed, and axios sent a different Content-Type (application/x-www-form-urlencoded).",
		expected: ['header-added-after-signing'],
		pastes: RECREATED['presign-put-content-type-js-v3-5268']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'presign-put-content-type-sigv2-aws-sdk-js-557',
		source: 'https://github.com/aws/aws-sdk-js/issues/557',
		cause:
			'The URL was presigned without a Content-Type, and AngularJS sent "multipart/form-data", which S3 puts into the (SigV2) string to sign.',
		expected: ['header-added-after-signing'],
		allowedErrors: ['sigv2-request'],
		pastes: [
			'https://s3.amazonaws.com/mybucket/1_myfile?AWSAccessKeyId=myKey&Expires=1427993282&Signature=tzxdB4%2FFES81KgP1mBiwrhbcu6w%3D',
			'<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n   <Code>SignatureDoesNotMatch</Code>\n   <Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message>\n   <AWSAccessKeyId>mykey</AWSAccessKeyId>\n   <StringToSign>PUT\n\nmultipart/form-data\n1427992617\n/mybucket/1_myfile</StringToSign>\n   <SignatureProvided>dEyHSGBGcSmCfsZ1ahPryYTaB0U=</SignatureProvided>\n</Error>'
		],
		evidence: 'report'
	},
	{
		id: 'iot-token-signed-soto-core-453',
		source: 'https://github.com/soto-project/soto-core/issues/453',
		cause: 'Soto put X-Amz-Security-Token into the signed query of the IoT MQTT WebSocket URL; AWS IoT wants it appended after signing.',
		expected: ['session-token-signed'],
		pastes: RECREATED['iot-token-signed-soto-core-453']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'iot-token-signed-aws-sdk-js-1456',
		source: 'https://github.com/aws/aws-sdk-js/issues/1456',
		cause:
			'The JS SDK always signs X-Amz-Security-Token, but AWS IoT does not accept the token when it is signed in the presigned WebSocket URL.',
		expected: ['session-token-signed'],
		pastes: RECREATED['iot-token-signed-aws-sdk-js-1456']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'iot-token-signed-aws-sdk-php-2247',
		source: 'https://github.com/aws/aws-sdk-php/issues/2247',
		cause: 'SignatureV4::presign added the Cognito session token before signing the IoT Core URL; IoT wants it added after signing.',
		expected: ['session-token-signed'],
		pastes: RECREATED['iot-token-signed-aws-sdk-php-2247']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'presign-token-missing-s3-lite-client-50',
		source: 'https://github.com/bradenmacdonald/s3-lite-client/issues/50',
		cause: 'getPresignedUrl ignored the session token, so URLs signed with temporary (ASIA…) credentials lacked X-Amz-Security-Token.',
		expected: ['session-token-missing'],
		pastes: RECREATED['presign-token-missing-s3-lite-client-50']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'presign-token-missing-kiam-261',
		source: 'https://github.com/uswitch/kiam/issues/261',
		cause: 'The presigned PUT URL was made with temporary (ASIA…) credentials but without X-Amz-Security-Token.',
		expected: ['session-token-missing'],
		pastes: RECREATED['presign-token-missing-kiam-261']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'presign-expires-over-week-aws-cli-5464',
		source: 'https://github.com/aws/aws-cli/issues/5464',
		cause: 'aws s3 presign --expires-in 604801 produced a URL valid for more than the 7 days SigV4 allows.',
		expected: ['presign-expires-too-long'],
		pastes: RECREATED['presign-expires-over-week-aws-cli-5464']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'presign-expires-over-week-minio-5162',
		source: 'https://github.com/minio/minio/issues/5162',
		cause: 'The presigned URL had X-Amz-Expires=864000 (10 days), over the 604800-second limit that AWS enforces.',
		expected: ['presign-expires-too-long'],
		pastes: RECREATED['presign-expires-over-week-minio-5162']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	}
];
