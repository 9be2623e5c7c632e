import { GLOBAL_HOSTS, HOST_RULES, PARTITIONS, REGISTRY_SOURCE, SERVICE_ROWS } from './service-registry-data.ts';

/** The signing algorithm a service (or one of its endpoints) uses. */
export type SigningAlgorithm = 'sigv4' | 'sigv4a' | 'sigv2' | 'bearer';

/** Where the session token goes: signed as x-amz-security-token, appended after signing, or S3 Express' own header. */
export type TokenPlacement = 'signed' | 'after-signing' | 's3-session-header';

/** One AWS service as botocore's model describes it. */
export interface RegistryService {
	/** botocore's model name (data/<model>/…/service-2.json). */
	model: string;
	endpointPrefix: string;
	signingName: string;
	/** Path encoded once and not normalized (S3 and its relatives). */
	s3Path: boolean;
	contentSha256Required: boolean;
	sigv4a: boolean;
	algorithm: SigningAlgorithm;
	bearerAccepted: boolean;
	/** The rule set's fixed signing regions; '*' stands for each partition's implicit global region. */
	fixedRegions: string[];
	unsignedPayloadOperations: string[];
	/** Other host prefixes (endpoints.json keys) that sign with this service's name. */
	hostPrefixes: string[];
}

export interface Partition {
	id: string;
	dnsSuffix: string;
	dualStackDnsSuffix: string;
	regionPattern: RegExp;
	globalRegion: string;
}

export const PARTITION_LIST: readonly Partition[] = PARTITIONS.map(([id, dnsSuffix, dualStackDnsSuffix, regex, globalRegion]) => ({
	id,
	dnsSuffix,
	dualStackDnsSuffix,
	regionPattern: new RegExp(regex),
	globalRegion
}));

export function partitionOfRegion(region: string): Partition | undefined {
	return PARTITION_LIST.find((p) => p.regionPattern.test(region));
}

function decode(row: string): RegistryService {
	const [model = '', prefix, signing, flags = '', regions, ops, hosts] = row.split('|');
	const endpointPrefix = prefix || model;
	return {
		model,
		endpointPrefix,
		signingName: signing || endpointPrefix,
		s3Path: flags.includes('s'),
		contentSha256Required: flags.includes('c'),
		sigv4a: flags.includes('a'),
		algorithm: flags.includes('2') ? 'sigv2' : flags.includes('b') ? 'bearer' : 'sigv4',
		bearerAccepted: flags.includes('B'),
		fixedRegions: regions ? regions.split(',') : [],
		unsignedPayloadOperations: ops ? ops.split(',') : [],
		hostPrefixes: hosts ? hosts.split(',') : []
	};
}

/** Every botocore model, in name order. */
export const REGISTRY: readonly RegistryService[] = SERVICE_ROWS.split(' ').map(decode);

const byModel = new Map(REGISTRY.map((s) => [s.model, s]));
const byPrefix = new Map<string, RegistryService>();
const bySigningName = new Map<string, RegistryService[]>();
for (const s of REGISTRY) {
	for (const prefix of [s.endpointPrefix, ...s.hostPrefixes]) {
		// Several models share a prefix (ses, sesv2, pinpoint-email: "email"); they sign alike, and the one named like the prefix speaks for them.
		if (!byPrefix.has(prefix) || s.model === prefix) byPrefix.set(prefix, s);
	}
	bySigningName.set(s.signingName, [...(bySigningName.get(s.signingName) ?? []), s]);
}

export function serviceByModel(model: string): RegistryService | undefined {
	return byModel.get(model);
}

/** The model a host prefix ("runtime.sagemaker", "data-ats.iot", "email") belongs to. */
export function serviceByPrefix(prefix: string): RegistryService | undefined {
	return byPrefix.get(prefix);
}

/** The models that sign with this name ("bedrock": bedrock, bedrock-runtime, bedrock-agent…). */
export function servicesBySigningName(signingName: string): readonly RegistryService[] {
	return bySigningName.get(signingName) ?? [];
}

/** The region a service signs in for a partition whatever the client's region, when its rule set fixes one. */
export function fixedRegionFor(service: RegistryService, partition: Partition): string | undefined {
	const literal = service.fixedRegions.find((r) => r !== '*' && partition.regionPattern.test(r));
	if (literal) return literal;
	return service.fixedRegions.includes('*') ? partition.globalRegion : undefined;
}

/** Hosts that name no region, with the region endpoints.json scopes them to. */
export const GLOBAL_HOST_REGIONS: ReadonlyMap<string, { endpointsKey: string; region: string }> = new Map(
	GLOBAL_HOSTS.split(' ').map((entry) => {
		const [host = '', endpointsKey = '', region = ''] = entry.split('|');
		return [host, { endpointsKey, region }];
	})
);

export type HostRule = (typeof HOST_RULES)[number];

/** Where a signing name wants the session token (IoT over WebSockets: appended after signing). */
export function tokenPlacementFor(signingName: string): TokenPlacement {
	const token = HOST_RULES.find((r) => r.signingName === signingName && r.token)?.token;
	return token === 'after' ? 'after-signing' : token === 's3session' ? 's3-session-header' : 'signed';
}

/** The registry's rule that makes a signing name require x-amz-content-sha256, beyond S3's, with its source. */
export function contentSha256RuleFor(signingName: string): HostRule | undefined {
	return HOST_RULES.find((r) => r.signingName === signingName && r.flags?.includes('c') && !r.flags.includes('s'));
}
export { HOST_RULES, REGISTRY_SOURCE };

/** Where a model's facts come from, for the page and the findings to cite. */
export const registrySources = {
	model: (model: string) => `${REGISTRY_SOURCE} data/${model}/service-2.json metadata`,
	ruleSet: (model: string) => `${REGISTRY_SOURCE} data/${model}/endpoint-rule-set-1.json authSchemes`,
	endpoints: () => `${REGISTRY_SOURCE} data/endpoints.json credentialScope`,
	s3Auth: () => `${REGISTRY_SOURCE} botocore/auth.py S3SigV4Auth`
};
