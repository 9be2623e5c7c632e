import { RECREATED } from './recreated.generated.ts';
import { EXAMPLE_SECRET, type RealCase } from './types.ts';

export const TIME_CASES: RealCase[] = [
	{
		id: 'apex-12-hour-clock-base64-hash-sfse-88535',
		source: 'https://salesforce.stackexchange.com/questions/88535',
		cause:
			"The Apex signer formatted the time with 'hhmmss' (12-hour clock) and wrote the canonical-request hash in base64 instead of hex.",
		expected: ['timestamp-12-hour-clock', 'hash-base64-not-hex'],
		allowedErrors: ['clock-skew'],
		pastes: RECREATED['apex-12-hour-clock-base64-hash-sfse-88535']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET,
		now: '2015-08-30T13:36:20Z'
	},
	{
		id: 'scope-date-from-other-clock-read-alpakka-1686',
		source: 'https://github.com/akka/alpakka/pull/1686',
		cause: 'The credential scope date and X-Amz-Date came from two different clock reads, so around midnight they named different days.',
		expected: ['timestamp-scope-date-mismatch'],
		pastes: RECREATED['scope-date-from-other-clock-read-alpakka-1686']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'date-utc-suffix-amazonka-154',
		source: 'https://github.com/brendanhay/amazonka/issues/154',
		cause: 'The x-amz-date was formatted with "%Z", giving "20150730T143802UTC" instead of the literal "Z".',
		expected: ['timestamp-malformed'],
		pastes: RECREATED['date-utc-suffix-amazonka-154']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'date-offset-suffix-aws-signature-r-64',
		source: 'https://github.com/cloudyr/aws.signature/issues/64',
		cause: 'The date was formatted "%Y%m%dT%H%M%S%z", giving an offset like "+0000" instead of "Z".',
		expected: ['timestamp-malformed'],
		pastes: RECREATED['date-offset-suffix-aws-signature-r-64']!,
		evidence: 'recreated',
		secret: EXAMPLE_SECRET
	},
	{
		id: 'clock-ahead-aws-sdk-js-2565',
		source: 'https://github.com/aws/aws-sdk-js/issues/2565',
		cause: "The local clock was ahead of AWS's by about three hours, so the signature was not yet current.",
		expected: ['clock-skew'],
		pastes: [
			'InvalidSignatureException: Signature not yet current: 20190305T002809Z is still later than 20190304T214315Z (20190304T212815Z + 15 min.)'
		],
		evidence: 'report'
	},
	{
		id: 'device-clock-changed-aws-sdk-android-88',
		source: 'https://github.com/aws-amplify/aws-sdk-android/issues/88',
		cause: 'The SDK signed with the device time, which users had changed, so the request time was weeks off the server time.',
		expected: ['clock-skew'],
		pastes: [
			'com.amazonaws.AmazonServiceException\nSignature expired: 20151130T204723Z is now earlier than 20160119T133514Z (20160119T135014Z - 15 min.) (Service: AmazonSQS; Status Code: 403; Error Code: SignatureDoesNotMatch; Request ID: 9f58eb2d-329a-5b8b-be24-a43573ccd373)'
		],
		evidence: 'report'
	},
	{
		id: 'system-clock-wrong-mt-aws-glacier-2',
		source: 'https://github.com/vsespb/mt-aws-glacier/issues/2',
		cause: "The machine's system clock (or time zone) was wrong, so the request time differed from AWS's by more than 5 minutes.",
		expected: ['clock-skew'],
		pastes: [
			'{"message":"Signature expired: 20120907T094027Z is now earlier than 20120907T094737Z (20120907T095237Z - 5 min.)","code":"InvalidSignatureException","type":"Client"}'
		],
		evidence: 'report'
	},
	{
		id: 'skewed-system-clock-aws4fetch-73',
		source: 'https://github.com/mhart/aws4fetch/issues/73',
		cause: 'The system clock was skewed (and could not be synced), so the signed time was over 5 minutes behind the server.',
		expected: ['clock-skew'],
		pastes: ['{\n    "message": "Signature expired: 20241008T195522Z is now earlier than 20241008T195940Z (20241008T200440Z - 5 min.)"\n}'],
		evidence: 'report'
	}
];
