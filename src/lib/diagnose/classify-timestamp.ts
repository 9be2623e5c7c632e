import type { FindingCode } from '../findings/index.ts';
import { quote } from '../findings/index.ts';

export interface TimestampFault {
	code: FindingCode;
	message: string;
	fix: string;
}

const SHAPE = /^(\d{8})T(\d{2})(\d{2})(\d{2})Z$/;

/** What is wrong with a timestamp the user wrote, against the correct one (YYYYMMDDTHHMMSSZ). */
export function classifyTimestamp(value: string, correct: string): TimestampFault | undefined {
	if (value === correct) return undefined;
	const m = SHAPE.exec(value);
	const c = SHAPE.exec(correct);
	if (!m) {
		const why = / (?=\d)/.test(value.trim())
			? 'a part is padded with a space, not a zero'
			: /[-:]/.test(value)
				? 'it has "-" or ":" separators'
				: /\.\d/.test(value)
					? 'it has fractions of a second'
					: /[+-]\d{2}:?\d{2}$|UTC$|GMT$/.test(value)
						? 'it ends in a time zone instead of a literal Z (UTC)'
						: !value.endsWith('Z')
							? 'it does not end in Z'
							: /T\d{1,5}Z$|^\d{1,7}T/.test(value)
								? 'a part is not zero-padded to two digits'
								: 'it is not 8 digits, T, 6 digits, Z';
		return {
			code: 'timestamp-malformed',
			message: `${quote(value)} is not a SigV4 timestamp: ${why}.`,
			fix: `Format the UTC time as yyyyMMdd'T'HHmmss'Z'${c ? `, e.g. ${correct}` : ''}.`
		};
	}
	if (c && m[1] === c[1] && m[3] === c[3] && m[4] === c[4]) {
		const h = Number(m[2]);
		const ch = Number(c[2]);
		if (h !== ch && h % 12 === ch % 12) {
			return {
				code: 'timestamp-12-hour-clock',
				message: `${quote(value)} has hour ${m[2]} where the time is ${c[2]}:${c[3]}: it was formatted with a 12-hour clock ("hh").`,
				fix: `Use a 24-hour clock: yyyyMMdd'T'HHmmss'Z' (HH, not hh), in UTC: ${correct}.`
			};
		}
	}
	return {
		code: 'timestamp-mismatch',
		message: `${quote(value)} is not the request time ${correct} (X-Amz-Date).`,
		fix: 'Take the time once, in UTC, and use that one value for X-Amz-Date, the string to sign and the credential scope.'
	};
}
