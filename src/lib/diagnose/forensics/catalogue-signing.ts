import type { FindingCode } from '../../findings/index.ts';
import { kind, type Mistake, type MistakeKind } from './mistake.ts';
import type { Plan } from './model.ts';

// Mistakes after the canonical request: the string to sign, the signing-key chain, the signature.

function with4(list: readonly [boolean, boolean, boolean, boolean], at: number[]): [boolean, boolean, boolean, boolean] {
	const out: [boolean, boolean, boolean, boolean] = [...list];
	for (const i of at) out[i] = true;
	return out;
}

function twelveHour(datetime: string): string {
	const hour = Number(datetime.slice(9, 11));
	return `${datetime.slice(0, 9)}${String(hour % 12 || 12).padStart(2, '0')}${datetime.slice(11)}`;
}

function shiftDay(date: string, days: number): string {
	const d = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8)) + days));
	return d.toISOString().slice(0, 10).replace(/-/g, '');
}

/** Signing names people confuse with the service's (aws4fetch, OpenSearch and SES issues). */
const SERVICE_ALTERNATIVES = new Map<string, string[]>([
	['execute-api', ['apigateway']],
	['apigateway', ['execute-api']],
	['ses', ['email']],
	['email', ['ses']],
	['es', ['aoss', 'opensearch']],
	['aoss', ['es']],
	['monitoring', ['cloudwatch']],
	['events', ['eventbridge']],
	['states', ['stepfunctions']],
	['logs', ['cloudwatch-logs']]
]);

