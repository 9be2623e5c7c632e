import { serviceRules } from '../sigv4/index.ts';

/** Signing names offered in the service field; each carries its rules through serviceRules. */
export const SERVICE_PRESETS: { name: string; label: string }[] = [
	{ name: 's3', label: 'Amazon S3' },
	{ name: 'execute-api', label: 'API Gateway' },
	{ name: 'lambda', label: 'Lambda' },
	{ name: 'dynamodb', label: 'DynamoDB' },
	{ name: 'sns', label: 'SNS' },
	{ name: 'sqs', label: 'SQS' },
	{ name: 'sts', label: 'STS' },
	{ name: 'iam', label: 'IAM' },
	{ name: 'es', label: 'OpenSearch Service' },
	{ name: 'aoss', label: 'OpenSearch Serverless' },
	{ name: 'ec2', label: 'EC2' },
	{ name: 'kms', label: 'KMS' },
	{ name: 'secretsmanager', label: 'Secrets Manager' },
	{ name: 'ssm', label: 'Systems Manager' },
	{ name: 'logs', label: 'CloudWatch Logs' },
	{ name: 'bedrock', label: 'Bedrock' },
	{ name: 's3-object-lambda', label: 'S3 Object Lambda' }
];

export const REGION_PRESETS = [
	'us-east-1',
	'us-east-2',
	'us-west-1',
	'us-west-2',
	'ca-central-1',
	'eu-west-1',
	'eu-west-2',
	'eu-west-3',
	'eu-central-1',
	'eu-north-1',
	'ap-south-1',
	'ap-northeast-1',
	'ap-northeast-2',
	'ap-southeast-1',
	'ap-southeast-2',
	'sa-east-1',
	'cn-north-1',
	'us-gov-west-1'
];

export function ruleSummary(service: string): string {
	return serviceRules(service).s3Style
		? 'S3 rules: path encoded once, never normalized, x-amz-content-sha256 signed, presigned URLs sign UNSIGNED-PAYLOAD'
		: 'Standard rules: path encoded twice and normalized, presigned URLs sign the body hash';
}
