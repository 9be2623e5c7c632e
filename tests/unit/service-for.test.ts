import { describe, expect, it } from 'vitest';
import { serviceFor, serviceByModel, serviceRules } from '../../src/lib/sigv4/index.ts';
import { scopeFromHost } from '../../src/lib/parse/host-scope.ts';
import { importPaste, exampleCase } from '../../src/lib/case/index.ts';

// One test per row of ../shared/research/demand-2.md §2.2 (service-specific SigV4 deviations).
describe('serviceFor: the deviation table of demand-2.md §2.2', () => {
	it('S3 (vhost or path): signs s3, path encoded once and not normalized, x-amz-content-sha256, presign UNSIGNED-PAYLOAD', () => {
		for (const host of ['examplebucket.s3.eu-west-1.amazonaws.com', 's3.eu-west-1.amazonaws.com']) {
			expect(serviceFor(host)).toMatchObject({
				signingName: 's3',
				region: 'eu-west-1',
				s3Style: true,
				uriEscapePath: false,
				normalizePath: false,
				contentSha256Header: true,
				presignUnsignedPayload: true
			});
		}
	});
	it('S3 Control: signs s3 with S3 path rules', () => {
		expect(serviceFor('111122223333.s3-control.us-west-2.amazonaws.com')).toMatchObject({
			signingName: 's3',
			s3Style: true,
			region: 'us-west-2'
		});
	});
	it('S3 Express One Zone (--x-s3): signs s3express, x-amz-s3session-token replaces the security token', () => {
		expect(serviceFor('bucket--usw2-az1--x-s3.s3express-usw2-az1.us-west-2.amazonaws.com')).toMatchObject({
			signingName: 's3express',
			region: 'us-west-2',
			s3Style: true,
			tokenPlacement: 's3-session-header'
		});
		expect(serviceRules('s3express').s3Style).toBe(true);
	});
	it('S3 Object Lambda: signs s3-object-lambda, encoded once; WriteGetObjectResponse is unsigned payload', () => {
		expect(serviceFor('ap-111122223333.s3-object-lambda.us-east-1.amazonaws.com')).toMatchObject({
			signingName: 's3-object-lambda',
			s3Style: true
		});
		expect(serviceByModel('s3')?.unsignedPayloadOperations).toContain('WriteGetObjectResponse');
	});
	it('S3 on Outposts: signs s3-outposts, encoded once', () => {
		expect(serviceFor('ap-o1.op-01ac5d28a6a232904.s3-outposts.us-west-2.amazonaws.com')).toMatchObject({
			signingName: 's3-outposts',
			s3Style: true
		});
	});
	it('S3 Multi-Region Access Point: SigV4a for every region', () => {
		expect(serviceFor('mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com')).toMatchObject({
			signingName: 's3',
			algorithm: 'sigv4a',
			regionSet: ['*']
		});
	});
	it('OpenSearch Service domains sign es, double-encoded', () => {
		expect(serviceFor('search-movies-abc123.us-east-1.es.amazonaws.com')).toMatchObject({
			signingName: 'es',
			region: 'us-east-1',
			s3Style: false
		});
		expect(serviceByModel('opensearch')?.signingName).toBe('es');
	});
	it('OpenSearch Serverless collections sign aoss and want x-amz-content-sha256', () => {
		expect(serviceFor('abc123def456.us-east-1.aoss.amazonaws.com')).toMatchObject({
			signingName: 'aoss',
			contentSha256Header: true,
			s3Style: false
		});
	});
	it('API Gateway invoke hosts sign execute-api, and so does Connect participant', () => {
		expect(serviceFor('a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com')).toMatchObject({ signingName: 'execute-api', region: 'eu-west-1' });
		expect(serviceFor('participant.connect.us-west-2.amazonaws.com')).toMatchObject({
			signingName: 'execute-api',
			model: 'connectparticipant'
		});
	});
	it('IoT data plane (data-ats.iot, and the account endpoint over HTTPS) signs iotdata', () => {
		expect(serviceFor('data-ats.iot.us-east-1.amazonaws.com').signingName).toBe('iotdata');
		expect(serviceFor('a1b2c3-ats.iot.us-east-1.amazonaws.com').signingName).toBe('iotdata');
	});
	it('IoT MQTT over WebSockets signs iotdevicegateway and appends the token after signing', () => {
		expect(serviceFor('wss://a1b2c3-ats.iot.us-east-1.amazonaws.com/mqtt')).toMatchObject({
			signingName: 'iotdevicegateway',
			tokenPlacement: 'after-signing'
		});
	});
	it('IoT Jobs data and Secure Tunneling sign iot-jobs-data and IoTSecuredTunneling', () => {
		expect(serviceFor('data.jobs.iot.us-east-1.amazonaws.com').signingName).toBe('iot-jobs-data');
		expect(serviceFor('api.tunneling.iot.us-east-1.amazonaws.com').signingName).toBe('IoTSecuredTunneling');
	});
	it('Lambda, function URLs included, signs lambda', () => {
		expect(serviceFor('lambda.us-east-1.amazonaws.com').signingName).toBe('lambda');
		expect(serviceFor('q3xvzk7hwl5nqc2z.lambda-url.eu-central-1.on.aws')).toMatchObject({ signingName: 'lambda', region: 'eu-central-1' });
	});
	it('Bedrock runtime and agents sign bedrock; the runtime also takes a bearer API key', () => {
		expect(serviceFor('bedrock-runtime.us-west-2.amazonaws.com')).toMatchObject({ signingName: 'bedrock', model: 'bedrock-runtime' });
		expect(serviceFor('bedrock-agent-runtime.us-west-2.amazonaws.com').signingName).toBe('bedrock');
		expect(serviceByModel('bedrock-runtime')?.bearerAccepted).toBe(true);
	});
	it('Transcribe streaming (port 8443) signs transcribe', () => {
		expect(serviceFor('transcribestreaming.us-east-1.amazonaws.com:8443')).toMatchObject({
			signingName: 'transcribe',
			region: 'us-east-1'
		});
	});
	it('Kinesis Video (API, media, signalling) signs kinesisvideo', () => {
		expect(serviceFor('s-1234abcd.kinesisvideo.us-west-2.amazonaws.com').signingName).toBe('kinesisvideo');
	});
	it('Chime SDK hosts sign chime; the chime service signs us-east-1', () => {
		expect(serviceFor('meetings-chime.us-east-1.amazonaws.com').signingName).toBe('chime');
		expect(serviceByModel('chime')?.fixedRegions).toEqual(['us-east-1']);
	});
	it('SES, SESv2 and Pinpoint email (email) sign ses; SESv2 has SigV4a endpoints', () => {
		expect(serviceFor('email.eu-west-1.amazonaws.com').signingName).toBe('ses');
		expect(serviceByModel('sesv2')).toMatchObject({ signingName: 'ses', sigv4a: true });
	});
	it('Pinpoint signs mobiletargeting', () => {
		expect(serviceFor('pinpoint.us-east-1.amazonaws.com').signingName).toBe('mobiletargeting');
	});
	it('Lex runtime v1/v2 sign lex; PostContent and RecognizeUtterance are UNSIGNED-PAYLOAD', () => {
		expect(serviceFor('runtime.lex.us-east-1.amazonaws.com')).toMatchObject({
			signingName: 'lex',
			unsignedPayloadOperations: ['PostContent']
		});
		expect(serviceFor('runtime-v2-lex.us-east-1.amazonaws.com')).toMatchObject({
			signingName: 'lex',
			unsignedPayloadOperations: ['RecognizeUtterance']
		});
	});
	it('MediaStore data, EBS and Omics have their unsigned-payload operations', () => {
		expect(serviceFor('abc.data.mediastore.us-east-1.amazonaws.com')).toMatchObject({
			signingName: 'mediastore',
			unsignedPayloadOperations: ['PutObject']
		});
		expect(serviceByModel('ebs')?.unsignedPayloadOperations).toEqual(['PutSnapshotBlock']);
		expect(serviceByModel('omics')?.unsignedPayloadOperations).toEqual(['UploadReadSetPart']);
	});
	it('SageMaker runtimes sign sagemaker', () => {
		expect(serviceFor('runtime.sagemaker.eu-central-1.amazonaws.com').signingName).toBe('sagemaker');
		expect(serviceFor('featurestore-runtime.sagemaker.us-east-1.amazonaws.com').signingName).toBe('sagemaker');
	});
	it('SSO portal and OIDC sign awsssoportal and sso-oauth', () => {
		expect(serviceFor('portal.sso.us-east-1.amazonaws.com').signingName).toBe('awsssoportal');
		expect(serviceFor('oidc.us-east-1.amazonaws.com').signingName).toBe('sso-oauth');
	});
	it('STS: the global endpoint signs us-east-1, a regional one its region; the model lists SigV4a', () => {
		expect(serviceFor('sts.amazonaws.com')).toMatchObject({ signingName: 'sts', region: 'us-east-1', fixedRegion: 'us-east-1' });
		expect(serviceFor('sts.eu-west-1.amazonaws.com')).toMatchObject({ region: 'eu-west-1', sigv4aEndpoints: true });
		expect(serviceFor('sts.eu-west-1.amazonaws.com').fixedRegion).toBeUndefined();
	});
	it('IAM, Route 53, CloudFront, Organizations, Budgets, CE, Health, Shield, WAF, Support sign in a fixed region per partition', () => {
		for (const host of ['iam', 'route53', 'cloudfront', 'budgets', 'waf', 'savingsplans'].map((s) => `${s}.amazonaws.com`)) {
			expect(serviceFor(host), host).toMatchObject({ region: 'us-east-1', fixedRegion: 'us-east-1' });
		}
		expect(serviceFor('global.health.amazonaws.com')).toMatchObject({ signingName: 'health', region: 'us-east-1' });
		expect(serviceFor('iam.us-gov.amazonaws.com')).toMatchObject({ region: 'us-gov-west-1', partition: 'aws-us-gov' });
		expect(serviceFor('route53.amazonaws.com.cn')).toMatchObject({ region: 'cn-northwest-1', partition: 'aws-cn' });
		expect(serviceFor('iam.amazonaws.com.cn')).toMatchObject({ region: 'cn-north-1', fixedRegion: 'cn-north-1' });
		for (const model of ['organizations', 'ce', 'shield', 'support'])
			expect(serviceByModel(model)?.fixedRegions[0], model).toBe('us-east-1');
		expect(serviceByModel('networkmanager')?.fixedRegions[0]).toBe('us-west-2');
		expect(serviceByModel('route53-recovery-control-config')?.fixedRegions[0]).toBe('us-west-2');
	});
	it('CloudFront KeyValueStore, EventBridge global endpoints, Partner Central and Sustainability use SigV4a', () => {
		for (const model of ['cloudfront-keyvaluestore', 'events', 'partnercentral-channel', 'sustainability'])
			expect(serviceByModel(model)?.sigv4a, model).toBe(true);
		expect(serviceFor('abcde.veo.endpoint.events.amazonaws.com')).toMatchObject({
			signingName: 'events',
			algorithm: 'sigv4a',
			regionSet: ['*']
		});
	});
	it('RDS IAM auth tokens sign rds-db for the database host', () => {
		expect(serviceFor('mydb.c9akciq32.eu-west-1.rds.amazonaws.com:5432')).toMatchObject({ signingName: 'rds-db', region: 'eu-west-1' });
		expect(serviceFor('rds.eu-west-1.amazonaws.com').signingName).toBe('rds');
	});
	it('Aurora DSQL, Neptune data and MSK sign dsql, neptune-db and kafka', () => {
		expect(serviceFor('abc123.dsql.us-east-1.on.aws').signingName).toBe('dsql');
		expect(serviceFor('neptune-db.us-east-1.amazonaws.com').signingName).toBe('neptune-db');
		expect(serviceFor('kafka.us-east-1.amazonaws.com').signingName).toBe('kafka');
	});
	it('EKS tokens presign STS (regional preferred)', () => {
		expect(serviceFor('sts.us-west-2.amazonaws.com')).toMatchObject({ signingName: 'sts', region: 'us-west-2' });
	});
	it('AppSync (GraphQL and real-time) signs appsync', () => {
		expect(serviceFor('abc.appsync-api.us-east-1.amazonaws.com').signingName).toBe('appsync');
		expect(serviceFor('wss://abc.appsync-realtime-api.us-east-1.amazonaws.com/graphql').signingName).toBe('appsync');
	});
	it('VPC Lattice services sign vpc-lattice', () => {
		expect(serviceFor('svc-0123.7d67968.vpc-lattice-svcs.us-west-2.on.aws')).toMatchObject({
			signingName: 'vpc-lattice',
			region: 'us-west-2'
		});
	});
	it('IAM Roles Anywhere signs rolesanywhere', () => {
		expect(serviceFor('rolesanywhere.us-east-1.amazonaws.com').signingName).toBe('rolesanywhere');
	});
	it('SimpleDB and Import/Export are SigV2 (IngestionService)', () => {
		expect(serviceFor('sdb.amazonaws.com')).toMatchObject({ signingName: 'sdb', algorithm: 'sigv2' });
		expect(serviceFor('importexport.amazonaws.com')).toMatchObject({
			signingName: 'IngestionService',
			algorithm: 'sigv2',
			region: 'us-east-1'
		});
	});
	it('CodeCatalyst is bearer only', () => {
		expect(serviceFor('codecatalyst.global.api.aws').algorithm).toBe('bearer');
	});
});

