import { deriveSigningKey, fromHex, hmac, toHex, utf8Bytes, type KeyChain } from '../../sigv4/index.ts';
import type { FindingCode } from '../../findings/index.ts';
import type { FindingList } from '../finding-list.ts';
import { signingKeyVariants } from '../forensics/signing-key-variants.ts';
import type { Evidence } from '../types.ts';

type KeyName = 'kDate' | 'kRegion' | 'kService' | 'kSigning';
const CHAIN: KeyName[] = ['kDate', 'kRegion', 'kService', 'kSigning'];

/** Regions a signer may have used instead of the right one (a default, a copy-paste, the bucket's). */
const REGIONS = [
	'us-east-1',
	'us-east-2',
	'us-west-1',
	'us-west-2',
	'eu-west-1',
	'eu-west-2',
	'eu-west-3',
	'eu-central-1',
	'eu-central-2',
	'eu-north-1',
	'eu-south-1',
	'ap-south-1',
	'ap-southeast-1',
	'ap-southeast-2',
	'ap-northeast-1',
	'ap-northeast-2',
	'ap-northeast-3',
	'ap-east-1',
	'sa-east-1',
	'ca-central-1',
	'me-south-1',
	'af-south-1',
	'cn-north-1',
	'us-gov-west-1',
	'auto',
	'global',
	''
];

/** Services (signing names) a signer may have used instead of the right one. */
const SERVICES = [
	's3',
	'execute-api',
	'es',
	'aoss',
	'sns',
	'sqs',
	'sts',
	'iam',
	'lambda',
	'dynamodb',
	'apigateway',
	'appsync',
	'iotdevicegateway',
	'iot',
	'kinesis',
	'firehose',
	'logs',
	'monitoring',
	'ses',
	'email',
	'ec2',
	'bedrock',
	'secretsmanager',
	'ssm',
	'kms',
	'rds-db',
	''
];

/** What made a key: the code, the words for it, the fix. */
interface Cause {
	code: FindingCode;
	how: string;
	fix: string;
}

const RAW_CHAIN_FIX =
	'Pass each key on as its raw 32 bytes: kDate = HMAC("AWS4" + secret, date), kRegion = HMAC(kDate, region), kService = HMAC(kRegion, service), kSigning = HMAC(kService, "aws4_request"); hex only at the end.';

function shiftDate(date: string, days: number): string | undefined {
	const m = /^(\d{4})(\d{2})(\d{2})$/.exec(date);
	if (!m) return undefined;
	const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + days * 86400000;
	return new Date(t).toISOString().slice(0, 10).replace(/-/g, '');
}

/**
 * The known mistakes that make the user's key at `step` from the key before it (theirs where
 * given, else the correct one): hex text as the next key, key and data swapped, the "AWS4"
 * prefix left out, another date, region or service, white space around the secret, a step skipped.
 */
async function explainStep(
	step: number,
	given: string,
	previous: string | undefined,
	chain: KeyChain,
	secret: string
): Promise<Cause | undefined> {
	const parts = [chain.date, chain.region, chain.service, 'aws4_request'];
	const part = parts[step]!;
	const prevBytes = step === 0 ? utf8Bytes('AWS4' + secret) : fromHex(previous!);
	const is = async (key: Uint8Array | Promise<Uint8Array>) => toHex(await key) === given;
	if (step > 0 && (await is(hmac(utf8Bytes(previous!), part)))) {
		return {
			code: 'hex-intermediate-keys',
			how: `your signer passed ${CHAIN[step - 1]} on as hex text (the HMAC key was its 64 hex characters, not its 32 bytes)`,
			fix: RAW_CHAIN_FIX
		};
	}
	if (await is(hmac(utf8Bytes(part), prevBytes))) {
		return {
			code: 'hmac-key-data-swapped',
			how: `your signer swapped HMAC key and data (HMAC("${part}", ${step === 0 ? '"AWS4" + secret' : CHAIN[step - 1]}))`,
			fix: 'Call HMAC(key, data): the previous key is the key, the scope part the data.'
		};
	}
	if (step === 0) {
		if (await is(hmac(utf8Bytes(secret), part))) {
			return {
				code: 'signing-key-missing-aws4-prefix',
				how: 'your signer derived kDate from the secret without the "AWS4" prefix',
				fix: 'Start the chain with HMAC("AWS4" + secret, date).'
			};
		}
		for (const s of new Set([secret.trim(), secret + '\n', secret + ' ', secret + '\r\n'])) {
			if (s === secret || s === '') continue;
			if (await is(hmac(utf8Bytes('AWS4' + s), part))) {
				return {
					code: 'secret-key-whitespace',
					how: `your signer used the secret ${s === secret.trim() ? 'without the white space around it here' : `with ${JSON.stringify(s.slice(secret.length))} after it`}`,
					fix: 'Trim the secret access key (a line break from a file or an environment variable is part of the key otherwise).'
				};
			}
		}
		for (const days of [-1, 1]) {
			const other = shiftDate(part, days);
			if (other && (await is(hmac(prevBytes, other)))) {
				return {
					code: 'timestamp-scope-date-mismatch',
					how: `your kDate is the one for ${other}, not ${part}: the signer took the date from a local clock or another time than X-Amz-Date`,
					fix: 'Take the date of the key (and of the scope) from the first 8 digits of X-Amz-Date, in UTC.'
				};
			}
		}
	}
	if (step === 1) {
		for (const region of REGIONS) {
			if (region !== part && (await is(hmac(prevBytes, region)))) {
				return {
					code: 'scope-region-mismatch',
					how: `your kRegion is the one for ${region === '' ? 'an empty region' : `"${region}"`}, not "${part}"`,
					fix: `Derive the key (and write the scope) for the region the request is signed for: ${part}.`
				};
			}
		}
	}
	if (step === 2) {
		for (const service of SERVICES) {
			if (service !== part && (await is(hmac(prevBytes, service)))) {
				return {
					code: 'scope-service-mismatch',
					how: `your kService is the one for ${service === '' ? 'an empty service' : `"${service}"`}, not "${part}"`,
					fix: `Derive the key (and write the scope) with the service's signing name: ${part}.`
				};
			}
		}
	}
	if (step === 3 && given === (previous ?? chain.kService)) {
		return {
			code: 'signing-key-step-skipped',
			how: 'your kSigning is kService: the signer skipped the "aws4_request" step',
			fix: 'Finish the chain with kSigning = HMAC(kService, "aws4_request").'
		};
	}
	return undefined;
}

