// Writes src/lib/sigv4/service-registry-data.ts from botocore's signing facts, so the page knows
// every AWS service's signing name, path and payload rules and fixed signing regions without
// reading ../shared at run time (the output is committed; tests/unit/service-registry.test.ts
// checks that it equals this script's output).
//
//   node scripts/generate-service-registry.mjs ../shared/research/aws-signing-metadata.json [out.ts]
//
// The metadata holds, per botocore model: metadata (endpointPrefix, signingName, signatureVersion,
// auth), operations whose auth differs, endpoint-rule-set authSchemes, and endpoints.json
// credentialScope overrides. Facts botocore's models do not hold (data-plane host shapes, token
// placement, OpenSearch Serverless' header) come from HOST_RULES below, each with its source.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** botocore/data/partitions.json (id, dnsSuffix, dualStackDnsSuffix, regionRegex, implicitGlobalRegion). */
export const PARTITIONS = [
	['aws', 'amazonaws.com', 'api.aws', '^(us|eu|ap|sa|ca|me|af|il|mx)-\\w+-\\d+$', 'us-east-1'],
	['aws-cn', 'amazonaws.com.cn', 'api.amazonwebservices.com.cn', '^cn-\\w+-\\d+$', 'cn-north-1'],
	['aws-us-gov', 'amazonaws.com', 'api.aws', '^us-gov-\\w+-\\d+$', 'us-gov-west-1'],
	['aws-iso', 'c2s.ic.gov', 'c2s.ic.gov', '^us-iso-\\w+-\\d+$', 'us-iso-east-1'],
	['aws-iso-b', 'sc2s.sgov.gov', 'sc2s.sgov.gov', '^us-isob-\\w+-\\d+$', 'us-isob-east-1'],
	['aws-iso-e', 'cloud.adc-e.uk', 'cloud.adc-e.uk', '^eu-isoe-\\w+-\\d+$', 'eu-isoe-west-1'],
	['aws-iso-f', 'csp.hci.ic.gov', 'csp.hci.ic.gov', '^us-isof-\\w+-\\d+$', 'us-isof-south-1'],
	['aws-eusc', 'amazonaws.eu', 'amazonaws.eu', '^eusc-(de)-\\w+-\\d+$', 'eusc-de-east-1']
];

/**
 * Host shapes and rules that botocore's service models do not hold. `label` is the host label that
 * names the service (before or after the region label), `after` whether it follows the region.
 * flags: s = S3 path rules (encoded once, not normalized), c = x-amz-content-sha256 required,
 * a = SigV4a with region set "*"; token: after = X-Amz-Security-Token appended after signing,
 * s3session = x-amz-s3session-token instead of x-amz-security-token.
 */
export const HOST_RULES = [
	{ label: 'aoss', after: true, signingName: 'aoss', flags: 'c', source: 'aws/aws-sdk-php#3145; opensearch-project/opensearch-js#356' },
	{ label: 'es', after: true, signingName: 'es', source: 'botocore data/es service-2.json (domain endpoints search-*.REGION.es)' },
	{ label: 'rds', after: true, signingName: 'rds-db', source: 'IAM DB auth tokens: smithy-lang/smithy-rs#2755' },
	{
		label: 'dsql',
		after: true,
		signingName: 'dsql',
		source: 'botocore data/dsql service-2.json (cluster endpoints ID.dsql.REGION.on.aws)'
	},
	{ label: 'lambda-url', signingName: 'lambda', source: 'AWS Lambda function URL docs, quoted in cdklabs/cdk-nextjs#87' },
	{ label: 'appsync-api', signingName: 'appsync', source: 'aws/aws-appsync-community#373' },
	{ label: 'appsync-realtime-api', signingName: 'appsync', source: 'aws/aws-appsync-community#373; aws-amplify/amplify-js#14001' },
	{
		label: 'vpc-lattice-svcs',
		signingName: 'vpc-lattice',
		source: 'aws-c-auth sigv4a vectors (anchors-features.md §4.2); aws/smithy-go#595'
	},
	{ label: 'transcribestreaming', signingName: 'transcribe', source: 'aws/aws-sdk-go-v2#1741 (port 8443)' },
	{ label: 'iot', ats: true, signingName: 'iotdata', source: 'botocore data/iot-data service-2.json (endpointPrefix data-ats.iot)' },
	{ label: 'iot', mqtt: true, signingName: 'iotdevicegateway', token: 'after', source: 'awslabs/aws-c-auth#34; mhart/aws4#30' },
	{
		label: 's3express',
		signingName: 's3express',
		flags: 'sc',
		token: 's3session',
		source: 'botocore S3ExpressAuth; s3 endpoint-rule-set-1.json sigv4-s3express'
	},
	{ label: 'mrap', signingName: 's3', flags: 'sca', source: 's3 endpoint-rule-set-1.json (sigv4a, signingRegionSet ["*"])' },
	{
		label: 'endpoint.events',
		signingName: 'events',
		flags: 'a',
		source: 'events endpoint-rule-set-1.json (sigv4a, signingRegionSet ["*"])'
	}
];