/** service.region.amazonaws.com and bucket.s3.region.amazonaws.com carry the service and region. */
function fromHost(hostname: string): { service?: string; region?: string } {
	const m = /(?:^|\.)([a-z0-9-]+)[.-]([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(?:\.cn)?$/.exec(hostname.toLowerCase());
	return m ? { service: m[1]!, region: m[2]! } : {};
}

export const STRING_TO_SIGN: MistakeKind[] = [
	kind(
		'twelve-hour-clock',
		'timestamp-12-hour-clock',
		'string-to-sign',
		['datetime'],
		'Time formatted with a 12-hour clock (hh instead of HH)',
		"Format the time in UTC with a 24-hour clock: yyyyMMdd'T'HHmmss'Z' (Apex formatGmt, Java and C# use HH, not hh).",
		(model) => {
			const wrong = twelveHour(model.params.datetime);
			return [
				{
					suffix: 'string-to-sign',
					message: `Your signer wrote the time in the string to sign with a 12-hour clock (${wrong} instead of ${model.params.datetime}).`,
					apply: (plan) => ({ ...plan, stsDatetime: wrong })
				},
				{
					suffix: 'everywhere',
					message: `Your signer formatted the time with a 12-hour clock (${wrong} instead of ${model.params.datetime}), in X-Amz-Date and the string to sign.`,
					apply: (plan) => ({ ...plan, stsDatetime: wrong, requestDatetime: wrong })
				}
			];
		}
	),
	kind(
		'sts-hash-base64',
		'hash-base64-not-hex',
		'string-to-sign',
		['sts.hash'],
		'Canonical request hash in base64',
		'Write the SHA-256 of the canonical request as lowercase hex (EncodingUtil.convertToHex, not base64Encode).',
		() => [
			{
				message: 'Your signer wrote the hash of the canonical request in base64 instead of hex.',
				apply: (plan) => ({ ...plan, hashForm: 'base64' })
			}
		]
	),
	kind(
		'sts-hash-uppercase',
		'hex-uppercase',
		'string-to-sign',
		['sts.hash'],
		'Canonical request hash in uppercase hex',
		'Write the hash of the canonical request in lowercase hex.',
		() => [
			{
				message: 'Your signer wrote the hash of the canonical request in uppercase hex.',
				apply: (plan) => ({ ...plan, hashForm: 'upper' })
			}
		]
	),
	kind(
		'sts-raw-canonical-request',
		'raw-canonical-request-in-sts',
		'string-to-sign',
		['sts.hash'],
		'The canonical request itself instead of its hash',
		'Put the hex SHA-256 of the canonical request on the last line, not the canonical request.',
		() => [
			{
				message: 'Your signer put the canonical request itself in the string to sign instead of its SHA-256 hash.',
				apply: (plan) => ({ ...plan, hashForm: 'raw' })
			}
		]
	),
	kind(
		'algorithm-line',
		'algorithm-line-wrong',
		'string-to-sign',
		['sts.algorithm'],
		'First line of the string to sign misspelt',
		'The first line is exactly AWS4-HMAC-SHA256, then "\\n".',
		() =>
			['AWS4-HMAC-SHA256 ', 'AWS4_HMAC_SHA256'].map((algorithm, i) => ({
				suffix: ['trailing-space', 'underscores'][i]!,
				message: `Your signer wrote the first line of the string to sign as ${JSON.stringify(algorithm)}.`,
				apply: (plan: Plan) => ({ ...plan, algorithm })
			}))
	),
	kind(
		'scope-terminator',
		'scope-terminator-wrong',
		'string-to-sign',
		['scope.terminator'],
		'Credential scope ends in "aws4-request"',
		'End the credential scope, and the signing-key chain, with "aws4_request" (underscore).',
		() => [
			{
				suffix: 'scope-and-key',
				message: 'Your signer wrote "aws4-request" (hyphen) for "aws4_request", in the credential scope and the signing key.',
				apply: (plan) => ({
					...plan,
					scope: { ...plan.scope, terminator: 'aws4-request' },
					key: { ...plan.key, terminator: 'aws4-request' }
				})
			},
			{
				suffix: 'scope',
				message: 'Your signer wrote "aws4-request" (hyphen) for "aws4_request" in the credential scope.',
				apply: (plan) => ({ ...plan, scope: { ...plan.scope, terminator: 'aws4-request' } })
			}
		]
	),
	kind(
		'scope-date',
		'timestamp-scope-date-mismatch',
		'string-to-sign',
		['scope.date'],
		'Scope date from the day before or after X-Amz-Date',
		'Take the scope date and X-Amz-Date from one UTC timestamp (local time zones move the date).',
		(model) =>
			[-1, 1].map((days) => {
				const date = shiftDay(model.base.scope.date, days);
				return {
					suffix: days < 0 ? 'day-before' : 'day-after',
					message: `Your signer used ${date} in the credential scope and the signing key, but the request time is ${model.params.datetime}.`,
					apply: (plan: Plan) => ({ ...plan, scope: { ...plan.scope, date }, key: { ...plan.key, date } })
				};
			})
	),
	kind(
		'scope-region',
		'scope-region-mismatch',
		'string-to-sign',
		['scope.region'],
		'Another region (us-east-1, or the one in the host) in the scope',
		'Use the region of the endpoint (for S3, the bucket’s region) in the credential scope and the signing key.',
		(model) => {
			const candidates = new Set(['us-east-1', fromHost(model.hostname).region ?? '']);
			candidates.delete('');
			candidates.delete(model.params.region);
			return [...candidates].map((region) => ({
				suffix: region,
				message: `Your signer used the region "${region}" in the credential scope and the signing key, not "${model.params.region}".`,
				apply: (plan: Plan) => ({ ...plan, scope: { ...plan.scope, region }, key: { ...plan.key, region } })
			}));
		}
	),
	kind(
		'scope-service',
		'scope-service-mismatch',
		'string-to-sign',
		['scope.service'],
		'Another name of the service in the scope',
		'Use the signing name of the service (execute-api, ses, es, aoss, …) in the credential scope and the signing key.',
		(model) => {
			const own = model.params.service;
			const candidates = new Set([...(SERVICE_ALTERNATIVES.get(own) ?? []), fromHost(model.hostname).service ?? '']);
			candidates.delete('');
			candidates.delete(own);
			return [...candidates].map((service) => ({
				suffix: service,
				message: `Your signer used the service name "${service}" in the credential scope and the signing key, not "${own}".`,
				apply: (plan: Plan) => ({ ...plan, scope: { ...plan.scope, service }, key: { ...plan.key, service } })
			}));
		}
	),
	kind(
		'sts-crlf',
		'crlf-line-endings',
		'string-to-sign',
		['sts.eol'],
		'String to sign lines joined with CRLF',
		'Join the four lines of the string to sign with "\\n" (LF) only.',
		() => [
			{
				message: 'Your signer joined the lines of the string to sign with CRLF ("\\r\\n").',
				apply: (plan) => ({ ...plan, stsEol: '\r\n' })
			}
		]
	)
];

const STEP_NAMES = ['kDate', 'kRegion', 'kService', 'kSigning'];

export const SIGNING_KEY: MistakeKind[] = [
	kind(
		'no-aws4-prefix',
		'signing-key-missing-aws4-prefix',
		'signing-key',
		['key.prefix'],
		'kDate keyed with the secret alone, without "AWS4"',
		'Key the first HMAC with "AWS4" + secret: kDate = HMAC("AWS4" + secret, yyyyMMdd).',
		() => [
			{
				message: 'Your signer derived kDate from the secret without the "AWS4" prefix.',
				apply: (plan) => ({ ...plan, key: { ...plan.key, prefix: '' } })
			}
		]
	),
	kind(
		'key-swapped',
		'hmac-key-data-swapped',
		'signing-key',
		[],
		'HMAC key and data swapped in one step of the chain, or in all',
		'Each step is HMAC(key = previous key, data = text): kDate = HMAC("AWS4" + secret, date), then region, service, "aws4_request". Check the argument order of your HMAC function (Apex Crypto.generateMac takes the data first).',
		() => [
			...STEP_NAMES.map((name, i) => ({
				suffix: name,
				touches: [`key.swap.${i}`],
				message: `Your signer swapped the key and the data of the HMAC that makes ${name}.`,
				apply: (plan: Plan) => ({ ...plan, key: { ...plan.key, swapped: with4(plan.key.swapped, [i]) } })
			})),
			{
				suffix: 'all',
				touches: STEP_NAMES.map((_, i) => `key.swap.${i}`),
				message: 'Your signer swapped the key and the data in every HMAC of the signing-key chain.',
				apply: (plan: Plan) => ({ ...plan, key: { ...plan.key, swapped: with4(plan.key.swapped, [0, 1, 2, 3]) } })
			}
		]
	),
	kind(
		'hex-keys',
		'hex-intermediate-keys',
		'signing-key',
		['key.hex'],
		'Hex text of a key used as the next HMAC key',
		'Pass each HMAC result to the next step as raw bytes (32 bytes), not as its hex text; only the final signature is hex.',
		() => [
			{
				suffix: 'intermediate',
				message: 'Your signer passed kDate, kRegion and kService on as hex text instead of raw bytes.',
				apply: (plan) => ({ ...plan, key: { ...plan.key, hex: 'intermediate' } })
			},
			{
				suffix: 'all',
				message: 'Your signer passed every key, kSigning included, on as hex text instead of raw bytes.',
				apply: (plan) => ({ ...plan, key: { ...plan.key, hex: 'all' } })
			},
			{
				suffix: 'signing',
				message: 'Your signer keyed the final HMAC with the hex text of kSigning instead of its raw bytes.',
				apply: (plan) => ({ ...plan, key: { ...plan.key, hex: 'signing' } })
			}
		]
	),
	kind(
		'skip-terminator-step',
		'signing-key-step-skipped',
		'signing-key',
		['key.skip'],
		'The "aws4_request" step of the chain skipped (kService used as the signing key)',
		'Finish the chain with kSigning = HMAC(kService, "aws4_request").',
		() => [
			{
				message: 'Your signer used kService as the signing key: the last step, HMAC(kService, "aws4_request"), is missing.',
				apply: (plan) => ({ ...plan, key: { ...plan.key, skipTerminator: true } })
			}
		]
	)
];

export const SIGNATURE: MistakeKind[] = [
	kind(
		'signature-swapped',
		'hmac-key-data-swapped',
		'signature',
		['sig.swap'],
		'Final HMAC keyed with the string to sign',
		'signature = HMAC(key = kSigning, data = string to sign), as lowercase hex.',
		() => [
			{
				message: 'Your signer swapped the key and the data of the final HMAC (keyed it with the string to sign).',
				apply: (plan) => ({ ...plan, signatureSwapped: true })
			}
		]
	),
	formatKind('signature-uppercase', 'hex-uppercase', 'upper', 'Signature in uppercase hex', 'Your signature is written in uppercase hex.'),
	formatKind('signature-base64', 'signature-base64', 'base64', 'Signature in base64', 'Your signature is written in base64 instead of hex.')
];

/**
 * How the signature is written changes no byte of it: the search compares bytes and names the
 * form from the user's text, so these never need re-signing (and combine with every other mistake).
 */
function formatKind(id: string, code: FindingCode, form: 'upper' | 'base64', summary: string, message: string): MistakeKind {
	const fix = 'Write the signature as 64 lowercase hex digits: the server compares it as text.';
	const mistake: Mistake = {
		id,
		kind: id,
		code,
		stage: 'signature',
		touches: ['sig.format'],
		message,
		fix,
		apply: (plan) => plan,
		format: form
	};
	return { id, code, stage: 'signature', summary, expand: () => [mistake] };
}
