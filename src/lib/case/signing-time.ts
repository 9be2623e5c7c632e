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

/** The datetime a request paste without a date is signed for, and its origin phrase; undefined: keep the case's. */
export function importTime(result: ImportResult, now: string | undefined): { datetime: string; source: string; summary: string } | undefined {
	const signer = now === undefined ? undefined : runTimeSigner(result);
	if (!signer || !now) return undefined;
	return {
		datetime: now,
		source: `${NOW_SOURCE}, as ${signer} would sign`,
		summary: `No date in your paste: the stages are signed for now (${readableTime(now) ?? now}), as ${signer} signs with the time it runs.`
	};
}

/** A SigV4 datetime (20130524T000000Z) as a Date, or undefined when it is not one. */
function parseDatetime(value: string): Date | undefined {
	const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value.trim());
	if (!m) return undefined;
	const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
	const date = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
	// Date.UTC rolls month 13 into the next year: a value that does not read back is not a date.
	return date.getUTCMonth() === mo! - 1 && date.getUTCDate() === d! && date.getUTCHours() === h! ? date : undefined;
}

function readable(date: Date): string {
	return date.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC');
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
	const expired = expires !== undefined && now !== undefined && expires < now ? ` This presigned URL expired at ${readable(expires)}: AWS would refuse it.` : '';
	if (origin?.from === 'paste' && origin.source?.startsWith(NOW_SOURCE)) {
		const curl = origin.source.includes('curl');
		const runs = curl ? 'curl signs with the time it runs' : 'a signer signs with the time it runs';
		return { text: `Signed for now (${readable(at)}, when you pasted); ${runs}, so its date and signature differ from these.${expired}`, offerNow: expired !== '' };
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