const IMPLICIT = '{PartitionResult#implicitGlobalRegion}';

/** @param {any} m */
function flagsOf(m) {
	const schemes = m.authSchemes ?? [];
	const auth = m.auth ?? [];
	let flags = '';
	const s3v4 = m.signatureVersion === 's3' || m.signatureVersion === 's3v4';
	if (s3v4 || (schemes.length > 0 && schemes.every((/** @type {any} */ s) => s.disableDoubleEncoding))) flags += 's';
	if (s3v4) flags += 'c';
	if (auth.includes('aws.auth#sigv4a') || schemes.some((/** @type {any} */ s) => s.name === 'sigv4a')) flags += 'a';
	if (m.signatureVersion === 'v2') flags += '2';
	if (m.signatureVersion === 'bearer') flags += 'b';
	if (auth.includes('smithy.api#httpBearerAuth')) flags += 'B';
	return flags;
}

/**
 * Literal signing regions of the rule set's sigv4 schemes, and "*" for each partition's global region.
 * @param {any} m
 */
function fixedRegionsOf(m) {
	/** @type {string[]} */
	const regions = [];
	for (const s of m.authSchemes ?? []) {
		const r = s.signingRegion;
		if (s.name !== 'sigv4' || r === undefined || (r.startsWith('{') && r !== IMPLICIT)) continue;
		const value = r === IMPLICIT ? '*' : r;
		if (!regions.includes(value)) regions.push(value);
	}
	return regions;
}

/** Extra host prefixes from endpoints.json keys whose credentialScope names the signing name. */
/**
 * @param {any} meta
 * @param {Record<string, any>} models
 */
function extraPrefixes(meta, models) {
	const prefixes = new Set(Object.values(models).map((m) => m.endpointPrefix));
	const extra = new Map();
	for (const c of meta.credentialScopes) {
		const service = c.credentialScope.service;
		if (!service || prefixes.has(c.service)) continue;
		const owner = Object.keys(models).find((id) => (models[id].signingName ?? models[id].endpointPrefix) === service);
		if (!owner) continue;
		const list = extra.get(owner) ?? new Set();
		list.add(c.service);
		extra.set(owner, list);
	}
	return extra;
}

/** Hosts that name no region, with the region their credential scope fixes (endpoints.json). */
/** @param {any} meta */
function globalHosts(meta) {
	const hosts = new Map();
	for (const c of meta.credentialScopes) {
		const region = c.credentialScope.region;
		if (!region || !c.hostname || c.hostname.includes(region) || c.hostname.startsWith('localhost')) continue;
		hosts.set(c.hostname, `${c.hostname}|${c.service}|${region}`);
	}
	return [...hosts.keys()].sort().map((h) => hosts.get(h));
}

/**
 * The model's signingName; without one, the rule set's when all its schemes agree (importexport: IngestionService).
 * @param {any} m
 * @returns {string}
 */
export function signingNameOf(m) {
	if (m.signingName) return m.signingName;
	const named = new Set((m.authSchemes ?? []).map((/** @type {any} */ s) => s.signingName).filter(Boolean));
	return named.size === 1 ? [...named][0] : m.endpointPrefix;
}

/**
 * @param {string} id
 * @param {any} m
 * @param {Map<string, Set<string>>} extra
 */
