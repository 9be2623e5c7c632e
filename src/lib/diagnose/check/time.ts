import { DEFAULT_EXPIRES } from '../../sigv4/index.ts';
import type { DiagnoseContext } from '../context.ts';
import type { FindingList } from '../finding-list.ts';

const MAX_SKEW_MS = 15 * 60 * 1000;
const TWELVE_HOURS_MS = 12 * 3600 * 1000;

/** YYYYMMDDTHHMMSSZ, ISO 8601 or an HTTP date, as epoch milliseconds. */
export function parseTime(text: string | undefined): number | undefined {
	if (!text) return undefined;
	const t = text.trim();
	const compact = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(t);
	const ms = compact ? Date.UTC(+compact[1]!, +compact[2]! - 1, +compact[3]!, +compact[4]!, +compact[5]!, +compact[6]!) : Date.parse(t);
	return Number.isNaN(ms) ? undefined : ms;
}

/** A span of time in the unit a person would use. */
function span(ms: number): string {
	const s = Math.round(Math.abs(ms) / 1000);
	if (s < 120) return `${s} seconds`;
	if (s < 7200) return `${Math.round(s / 60)} minutes`;
	if (s < 172800) return `${Math.round(s / 360) / 10} hours`;
	return `${Math.round(s / 8640) / 10} days`;
}

function iso(ms: number): string {
	return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

/**
 * The request time against the server's clock: skew in header mode, the validity window of a
 * presigned URL. Judged against the server's ServerTime, or `now`; with only this machine's clock
 * (no `now` given) a stale time is a warning: the request may be an old one pasted for study.
 */
export function checkTime(ctx: DiagnoseContext, list: FindingList): void {
	const server = ctx.evidence.server;
	const fields = server?.fields ?? {};
	const serverTime = parseTime(fields['ServerTime']);
	const reference = serverTime ?? ctx.evidence.now?.getTime() ?? Date.now();
	const authoritative = serverTime !== undefined || ctx.evidence.now !== undefined;
	const severity = authoritative ? ('error' as const) : ('warning' as const);
	const against =
		serverTime !== undefined ? 'the server time' : ctx.evidence.now !== undefined ? 'the time checked against' : "this computer's clock";
	const code = server?.code ?? '';

	if (ctx.mode === 'header') {
		const requestTime = parseTime(fields['RequestTime']) ?? parseTime(ctx.params.datetime);
		if (requestTime === undefined) return;
		const skew = requestTime - reference;
		const confirmed = code === 'RequestTimeTooSkewed' || code === 'RequestExpired';
		if (Math.abs(skew) > MAX_SKEW_MS || confirmed) {
			list.add(
				'clock-skew',
				{
					severity: confirmed ? 'error' : severity,
					...(confirmed ? { confirmed } : {}),
					message: `The request time ${iso(requestTime)} is ${span(skew)} ${skew < 0 ? 'behind' : 'ahead of'} ${against}${
						serverTime !== undefined ? ` (${fields['ServerTime']})` : ''
					}; AWS allows 15 minutes.`,
					fix: 'Sign with the current UTC time (sync the clock with NTP, or take the time from the Date header of an AWS response) and send the request right away.'
				},
				'clock-skew'
			);
		}
		twelveHour(requestTime, skew, ctx, list, authoritative || confirmed ? 'error' : 'warning');
		return;
	}

	const url = ctx.url;
	const start = parseTime(url?.date) ?? parseTime(ctx.params.datetime);
	if (start === undefined) return;
	const expires = Number(url?.expires ?? ctx.params.expiresIn ?? DEFAULT_EXPIRES);
	const end = start + expires * 1000;
	const confirmed = code === 'AccessDenied' && (/expired|not yet valid/i.test(server?.message ?? '') || 'X-Amz-Expires' in fields);
	if (reference > end) {
		list.add(
			'presign-expired',
			{
				severity: confirmed ? 'error' : severity,
				...(confirmed ? { confirmed } : {}),
				message: `The presigned URL expired at ${iso(end)} (X-Amz-Date + ${expires} s), ${span(reference - end)} before ${against}.`,
				fix: 'Make a new presigned URL, with an expiry long enough for its use (at most 7 days; temporary credentials end sooner).'
			},
			'presign-expired'
		);
	} else if (start - reference > MAX_SKEW_MS) {
		list.add(
			'presign-expired',
			{
				severity: confirmed ? 'error' : severity,
				...(confirmed ? { confirmed } : {}),
				message: `The presigned URL is not valid yet: X-Amz-Date ${iso(start)} is ${span(start - reference)} after ${against}.`,
				fix: 'Sign with the current UTC time; check the clock and time zone of the machine that made the URL.'
			},
			'presign-expired'
		);
	} else if (confirmed) {
		list.add(
			'presign-expired',
			{
				confirmed,
				message: `The server says the presigned URL is expired or not yet valid${server?.message ? ` (${server.message})` : ''}.`,
				fix: 'Make a new presigned URL with the current UTC time.'
			},
			'presign-expired'
		);
	}
}

/** A time 12 hours off, with an hour a 12-hour clock would print: "hh" instead of "HH". */
function twelveHour(requestTime: number, skew: number, ctx: DiagnoseContext, list: FindingList, severity: 'error' | 'warning'): void {
	const hour = new Date(requestTime).getUTCHours();
	const pm = Math.abs(skew + TWELVE_HOURS_MS) <= MAX_SKEW_MS && hour < 12;
	const midnight = Math.abs(skew - TWELVE_HOURS_MS) <= MAX_SKEW_MS && hour === 12;
	if (!pm && !midnight) return;
	const sts = ctx.evidence.provided?.stringToSign;
	list.add(
		'timestamp-12-hour-clock',
		{
			severity,
			stage: sts !== undefined ? 'string-to-sign' : 'request',
			...(sts !== undefined ? { line: 2 } : {}),
			message: `The request time ${ctx.params.datetime} is 12 hours off, with hour ${String(hour).padStart(2, '0')}: it was formatted with a 12-hour clock ("hh").`,
			fix: "Format the time as yyyyMMdd'T'HHmmss'Z' (HH, 24-hour) in UTC."
		},
		'timestamp-12-hour-clock'
	);
}
