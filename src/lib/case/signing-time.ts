import type { ImportResult } from '../parse/types.ts';
import type { Case } from './case.ts';

/**
 * The start of the origin phrase of a date no paste gave: the page took the time of the import.
 * The case keeps that time in its datetime field, so a link reproduces the same stages.
 */
export const NOW_SOURCE = 'no date in the paste: the current time';

/**
 * What signs the pasted request at the moment it runs, when the paste gives no date and no
 * signature (a signature made at an unknown time is not made now): undefined when the paste's own
 * date, or the lack of one, is what the stages must show.
 */
export function runTimeSigner(result: ImportResult): string | undefined {
	if (result.params?.datetime) return undefined;
	if (result.origins?.mode?.from === '--aws-sigv4') return 'curl --aws-sigv4';
	const evidence = Object.keys(result.provided ?? {}).length + Object.keys(result.server ?? {}).length;
	if (evidence > 0 || result.kind === 'presigned-url') return undefined;
	return 'your signer';
}

/** Logs whose lines start with the time they were written (botocore's logging, awscurl's, a curl -v with --trace-time). */
const LOG_KINDS = new Set(['botocore-log', 'awscurl-log', 'curl-verbose']);
const LOG_TIME = /^\s*(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:[.,]\d+)?\s*(Z|[+-]00:?00)?/;

/** The first timestamp of a log, and its line: when the request was signed, give or take the logger's time zone. */
function logTime(text: string): { datetime: string; utc: boolean; line: number } | undefined {
	const lines = text.split('\n');
	for (let i = 0; i < lines.length; i++) {
		const m = LOG_TIME.exec(lines[i]!);
		if (!m) continue;
		const datetime = `${m[1]}${m[2]}${m[3]}T${m[4]}${m[5]}${m[6]}Z`;
		if (readableTime(datetime)) return { datetime, utc: m[7] !== undefined, line: i + 1 };
	}
	return undefined;
}

/**
 * The datetime a request paste without a signing date is signed for, and its origin phrase: a
 * log's own timestamp (evidence of when it ran), else the time of the import for a request that
 * is signed when it runs. Undefined: the case's datetime stays.
 */
export function importTime(
	result: ImportResult,
	opts: { now?: string; text?: string }
): { datetime: string; source: string; line?: number; summary: string } | undefined {
	if (result.params?.datetime) return undefined;
	// A HAR says when the browser sent the request: the time a signer that signs as it sends would have used.
	if (result.sentAt && readableTime(result.sentAt))
		return {
			datetime: result.sentAt,
			source: "the HAR entry's startedDateTime",
			summary: `No signing date in the HAR's request: the stages use when it was sent, ${readableTime(result.sentAt)} (its startedDateTime).`
		};
	const logged = LOG_KINDS.has(result.kind) && opts.text !== undefined ? logTime(opts.text) : undefined;
	if (logged) {
		const zone = logged.utc
			? 'UTC'
			: "read as UTC (a logger may write local time: correct it if the scope's date or the signature disagree)";
		return {
			datetime: logged.datetime,
			source: logged.utc ? "the log's timestamp" : "the log's timestamp, read as UTC",
			line: logged.line,
			summary: `No signing date in your log: the stages use its first timestamp, line ${logged.line}, ${readableTime(logged.datetime)!.replace(' UTC', '')}, ${zone}.`
		};
	}
	const signer = opts.now === undefined ? undefined : runTimeSigner(result);
	if (!signer || !opts.now) return undefined;
	return {
		datetime: opts.now,
		source: `${NOW_SOURCE}, as ${signer} would sign`,
		summary: `No date in your paste: the stages are signed for now (${readableTime(opts.now) ?? opts.now}), as ${signer} signs with the time it runs.`
	};
}

/** A SigV4 datetime (20130524T000000Z) as a Date, or undefined when it is not one. */
function parseDatetime(value: string): Date | undefined {
	const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value.trim());
	if (!m) return undefined;
	const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
	const date = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
	// Date.UTC rolls month 13 into the next year: a value that does not read back is not a date.
	return date.toISOString().replace(/[-:]|\.\d{3}/g, '') === value.trim() ? date : undefined;
}

function readable(date: Date): string {
	return date
		.toISOString()
		.replace('T', ' ')
		.replace(/\.\d{3}Z$/, ' UTC');
}

/** 20130524T000000Z as "2013-05-24 00:00:00 UTC"; undefined when it is not a SigV4 datetime. */
export function readableTime(value: string): string | undefined {
	const date = parseDatetime(value);
	return date && readable(date);
}

/** What the page says beside the date: which time the stages are signed for, and whether "now" would fix an expired output. */
export interface TimeNote {
	text: string;
	/** The output is expired or built for a fixed past time: one click signs it for now. */
	offerNow: boolean;
}

/**
 * The note beside the date field, from the case and the clock (the page's, read when it shows the
 * note; the stages themselves follow only the case's datetime). Undefined when there is nothing to
 * say: AWS's own example in header mode, a date the user or the paste gave that still signs.
 */
export function timeNote(c: Case, clock: string): TimeNote | undefined {
	const at = parseDatetime(c.datetime);
	if (!at) return undefined;
	const origin = c.origins.datetime;
	const seconds = Number(c.expiresIn);
	const expires = c.mode === 'query' && Number.isInteger(seconds) && seconds > 0 ? new Date(at.getTime() + seconds * 1000) : undefined;
	const now = parseDatetime(clock);
	const expired =
		expires !== undefined && now !== undefined && expires < now
			? ` This presigned URL expired at ${readable(expires)}: AWS would refuse it.`
			: '';
	if (origin?.from === 'paste' && origin.source?.startsWith(NOW_SOURCE)) {
		const curl = origin.source.includes('curl');
		const runs = curl ? 'curl signs with the time it runs' : 'a signer signs with the time it runs';
		return {
			text: `Signed for now (${readable(at)}, when you pasted); ${runs}, so its date and signature differ from these.${expired}`,
			offerNow: expired !== ''
		};
	}
	if (origin === undefined) {
		// AWS's published example, untouched: its fixed time is what reproduces the documented signature.
		if (c.mode === 'header' && Object.keys(c.origins).length === 0) return undefined;
		const fixed = `The stages are signed for the example's fixed time, ${readable(at)} (AWS's published example), not for now.`;
		return { text: `${fixed}${expired}`, offerNow: true };
	}
	if (origin.from === 'typed' && expired) return { text: expired.trim(), offerNow: true };
	return undefined;
}
