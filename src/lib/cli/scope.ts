import { edit, originOf, type Case } from '../case/index.ts';
import { parseRawHttp } from '../parse/index.ts';
import { serviceFor } from '../sigv4/index.ts';
import { stringOption, type CliArgs } from './cli-args.ts';
import { UsageError } from './usage-error.ts';

const DATETIME = /^\d{8}T\d{6}Z$/;

/** --region, --service and --datetime over the input's values; "now" is the caller's clock. */
export function scopeFromFlags(c: Case, args: CliArgs, now: string): Case {
	const patch: Partial<Pick<Case, 'region' | 'service' | 'datetime'>> = {};
	const region = stringOption(args, 'region')?.trim();
	const service = stringOption(args, 'service')?.trim();
	const datetime = stringOption(args, 'datetime')?.trim();
	if (region !== undefined) patch.region = region;
	if (service !== undefined) patch.service = service;
	if (datetime !== undefined) {
		if (datetime !== 'now' && !DATETIME.test(datetime)) {
			throw new UsageError(
				`--datetime "${datetime}" is not a SigV4 time.`,
				'Write it as YYYYMMDDTHHMMSSZ in UTC (e.g. 20130524T000000Z), or "now".'
			);
		}
		patch.datetime = datetime === 'now' ? now : datetime;
	}
	const next = edit(c, patch);
	// A flag is given even when it repeats the example's value (us-east-1): edit leaves that one "default".
	for (const field of Object.keys(patch) as (keyof typeof patch)[]) next.origins[field] = { from: 'typed' };
	return next;
}

/** The host of an absolute URL, as the user wrote it. */
const hostOf = (url: string) => /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url)?.[1] ?? url;

/** Given by a flag or the input itself; one the import read from the host is worked out again below, with its note. */
const given = (c: Case, field: 'region' | 'service') => {
	const origin = originOf(c, field);
	const fromHost = origin.from === 'paste' && origin.source?.startsWith('the host name ');
	return origin.from !== 'default' && !fromHost && c[field].trim() !== '';
};

/**
 * Signing: a region and a service the input does not give come from the host (the endpoint
 * registry) and, for the region, from AWS_REGION; never from the page's example. Says where each
 * came from, or what to pass.
 */
export function scopeForSigning(c: Case, env: Readonly<Record<string, string | undefined>>): { case: Case; notes: string[] } {
	const notes: string[] = [];
	const url = parseRawHttp(c.requestText).request?.url;
	const inferred = url ? serviceFor(url) : undefined;
	const host = url ? hostOf(url) : 'the request';
	let next = c;
	if (!given(next, 'service')) {
		if (!inferred?.known || !inferred.signingName) {
			throw new UsageError(
				`The service is not given, and ${host} is not an AWS endpoint that names it.`,
				'Pass --service with the signing name, e.g. --service s3 (execute-api for API Gateway, es for OpenSearch).'
			);
		}
		next = edit(next, { service: inferred.signingName });
		notes.push(`Service ${inferred.signingName}: from the host ${host}.`);
	}
	if (!given(next, 'region')) {
		const fromHost = inferred?.fixedRegion ?? (inferred?.regionFrom && inferred.regionFrom !== 'guess' ? inferred.region : undefined);
		const fromEnv = env.AWS_REGION || env.AWS_DEFAULT_REGION;
		if (fromHost) notes.push(`Region ${fromHost}: from the host ${host}.`);
		else if (fromEnv) notes.push(`Region ${fromEnv}: from ${env.AWS_REGION ? 'AWS_REGION' : 'AWS_DEFAULT_REGION'}.`);
		else {
			throw new UsageError(
				`The region is not given, and ${host} does not name one.`,
				'Pass --region, e.g. --region us-east-1 (or set AWS_REGION).'
			);
		}
		next = edit(next, { region: (fromHost ?? fromEnv)! });
	}
	return { case: next, notes };
}
