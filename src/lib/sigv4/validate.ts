import { MAX_EXPIRES } from './constants.ts';
import { SigningError } from './signing-error.ts';
import { payloadHashProblem } from './payload-hash.ts';
import type { Header, SigningParams } from './types.ts';

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const SCOPE_PART = /^[A-Za-z0-9._-]+$/;

export function checkMethod(method: string): string {
	const m = method.trim();
	if (m === '') throw new SigningError('method', 'The HTTP method is empty.', 'Use GET, PUT, POST, DELETE, HEAD or another method name.');
	if (!TOKEN.test(m))
		throw new SigningError(
			'method',
			`"${m}" is not an HTTP method: it contains a space or a separator.`,
			'Use a single word such as GET or PUT.'
		);
	return m.toUpperCase();
}

export function checkHeaders(headers: Header[]): void {
	headers.forEach(([name, value], index) => {
		if (!TOKEN.test(name)) {
			throw new SigningError(
				'headers',
				name === ''
					? `Header ${index + 1} has no name.`
					: `Header ${index + 1} "${name}" has a character that is not allowed in a header name.`,
				'Write headers as "Name: value"; names are letters, digits and - (no spaces or colons).',
				index
			);
		}
		// eslint-disable-next-line no-control-regex -- finding control characters is the point
		const bad = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|\r(?!\n[ \t])|(?<!\r)\n(?![ \t])/.exec(value);
		if (bad) {
			throw new SigningError(
				'headers',
				`The value of header "${name}" has a control character or a line break not followed by white space, at character ${bad.index + 1}.`,
				'Remove it; a value continued on the next line must start that line with a space or a tab.',
				index
			);
		}
	});
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Checks YYYYMMDD'T'HHMMSS'Z' and that it names a real moment. */
export function checkDatetime(datetime: string): void {
	const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(datetime);
	if (!m) {
		const iso = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z$/.exec(datetime);
		throw new SigningError(
			'datetime',
			`"${datetime}" is not in the form YYYYMMDDTHHMMSSZ.`,
			iso
				? `Write it without separators: ${iso.slice(1, 4).join('')}T${iso.slice(4, 7).join('')}Z.`
				: 'Write the UTC time as e.g. 20150830T123600Z.'
		);
	}
	const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
	const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	const days = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 0);
	if (month < 1 || month > 12 || day < 1 || day > days) {
		throw new SigningError(
			'datetime',
			`"${datetime}" names a day that does not exist.`,
			'Check the month (01-12) and the day of the month.'
		);
	}
	if (hour > 23 || minute > 59 || second > 59) {
		throw new SigningError(
			'datetime',
			`"${datetime}" names a time that does not exist.`,
			'Use a 24-hour clock: hours 00-23, minutes and seconds 00-59.'
		);
	}
}

export function checkParams(params: SigningParams, mode: 'header' | 'query'): void {
	const { credentials } = params;
	if (!credentials || typeof credentials.accessKeyId !== 'string' || credentials.accessKeyId.trim() === '') {
		throw new SigningError('accessKeyId', 'The access key ID is empty.', 'Enter the access key ID, e.g. AKIDEXAMPLE.');
	}
	if (/[\s/]/.test(credentials.accessKeyId)) {
		throw new SigningError(
			'accessKeyId',
			'The access key ID contains white space or "/".',
			'Paste the access key ID alone, without spaces or the credential scope.'
		);
	}
	if (typeof credentials.secretAccessKey !== 'string' || credentials.secretAccessKey === '') {
		throw new SigningError(
			'secretAccessKey',
			'The secret access key is empty.',
			'Enter the secret access key that belongs to the access key ID.'
		);
	}
	if (credentials.sessionToken !== undefined && /[\r\n]/.test(credentials.sessionToken)) {
		throw new SigningError('sessionToken', 'The session token contains a line break.', 'Paste the token on one line.');
	}
	if (!SCOPE_PART.test(params.region ?? '')) {
		throw new SigningError(
			'region',
			params.region ? `The region "${params.region}" contains characters a region never has.` : 'The region is empty.',
			'Use a region code such as us-east-1.'
		);
	}
	if (!SCOPE_PART.test(params.service ?? '')) {
		throw new SigningError(
			'service',
			params.service ? `The service "${params.service}" contains characters a signing name never has.` : 'The service is empty.',
			'Use the signing name of the service, such as s3, sns or execute-api.'
		);
	}
	checkDatetime(params.datetime ?? '');
	if (params.payloadHash !== undefined) {
		const problem = payloadHashProblem(params.payloadHash);
		if (problem)
			throw new SigningError('payloadHash', `The payload hash ${problem}.`, 'Leave it empty to hash the body, or use UNSIGNED-PAYLOAD.');
	}
	if (params.signedHeaders) {
		const bad = params.signedHeaders.findIndex((n) => !TOKEN.test(n));
		if (bad >= 0)
			throw new SigningError(
				'signedHeaders',
				`"${params.signedHeaders[bad]}" is not a header name.`,
				'List header names only, e.g. host;x-amz-date.',
				bad
			);
	}
	if (mode === 'query' && params.expiresIn !== undefined) {
		const e = params.expiresIn;
		if (!Number.isInteger(e) || e < 1 || e > MAX_EXPIRES) {
			throw new SigningError(
				'expiresIn',
				Number.isFinite(e)
					? `An expiry of ${e} seconds is outside 1 to ${MAX_EXPIRES} (7 days).`
					: 'The expiry is not a number of seconds.',
				`Use a whole number of seconds from 1 to ${MAX_EXPIRES}.`
			);
		}
	}
}
