import { serviceFor, type ServiceInference } from '../../sigv4/index.ts';
import { authTokenKindOf } from '../../parse/index.ts';
import type { DiagnoseContext } from '../context.ts';
import type { FindingList } from '../finding-list.ts';
import { quote } from '../../findings/index.ts';

const S3_FAMILY = new Set(['s3', 's3-object-lambda', 's3-outposts', 's3express']);
/** Hosts whose family predates the registry keep their finding code (scope-service-mismatch). */
const FAMILY_NAMES: ReadonlyMap<string, string> = new Map([
	['aoss', 'OpenSearch Serverless'],
	['es', 'an OpenSearch domain']
]);

/** A signed service name the host accepts: IoT's device endpoint takes iotdata (HTTPS) and iotdevicegateway (MQTT over WebSockets). */
function accepts(inferred: ServiceInference, signed: string): boolean {
	if (signed === inferred.signingName) return true;
	if (inferred.s3Style && S3_FAMILY.has(signed)) return true;
	return inferred.signingName === 'iotdata' && signed === 'iotdevicegateway';
}

/**
 * The endpoint against the credential scope: the region a host names, the region a global service
 * signs in (IAM, Route 53, CloudFront: us-east-1 in the aws partition), and the signing name the
 * service registry knows for the host ("this host signs as execute-api").
 */
export function checkEndpoint(ctx: DiagnoseContext, list: FindingList): void {
	// A login token signs with its verifier's name (rds-db, kafka-cluster), not its host's: checkAuthToken judges it.
	if (authTokenKindOf(ctx.evidence.request)) return;
	const stage = 'request' as const;
	const host = ctx.wire.hostname;
	const inferred = serviceFor(ctx.evidence.request.url);
	const scope = (ctx.auth?.credential ?? ctx.url?.credential ?? '').split('/');
	const signedRegion = scope.length === 5 ? scope[2]! : ctx.params.region;
	const signedService = scope.length === 5 ? scope[3]! : ctx.params.service;
	const region = inferred.region;
	if (inferred.algorithm !== 'sigv4a' && region && signedRegion !== region && inferred.regionFrom === 'host') {
		list.add(
			'scope-region-mismatch',
			{
				stage,
				message: `The endpoint ${host} is in ${region}, but the request is signed for ${quote(signedRegion)}: AWS answers "the region '${signedRegion}' is wrong; expecting '${region}'".`,
				fix: `Sign for ${region}.`
			},
			'scope-region'
		);
	} else if (inferred.fixedRegion && signedRegion !== inferred.fixedRegion && accepts(inferred, signedService)) {
		list.add(
			'service-signs-in-fixed-region',
			{
				stage,
				message: `${inferred.signingName} signs in ${inferred.fixedRegion}: ${host} is its global endpoint, and its credential scope names ${inferred.fixedRegion} whatever region your client is in, not ${quote(signedRegion)} (source: ${inferred.sources.region}).`,
				fix: `Sign with the region ${inferred.fixedRegion} for ${host}.`
			},
			'scope-region'
		);
	}
	if (!inferred.known || !inferred.signingName || accepts(inferred, signedService)) return;
	const family = inferred.s3Style ? 'S3' : FAMILY_NAMES.get(inferred.signingName);
	if (family) {
		list.add(
			'scope-service-mismatch',
			{
				stage,
				message: `The endpoint ${host} is ${family}, but the request is signed for the service ${quote(signedService)}.`,
				fix: `Sign with the service name ${inferred.signingName}.`
			},
			'scope-service'
		);
		return;
	}
	list.add(
		'host-signs-as',
		{
			stage,
			message: `This host signs as ${inferred.signingName}: the credential scope of a request to ${host} names the service ${inferred.signingName}, not ${quote(signedService)}; AWS answers "Credential should be scoped to correct service: '${inferred.signingName}'" (source: ${inferred.sources.signingName}).`,
			fix: `Sign with the service name ${inferred.signingName}: it is the signing name, which is not always the host's first label.`
		},
		'scope-service'
	);
}
