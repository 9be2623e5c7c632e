import { DEFAULT_EXPIRES } from '../../sigv4/index.ts';
import { authTokenKindOf } from '../../parse/index.ts';
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

/** YYYYMMDDTHHMMSSZ of epoch milliseconds. */
function compact(ms: number): string {
	return iso(ms).replace(/[-:]/g, '');
}

/**
 * The times in AWS's "Signature expired: X is now earlier than Y (Z - 15 min.)" and "Signature not
 * yet current: X is still later than Y (Z + 15 min.)": X is the request time, Z the server's.
 */
export function timesInMessage(message: string): { request: number; server: number } | undefined {
	const m =
		/Signature (?:expired|not yet current): (\d{8}T\d{6}Z) is (?:now earlier|still later) than \d{8}T\d{6}Z \((\d{8}T\d{6}Z) [-+]/i.exec(
			message
		);
	if (!m) return undefined;
	const request = parseTime(m[1]);
	const server = parseTime(m[2]);
	return request !== undefined && server !== undefined ? { request, server } : undefined;
}

/**
 * The request time against the server's clock: skew in header mode, the validity window of a
 * presigned URL. Judged only against a time that is known: the server's (its ServerTime field, or the
 * one its "Signature expired" message gives) or `now`. Without one, nothing is said, unless the
 * server's error code says so: a request pasted for study may be old on purpose, and this machine's
 * clock says nothing about the moment it was sent.
 */
export function checkTime(ctx: DiagnoseContext, list: FindingList): void {
	const server = ctx.evidence.server;
	const fields = server?.fields ?? {};
	const inMessage = timesInMessage(server?.message ?? fields['Message'] ?? '');
	const serverTime = parseTime(fields['ServerTime']) ?? inMessage?.server;
	const reference = serverTime ?? ctx.evidence.now?.getTime();
	const basis = serverTime !== undefined ? { basis: 'server' as const } : {};
	const against =
		serverTime !== undefined
			? `the server time${fields['ServerTime'] ? ` (${fields['ServerTime']})` : ` ${compact(serverTime)} (from its message)`}`
			: 'the time checked against';
	const code = server?.code ?? '';

	if (ctx.mode === 'header') {
		const requestTime = parseTime(fields['RequestTime']) ?? inMessage?.request ?? parseTime(ctx.params.datetime);
		if (requestTime === undefined) return;
		const serverSays = code === 'RequestTimeTooSkewed' || code === 'RequestExpired' || inMessage !== undefined;
		const skew = reference === undefined ? undefined : requestTime - reference;
		if ((skew !== undefined && Math.abs(skew) > MAX_SKEW_MS) || serverSays) {
			list.add(
				'clock-skew',
				{
					...(serverSays ? { basis: 'server' as const } : basis),
					message:
						skew === undefined
							? `The server says the request time ${iso(requestTime)} is more than 15 minutes from its clock${server?.message ? ` (${server.message})` : ''}.`
							: `The request time ${iso(requestTime)} is ${span(skew)} ${skew < 0 ? 'behind' : 'ahead of'} ${against}; AWS allows 15 minutes.`,
					fix: 'Sign with the current UTC time (sync the clock with NTP, or take the time from the Date header of an AWS response) and send the request right away.'
				},
				'clock-skew'
			);
		}
		if (skew !== undefined) twelveHour(requestTime, skew, ctx, list, serverTime !== undefined);
		return;
	}

	const url = ctx.url;
	// A login token lives by its verifier's clock (EKS: 15 minutes whatever X-Amz-Expires says): checkAuthToken judges it.
	if (authTokenKindOf(ctx.evidence.request)) return;
	const start = parseTime(url?.date) ?? parseTime(ctx.params.datetime);
	if (start === undefined) return;
	const expires = Number(url?.expires ?? ctx.params.expiresIn ?? DEFAULT_EXPIRES);
	const end = start + expires * 1000;
	const serverSays = code === 'AccessDenied' && (/expired|not yet valid/i.test(server?.message ?? '') || 'X-Amz-Expires' in fields);
	const confirmed = serverSays ? { basis: 'server' as const } : basis;
	if (reference !== undefined && reference > end) {
		list.add(
			'presign-expired',
			{
				...confirmed,
				message: `The presigned URL expired at ${iso(end)} (X-Amz-Date + ${expires} s), ${span(reference - end)} before ${against}.`,
				fix: 'Make a new presigned URL, with an expiry long enough for its use (at most 7 days; temporary credentials end sooner).'
			},
			'presign-expired'
		);
	} else if (reference !== undefined && start - reference > MAX_SKEW_MS) {
		list.add(
			'presign-expired',
			{
				...confirmed,
				message: `The presigned URL is not valid yet: X-Amz-Date ${iso(start)} is ${span(start - reference)} after ${against}.`,
				fix: 'Sign with the current UTC time; check the clock and time zone of the machine that made the URL.'
			},
			'presign-expired'
		);
	} else if (serverSays) {
		list.add(
			'presign-expired',
			{
				basis: 'server',
				message: `The server says the presigned URL is expired or not yet valid${server?.message ? ` (${server.message})` : ''}.`,
				fix: 'Make a new presigned URL with the current UTC time.'
			},
			'presign-expired'
		);
	}
}

/**
 * A time 12 hours off, with an hour a 12-hour clock would print: "hh" instead of "HH" (hour h where
 * the time is h+12, or 12 where it is 00). The cause, so an error; the server's when its time was used.
 */
function twelveHour(requestTime: number, skew: number, ctx: DiagnoseContext, list: FindingList, fromServer: boolean): void {
	const hour = new Date(requestTime).getUTCHours();
	const pm = Math.abs(skew + TWELVE_HOURS_MS) <= MAX_SKEW_MS && hour < 12;
	const midnight = Math.abs(skew - TWELVE_HOURS_MS) <= MAX_SKEW_MS && hour === 12;
	if (!pm && !midnight) return;
	const sts = ctx.evidence.provided?.stringToSign;
	const actual = (hour + 12) % 24;
	list.add(
		'timestamp-12-hour-clock',
		{
			stage: sts !== undefined ? 'string-to-sign' : 'request',
			...(sts !== undefined ? { line: 2 } : {}),
			...(fromServer ? { basis: 'server' as const } : {}),
			message: `The request time ${compact(requestTime)} is 12 hours off${fromServer ? " the server's clock" : ''}, with hour ${String(hour).padStart(2, '0')} where the time was ${String(actual).padStart(2, '0')}: it was formatted with a 12-hour clock ("hh").`,
			fix: "Format the time as yyyyMMdd'T'HHmmss'Z' (HH, 24-hour) in UTC."
		},
		'timestamp-12-hour-clock'
	);
}