/**
 * Compares the user's own signing keys (kDate … kSigning, as their signer printed them) one by one
 * with the chain derived from the secret, date, region and service of the case, and names the
 * first key that differs and the mistake that makes it. Needs no request, Authorization header or
 * signature; without the secret it says nothing, since no correct key can be computed.
 */
export async function compareKeyChain(evidence: Evidence, list: FindingList): Promise<void> {
	const keys = evidence.provided?.signingKeys;
	if (!keys) return;
	const given = CHAIN.filter((k) => /^[0-9a-f]{64}$/i.test(keys[k]?.trim() ?? ''));
	if (given.length === 0) return;
	const secret = evidence.params.credentials?.secretAccessKey ?? '';
	if (secret === '') return;
	const date = /^\d{8}/.exec(evidence.params.datetime ?? '')?.[0];
	if (!date || !evidence.params.region || !evidence.params.service) return;
	let chain: KeyChain;
	try {
		chain = await deriveSigningKey(secret, date, evidence.params.region, evidence.params.service);
	} catch {
		return;
	}
	const mine = (k: KeyName) => keys[k]?.trim().toLowerCase();
	const first = CHAIN.findIndex((k) => mine(k) !== undefined && mine(k) !== chain[k]);
	if (first === -1) return;
	const name = CHAIN[first]!;
	const matched = CHAIN.slice(0, first).filter((k) => mine(k) !== undefined);
	const later = CHAIN.slice(first + 1).filter((k) => mine(k) !== undefined);
	const previous = first > 0 ? (mine(CHAIN[first - 1]!) ?? chain[CHAIN[first - 1]!]) : undefined;

	let cause = await explainStep(first, mine(name)!, previous, chain, secret);
	if (!cause && given.length === 1 && name === 'kSigning') {
		// Only kSigning: the whole-chain mistakes the forensics know.
		const variant = (await signingKeyVariants(secret, chain.date, chain.region, chain.service)).find(
			(v) => v.kSigning === mine('kSigning')
		);
		if (variant) cause = { code: variant.code, how: `your signer ${variant.label}`, fix: variant.fix };
	}
	const head = `${matched.length > 0 ? `${matched.join(', ')} ${matched.length === 1 ? 'matches' : 'match'}; ` : ''}${name} differs`;
	const rest =
		later.length > 0
			? ` (${later.join(', ')} ${later.length === 1 ? 'follows' : 'follow'} from it and ${later.length === 1 ? 'differs' : 'differ'} too)`
			: '';
	const line = first + 1;
	if (cause) {
		list.add(
			cause.code,
			{
				stage: cause.code === 'secret-key-whitespace' ? 'credentials' : 'signing-key',
				line,
				basis: 'reproduced',
				reproduces: 'signing-key',
				message: `${head}${rest}: ${cause.how}. This reproduces your ${name} exactly (correct: ${chain[name]}).`,
				fix: cause.fix
			},
			`key-chain:${cause.code}`
		);
		return;
	}
	const why =
		first === 0
			? `kDate depends only on the secret and the date (${chain.date}): your signer used another secret key, or another date`
			: `your ${CHAIN[first - 1]} is right, so the step HMAC(${CHAIN[first - 1]}, "${[chain.date, chain.region, chain.service, 'aws4_request'][first]}") differs: another ${['date', 'region', 'service', 'terminator'][first]} string, or another HMAC`;
	list.add(
		'signing-key-differs',
		{
			stage: 'signing-key',
			line,
			message: `${head}${rest}: ${why}; no known mistake makes your ${name} (correct: ${chain[name]}).`,
			fix:
				first === 0
					? `Check that the secret belongs to ${evidence.params.credentials.accessKeyId || 'the access key'} and that the date is ${chain.date} (UTC, from X-Amz-Date).`
					: RAW_CHAIN_FIX
		},
		'key-chain:differs'
	);
}