describe('serviceFor: pasted hosts of each kind', () => {
	const table: [string, string | undefined, string | undefined, boolean][] = [
		// host or URL, signing name, region, known
		['https://sns.ap-southeast-2.amazonaws.com/?Action=Publish', 'sns', 'ap-southeast-2', true],
		['sqs-fips.us-gov-west-1.amazonaws.com', 'sqs', 'us-gov-west-1', true],
		['ec2.eu-west-3.api.aws', 'ec2', 'eu-west-3', true],
		['dynamodb.cn-north-1.amazonaws.com.cn', 'dynamodb', 'cn-north-1', true],
		['vpce-0a1b-c2d3.execute-api.us-east-1.vpce.amazonaws.com', 'execute-api', 'us-east-1', true],
		['bucket.s3.amazonaws.com', 's3', 'us-east-1', true],
		['bucket.s3-eu-west-1.amazonaws.com', 's3', 'eu-west-1', true],
		['s3.dualstack.us-east-2.amazonaws.com', 's3', 'us-east-2', true],
		['ap-111122223333.s3-accesspoint.us-west-2.amazonaws.com', 's3', 'us-west-2', true],
		['ap-111122223333.s3-accesspoint.dualstack.us-west-2.amazonaws.com', 's3', 'us-west-2', true],
		['HTTPS://IAM.AMAZONAWS.COM./', 'iam', 'us-east-1', true],
		['monitoring.amazonaws.com', 'monitoring', 'us-east-1', true],
		['newservice.eu-west-1.amazonaws.com', 'newservice', 'eu-west-1', false],
		['api.example.com', undefined, undefined, false],
		['localhost:9000', undefined, undefined, false],
		['', undefined, undefined, false]
	];
	for (const [input, signingName, region, known] of table) {
		it(`${input || '(empty)'} → ${signingName ?? 'nothing'} ${region ?? ''}`, () => {
			const inferred = serviceFor(input);
			expect(inferred.known).toBe(known);
			expect(inferred.signingName).toBe(signingName);
			expect(inferred.region).toBe(region);
			if (known) expect(inferred.sources.signingName).toMatch(/botocore|issue|#|rule-set/);
		});
	}

	it('never marks a global endpoint that names a region as fixed, and S3 never (a bucket signs in its own region)', () => {
		expect(serviceFor('bucket.s3.amazonaws.com').fixedRegion).toBeUndefined();
		expect(serviceFor('organizations.us-east-1.amazonaws.com').fixedRegion).toBeUndefined();
	});
});

describe('the importer asks the registry', () => {
	it('scopeFromHost gives the signing name, not the host label', () => {
		expect(scopeFromHost('bedrock-runtime.us-east-1.amazonaws.com')).toEqual({ service: 'bedrock', region: 'us-east-1' });
		expect(scopeFromHost('api.example.com')).toEqual({});
	});

	it('a pasted curl --aws-sigv4 "aws:amz" request to IAM signs iam in us-east-1', () => {
		const { case: c } = importPaste(
			exampleCase(),
			`curl --aws-sigv4 "aws:amz" --user "AKIAIOSFODNN7EXAMPLE:secret" "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08"`
		);
		expect([c.service, c.region]).toEqual(['iam', 'us-east-1']);
	});
});
