import type { ServiceRules } from './service-rules.ts';
import {
	GLOBAL_HOST_REGIONS,
	HOST_RULES,
	PARTITION_LIST,
	fixedRegionFor,
	partitionOfRegion,
	registrySources,
	serviceByPrefix,
	type HostRule,
	type Partition,
	type RegistryService,
	type SigningAlgorithm,
	type TokenPlacement
} from './service-registry.ts';
import { S3_PATH_SIGNING_NAMES } from './service-registry-data.ts';

/** What a host (or URL) says about how to sign for it, and where each fact comes from. */
export interface ServiceInference extends ServiceRules {
	host: string;
	/** The host is an AWS endpoint the registry knows; false for other hosts (their signingName, if any, is a guess from the host's labels). */
	known: boolean;
	/** botocore's model name, when one model stands for the host. */
	model?: string;
	signingName?: string;
	region?: string;
	/** Where the region comes from: a label of the host, endpoints.json's global host, the service's rule set, or a guess. */
	regionFrom?: 'host' | 'global-endpoint' | 'rule-set' | 'guess';
	partition?: string;
	/** The region the service signs in whatever the client's region (IAM: us-east-1). */
	fixedRegion?: string;
	algorithm: SigningAlgorithm;
	/** The endpoint signs with SigV4a for every region ("*"). */
	regionSet?: string[];
	/** Some of the service's endpoints sign with SigV4a. */
	sigv4aEndpoints: boolean;
	tokenPlacement: TokenPlacement;
	unsignedPayloadOperations: string[];
	sources: { signingName?: string; region?: string; rules?: string };
}

const S3_PATH = new Set(S3_PATH_SIGNING_NAMES.split(' '));

function rulesFor(signingName: string | undefined, contentSha256: boolean): ServiceRules {
	const s3Style = signingName !== undefined && S3_PATH.has(signingName);
	return {
		s3Style,
		uriEscapePath: !s3Style,
		normalizePath: !s3Style,
		contentSha256Header: s3Style || contentSha256,
		presignUnsignedPayload: s3Style
	};
}

interface Parsed {
	host: string;
	labels: string[];
	partition?: Partition;
	/** Index of the region label in `labels`, or -1. */
	regionAt: number;
	region?: string;
	mqtt: boolean;
}

const ON_AWS = 'on.aws';

