import { ALGORITHM } from '../../sigv4/index.ts';
import type { FindingCode } from '../../findings/index.ts';
import type { DiagnoseContext } from '../context.ts';
import type { FindingList } from '../finding-list.ts';
import { quote } from '../../findings/index.ts';
import type { Stage } from '../types.ts';

export interface ScopeSite {
	stage: Stage;
	line?: number;
	/** Where the scope was read, for the message: 'Line 3 of your string to sign', 'The Authorization header'. */
	where: string;
	/** The date part of the timestamp that goes with this scope (YYYYMMDD), when known. */
	timestampDate?: string;
	/** The code for a scope without four parts. */
	malformedCode: FindingCode;
	/** Mark the findings as named by the server. */
	serverSays?: boolean;
}

function regionHint(region: string): string {
	if (region.includes('_')) return ' (region codes use "-", not "_")';
	if (/\d[a-z]$/.test(region)) return ' (that is an Availability Zone, not a region)';
	if (region === '') return ' (it is empty)';
	return '';
}

/**
 * Checks a credential scope (date/region/service/aws4_request) against the correct one. Each mistake
 * is keyed so that it is reported once, from the first text that shows it.
 */
export function compareScope(scope: string, ctx: DiagnoseContext, list: FindingList, site: ScopeSite): void {
	const correct = ctx.trace.credentialScope;
	if (scope === correct) return;
	const at = {
		stage: site.stage,
		...(site.line !== undefined ? { line: site.line } : {}),
		...(site.serverSays ? { basis: 'server' as const } : {})
	};
	const parts = scope.split('/');
	if (parts.length !== 4) {
		list.add(
			site.malformedCode,
			{
				...at,
				message: `${site.where}: the credential scope ${quote(scope)} has ${parts.length} parts; it is date/region/service/aws4_request, e.g. ${quote(correct)}.`,
				fix: `Write the scope as ${correct}.`
			},
			`scope-shape:${site.stage}`
		);
		return;
	}
	const [date, region, service, terminator] = parts as [string, string, string, string];
	const { region: wantRegion, service: wantService } = ctx.params;
	if (!/^\d{8}$/.test(date)) {
		list.add(
			'timestamp-malformed',
			{
				...at,
				message: `${site.where}: the scope date ${quote(date)} is not YYYYMMDD.`,
				fix: `Use the date part of X-Amz-Date: ${ctx.trace.date}.`
			},
			'scope-date'
		);
	} else if (site.timestampDate !== undefined && date !== site.timestampDate) {
		list.add(
			'timestamp-scope-date-mismatch',
			{
				...at,
				message: `${site.where}: the scope date ${date} is not the date of the timestamp it goes with (${site.timestampDate}).`,
				fix: 'Take the time once, in UTC, and use its first 8 digits as the scope date.'
			},
			'scope-date'
		);
	} else if (date !== ctx.trace.date && site.timestampDate === undefined) {
		list.add(
			'timestamp-scope-date-mismatch',
			{
				...at,
				message: `${site.where}: the scope date ${date} is not the date of X-Amz-Date (${ctx.params.datetime}).`,
				fix: `Use ${ctx.trace.date}, the first 8 digits of X-Amz-Date, from the same UTC time.`
			},
			'scope-date'
		);
	}
	if (region !== wantRegion) {
		list.add(
			'scope-region-mismatch',
			{
				...at,
				message: `${site.where}: the scope region is ${quote(region)}${regionHint(region)}, but the request is for ${quote(wantRegion)}.`,
				fix: `Sign for ${wantRegion}, the region of the endpoint (for S3, the bucket's region).`
			},
			'scope-region'
		);
	}
	if (service !== wantService) {
		list.add(
			'scope-service-mismatch',
			{
				...at,
				message: `${site.where}: the scope service is ${quote(service)}, but the request is for ${quote(wantService)}.`,
				fix: `Use the service's signing name, ${wantService} (e.g. "es" for OpenSearch domains, "aoss" for Serverless, "execute-api" for API Gateway).`
			},
			'scope-service'
		);
	}
	if (terminator !== 'aws4_request') {
		list.add(
			'scope-terminator-wrong',
			{
				...at,
				message: `${site.where}: the scope ends in ${quote(terminator)}; it must end in "aws4_request".`,
				fix: `End the scope with aws4_request (lowercase), as in ${correct}; the ${ALGORITHM} key chain uses the same word.`
			},
			'scope-terminator'
		);
	}
}