function row(id, m, extra) {
	const prefix = m.endpointPrefix === id ? '' : m.endpointPrefix;
	const name = signingNameOf(m);
	const signing = name === m.endpointPrefix ? '' : name;
	const unsigned = Object.entries(m.operations ?? {})
		.filter(([, op]) => op.unsignedPayload)
		.map(([name]) => name);
	const fields = [id, prefix, signing, flagsOf(m), fixedRegionsOf(m).join(','), unsigned.join(','), [...(extra.get(id) ?? [])].join(',')];
	while (fields.length > 1 && fields[fields.length - 1] === '') fields.pop();
	return fields.join('|');
}

/** Space-separated items packed into string lines of at most `width` characters. */
/**
 * @param {string[]} items
 * @param {number} [width]
 */
function packed(items, width = 110) {
	const lines = [];
	let line = '';
	for (const item of items) {
		if (line && line.length + item.length + 1 > width) {
			lines.push(line);
			line = '';
		}
		line = line ? `${line} ${item}` : item;
	}
	if (line) lines.push(line);
	return lines.map((l, i) => `\t'${l}${i < lines.length - 1 ? ' ' : ''}'`).join(' +\n');
}

/** Signing names whose rule-set schemes disable double encoding (S3 and the endpoints its rule set names). */
/** @param {Record<string, any>} models */
function s3PathSigningNames(models) {
	const names = new Set();
	for (const m of Object.values(models)) {
		for (const s of m.authSchemes ?? []) if (s.disableDoubleEncoding) names.add(s.signingName ?? m.signingName ?? m.endpointPrefix);
	}
	return [...names].sort();
}

/**
 * @param {any} meta the parsed aws-signing-metadata.json
 * @returns {string} the TypeScript module
 */
export function generate(meta) {
	const models = meta.services;
	const extra = extraPrefixes(meta, models);
	const rows = Object.keys(models)
		.sort()
		.map((id) => row(id, models[id], extra));
	const commit = /commit ([0-9a-f]+)/.exec(meta.source)?.[1] ?? 'unknown';
	return `// Generated by scripts/generate-service-registry.mjs from ${meta.source}. Do not edit.
// Regenerate: node scripts/generate-service-registry.mjs ../shared/research/aws-signing-metadata.json

/** Where the facts come from; each fact's own source is named by service-registry.ts. */
export const REGISTRY_SOURCE = 'botocore ${commit}';

/** botocore partitions.json: [id, dnsSuffix, dualStackDnsSuffix, regionRegex, implicitGlobalRegion]. */
export const PARTITIONS: readonly (readonly [string, string, string, string, string])[] = ${JSON.stringify(PARTITIONS)};

/**
 * One row per botocore model, space-separated: model|endpointPrefix|signingName|flags|fixedRegions|unsignedOps|hostPrefixes.
 * An empty field is the default (prefix = model, signing name = prefix); trailing empty fields are left out.
 * flags: s = S3 path rules (rule set disableDoubleEncoding, or signatureVersion s3/s3v4), c = x-amz-content-sha256
 * required (botocore S3SigV4Auth), a = SigV4a on some endpoints, 2 = SigV2, b = bearer only, B = bearer accepted.
 * fixedRegions: the rule set's literal sigv4 signingRegion values; * = each partition's implicit global region.
 */
export const SERVICE_ROWS =
${packed(rows)};

/** Signing names whose endpoint-rule-set authSchemes set disableDoubleEncoding (S3 path rules). */
export const S3_PATH_SIGNING_NAMES = '${s3PathSigningNames(models).join(' ')}';

/** endpoints.json: host|endpointsKey|region for hosts that name no region. */
export const GLOBAL_HOSTS =
${packed(globalHosts(meta))};

/** Facts not in the models, with their sources (see HOST_RULES in the generator). */
export const HOST_RULES: readonly {
	label: string;
	signingName: string;
	source: string;
	after?: boolean;
	ats?: boolean;
	mqtt?: boolean;
	flags?: string;
	token?: 'after' | 's3session';
}[] = [
${HOST_RULES.map((r) => `\t${JSON.stringify(r)}`).join(',\n')}
];
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const [input, output = fileURLToPath(new URL('../src/lib/sigv4/service-registry-data.ts', import.meta.url))] = process.argv.slice(2);
	if (!input) {
		console.error('usage: node scripts/generate-service-registry.mjs <aws-signing-metadata.json> [out.ts]');
		process.exit(2);
	}
	writeFileSync(output, generate(JSON.parse(readFileSync(input, 'utf8'))));
	console.log(`wrote ${output}`);
}