function parseHost(input: string): Parsed | undefined {
	const url = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)([^?#]*)/i.exec(input.trim());
	const authority = (url ? url[1]! : input.trim().split(/[/?#]/)[0]!).replace(/^[^@]*@/, '');
	const host = authority.toLowerCase().replace(/:\d*$/, '').replace(/\.$/, '');
	const mqtt = url !== null && (/^wss?:/i.test(input.trim()) || /^\/mqtt\b/.test(url[2] ?? ''));
	const suffixes = PARTITION_LIST.flatMap((p) => [
		[p.dnsSuffix, p],
		[p.dualStackDnsSuffix, p]
	]) as [string, Partition][];
	suffixes.push([ON_AWS, PARTITION_LIST[0]!]);
	const match = suffixes.filter(([s]) => host.endsWith(`.${s}`)).sort((a, b) => b[0].length - a[0].length)[0];
	if (!match) return undefined;
	let labels = host.slice(0, -match[0].length - 1).split('.');
	// VPC endpoint names: vpce-123-abc.execute-api.us-east-1.vpce.amazonaws.com
	if (labels[labels.length - 1] === 'vpce') labels = labels.slice(labels[0]!.startsWith('vpce-') ? 1 : 0, -1);
	let regionAt = -1;
	for (let i = labels.length - 1; i >= 0 && regionAt === -1; i--) if (partitionOfRegion(labels[i]!)) regionAt = i;
	const region = regionAt === -1 ? undefined : labels[regionAt];
	const partition = (region && partitionOfRegion(region)) || match[1];
	return { host, labels, partition, regionAt, ...(region ? { region } : {}), mqtt };
}

function inference(p: Parsed, fields: Partial<ServiceInference> & { signingName: string }, contentSha256 = false): ServiceInference {
	return {
		...rulesFor(fields.signingName, contentSha256),
		host: p.host,
		known: true,
		algorithm: 'sigv4',
		sigv4aEndpoints: false,
		tokenPlacement: 'signed',
		unsignedPayloadOperations: [],
		partition: p.partition?.id,
		sources: {},
		...fields
	};
}

function fromHostRule(p: Parsed, rule: HostRule, region: string | undefined, regionSource: string): ServiceInference {
	const flags = rule.flags ?? '';
	return inference(
		p,
		{
			signingName: rule.signingName,
			...(region ? { region, regionFrom: p.region === region ? ('host' as const) : ('rule-set' as const) } : {}),
			...(flags.includes('a') ? { algorithm: 'sigv4a' as const, regionSet: ['*'], sigv4aEndpoints: true } : {}),
			tokenPlacement: rule.token === 'after' ? 'after-signing' : rule.token === 's3session' ? 's3-session-header' : 'signed',
			sources: { signingName: rule.source, region: regionSource, rules: rule.source }
		},
		flags.includes('c')
	);
}

function fromModel(p: Parsed, s: RegistryService, label: string): ServiceInference {
	const global = GLOBAL_HOST_REGIONS.get(p.host);
	const fixed = p.region === undefined && p.partition ? fixedRegionFor(s, p.partition) : undefined;
	const region = p.region ?? global?.region ?? fixed ?? p.partition?.globalRegion;
	const regionSource = p.region
		? `the host's region label ${p.region}`
		: global
			? `${registrySources.endpoints()} (${p.host})`
			: fixed
				? registrySources.ruleSet(s.model)
				: `no region in the host: the ${p.partition?.id ?? 'aws'} partition's global region`;
	const fixedRegion = global?.region ?? fixed;
	return inference(
		p,
		{
			model: s.model,
			signingName: s.signingName,
			...(region ? { region, regionFrom: p.region ? 'host' : global ? 'global-endpoint' : fixed ? 'rule-set' : 'guess' } : {}),
			...(p.region === undefined && fixedRegion ? { fixedRegion } : {}),
			algorithm: s.algorithm,
			sigv4aEndpoints: s.sigv4a,
			unsignedPayloadOperations: s.unsignedPayloadOperations,
			sources: {
				signingName: `${registrySources.model(s.model)} (host prefix ${label})`,
				region: regionSource,
				rules: s.s3Path ? registrySources.ruleSet(s.model) : registrySources.model(s.model)
			}
		},
		s.contentSha256Required
	);
}

function s3Inference(p: Parsed): ServiceInference | undefined {
	const { labels, host } = p;
	const ruleFor = (label: string) => HOST_RULES.find((r) => r.label === label)!;
	const s3Source = registrySources.ruleSet('s3');
	if (host.includes('--x-s3') || labels.some((l) => l.startsWith('s3express-'))) {
		return fromHostRule(p, ruleFor('s3express'), p.region, p.region ? `the host's region label ${p.region}` : s3Source);
	}
	if (labels.includes('mrap') && labels.includes('s3-global')) return fromHostRule(p, ruleFor('mrap'), undefined, s3Source);
	const named = labels.find((l) => l === 's3-object-lambda' || l === 's3-outposts');
	if (named)
		return inference(p, {
			signingName: named,
			...(p.region ? { region: p.region, regionFrom: 'host' as const } : {}),
			sources: { signingName: s3Source, rules: s3Source }
		});
	const at = labels.findIndex(
		(l) => /^s3(-accesspoint|-fips|-external-1)?$/.test(l) || (l.startsWith('s3-') && partitionOfRegion(l.slice(3)))
	);
	if (at === -1) return undefined;
	const dashed = labels[at]!.startsWith('s3-') ? labels[at]!.slice(3) : '';
	const region = partitionOfRegion(dashed)
		? dashed
		: (p.region ?? GLOBAL_HOST_REGIONS.get(`s3.${p.partition?.dnsSuffix}`)?.region ?? p.partition?.globalRegion);
	const s3 = serviceByPrefix('s3')!;
	// s3.amazonaws.com signs us-east-1 only for buckets there: a bucket elsewhere wants its own region.
	const { fixedRegion: _legacy, ...found } = fromModel({ ...p, region }, s3, labels[at]!);
	return {
		...found,
		...(region ? { region, regionFrom: p.region || dashed === region ? 'host' : 'global-endpoint' } : {}),
		...(p.region || dashed === region
			? {}
			: { sources: { ...fromModel(p, s3, 's3').sources, region: `${registrySources.endpoints()} (s3.amazonaws.com)` } })
	};
}

/** The longest run of labels ending just before `end` that is a known host prefix, "-fips" aside. */
function prefixBefore(labels: string[], end: number): [RegistryService, string] | undefined {
	for (let start = 0; start < end; start++) {
		const candidate = labels.slice(start, end).join('.');
		const s = serviceByPrefix(candidate) ?? serviceByPrefix(candidate.replace(/-fips$/, ''));
		if (s) return [s, candidate];
	}
	return undefined;
}

function unknownHost(host: string): ServiceInference {
	return {
		...rulesFor(undefined, false),
		host,
		known: false,
		algorithm: 'sigv4',
		sigv4aEndpoints: false,
		tokenPlacement: 'signed',
		unsignedPayloadOperations: [],
		sources: {}
	};
}

/** An AWS-shaped host the registry does not know (a service newer than the snapshot): its label is the best guess. */
function guessed(p: Parsed, end: number): ServiceInference {
	const label = p.labels[end - 1];
	const region = p.region ?? p.partition?.globalRegion;
	return {
		...unknownHost(p.host),
		...(label ? { signingName: label } : {}),
		...(region ? { region, regionFrom: p.region ? 'host' : 'guess' } : {}),
		sources: {
			signingName: `a guess: the host label ${label ?? ''} (not in the service registry)`,
			region: p.region ? `the host's region label ${p.region}` : 'a guess: no region in the host'
		}
	};
}

/**
 * How to sign for a host: its service's signing name, region and rules, from the service registry
 * (botocore's models and rule sets) and the host shapes they do not describe (data planes, function
 * URLs, S3 access points and directory buckets). A URL works too: wss://…/mqtt is IoT over WebSockets.
 * Hosts that are not AWS endpoints (custom domains, S3-compatible servers) come back with known: false.
 */
export function serviceFor(hostOrUrl: string): ServiceInference {
	const p = parseHost(hostOrUrl);
	if (!p) return unknownHost(hostOrUrl.trim().toLowerCase());
	const s3 = s3Inference(p);
	if (s3) return s3;
	const global = GLOBAL_HOST_REGIONS.get(p.host);
	const globalService = global && serviceByPrefix(global.endpointsKey);
	if (global && globalService)
		return fromModel({ ...p, partition: partitionOfRegion(global.region) ?? p.partition }, globalService, global.endpointsKey);
	const { labels, regionAt } = p;
	const regionSource = `the host's region label ${p.region}`;
	const after = regionAt >= 0 ? labels[regionAt + 1] : undefined;
	const afterRule = HOST_RULES.find((r) => r.after && r.label === after);
	if (afterRule) return fromHostRule(p, afterRule, p.region, regionSource);
	// codecatalyst.global.api.aws: "global" stands where the region would.
	const end = regionAt >= 0 ? regionAt : labels[labels.length - 1] === 'global' ? labels.length - 1 : labels.length;
	const before = labels[end - 1];
	const beforeRule = HOST_RULES.find((r) => !r.after && !r.ats && !r.mqtt && r.label === before);
	if (beforeRule && regionAt >= 0) return fromHostRule(p, beforeRule, p.region, regionSource);
	const dotted = HOST_RULES.find((r) => r.label.includes('.') && p.host.includes(`.${r.label}.`));
	if (dotted) return fromHostRule(p, dotted, undefined, 'SigV4a signs for every region ("*")');
	const found = prefixBefore(labels, end);
	if (!found) return guessed(p, end);
	const [service, label] = found;
	if (label === 'iot' && end > 1) {
		// ID-ats.iot.REGION is the account's device data endpoint: HTTPS data plane, or MQTT over WebSockets.
		const rule = HOST_RULES.find((r) => r.label === 'iot' && (p.mqtt ? r.mqtt : r.ats))!;
		return fromHostRule(p, rule, p.region, regionSource);
	}
	return fromModel(p, service, label);
}
