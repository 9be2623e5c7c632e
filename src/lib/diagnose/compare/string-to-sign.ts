import { ALGORITHM, sha256Hex } from '../../sigv4/index.ts';
import { digestForm } from '../base64-hex.ts';
import type { FindingCode } from '../../findings/index.ts';
import { checkLineEnds } from './canonical-request.ts';
import { compareScope } from './scope.ts';
import { classifyTimestamp } from '../classify-timestamp.ts';
import type { DiagnoseContext } from '../context.ts';
import { describeDifference } from '../describe-difference.ts';
import type { FindingList } from '../finding-list.ts';
import { quote } from '../../findings/index.ts';

interface Variant {
	text: string;
	/** The mistake this variant of the canonical request stands for; none: it is explained elsewhere. */
	code?: FindingCode;
	message?: string;
	fix?: string;
}

/**
 * Canonical requests the user may have hashed: the correct one (or theirs) with one text-shape
 * mistake. Hashing is cheap, so a hash line that matches one names the mistake exactly.
 */
function hashedVariants(ctx: DiagnoseContext, timestamp: string | undefined): Variant[] {
	const out: Variant[] = [];
	const bases = ctx.user ? [ctx.user.lines.join('\n'), ctx.correct.text] : [ctx.correct.text];
	for (const base of bases) {
		const lines = base.split('\n');
		out.push({
			text: base.replace(/\n/g, '\r\n'),
			code: 'crlf-line-endings',
			message: 'is the hash of the canonical request with CR LF line ends',
			fix: 'Join the canonical request with "\\n" only.'
		});
		out.push({
			text: base + '\n',
			code: 'trailing-newline',
			message: 'is the hash of the canonical request with a line break after its last line',
			fix: 'Join the lines with "\\n" between them, not after the last one.'
		});
		const blank = lines.indexOf('', 3);
		if (blank > 0) {
			out.push({
				text: [...lines.slice(0, blank), ...lines.slice(blank + 1)].join('\n'),
				code: 'missing-blank-line',
				message: 'is the hash of the canonical request without the blank line after the headers',
				fix: 'End each canonical header with "\\n", so an empty line follows the header block.'
			});
		}
		if (lines[2] === '') {
			out.push({
				text: [...lines.slice(0, 2), ...lines.slice(3)].join('\n'),
				code: 'query-line-missing',
				message: 'is the hash of the canonical request without its empty query line',
				fix: 'Keep the third line for the query string, empty when there is none.'
			});
		}
		out.push({
			text: [lines[0]!.toLowerCase(), ...lines.slice(1)].join('\n'),
			code: 'method-not-uppercase',
			message: 'is the hash of the canonical request with the method in lowercase',
			fix: 'Write the method in uppercase.'
		});
		if (timestamp && timestamp !== ctx.params.datetime) {
			// The user's own (wrong) timestamp inside the canonical request too: already named on line 2.
			out.push({ text: base.split(ctx.params.datetime).join(timestamp) });
		}
	}
	return out;
}

/**
 * Compares a string to sign with the correct one, line by line: algorithm, timestamp, scope, hash.
 * `source` 'server': the string AWS computed, which shows the user's scope and time (from their
 * Authorization header) but a hash of what the server received: its hash line is not judged here.
 */
export async function compareStringToSign(text: string, ctx: DiagnoseContext, list: FindingList, source: 'user' | 'server'): Promise<void> {
	const stage = 'string-to-sign';
	const correct = ctx.trace.stringToSign;
	const whose = source === 'user' ? 'your string to sign' : "the server's string to sign";
	const confirmed = source === 'server' ? { basis: 'server' as const } : {};
	if (source === 'user') checkLineEnds(text, stage, list);
	const lines = text
		.split('\n')
		.map((l) => l.replace(/\r$/, ''))
		.filter((l, i, all) => !(l === '' && i === all.length - 1 && i > 0));
	if (lines.join('\n') === correct) return;
	const errorsBefore = list.errors;
	const [algorithm = '', timestamp = '', scope = '', hash = ''] = lines;

	if (lines.length > 4 && /^[A-Za-z]+$/.test(hash)) {
		const rest = lines.slice(3).join('\n');
		list.add('raw-canonical-request-in-sts', {
			line: 4,
			...confirmed,
			message: `Lines 4 to ${lines.length} of ${whose} are ${
				rest === ctx.correct.text || rest === ctx.user?.lines.join('\n') ? 'the canonical request itself' : 'a canonical request'
			}, not its hash.`,
			fix: 'Put the lowercase hex SHA-256 of the canonical request on line 4, not the canonical request.'
		});
	} else if (lines.length !== 4) {
		list.add('string-to-sign-differs', {
			line: Math.min(lines.length, 5),
			...confirmed,
			message: `${whose[0]!.toUpperCase()}${whose.slice(1)} has ${lines.length} lines; it has exactly 4: algorithm, timestamp, scope, hash.`,
			fix: `Write the four lines joined with "\\n": ${quote(correct, 200)}.`
		});
	}

	if (algorithm !== ALGORITHM) {
		list.add('algorithm-line-wrong', {
			line: 1,
			...confirmed,
			message: `Line 1 of ${whose} is ${quote(algorithm)}, not ${ALGORITHM} (${describeDifference(algorithm, ALGORITHM)}).`,
			fix: `Start the string to sign with the line ${ALGORITHM}.`
		});
	}
	const fault = classifyTimestamp(timestamp, ctx.params.datetime);
	if (fault) {
		list.add(
			fault.code,
			{ line: 2, ...confirmed, message: `Line 2 of ${whose}: ${fault.message}`, fix: fault.fix },
			fault.code === 'timestamp-mismatch' ? undefined : fault.code
		);
	}
	compareScope(scope, ctx, list, {
		stage,
		line: 3,
		where: `Line 3 of ${whose}`,
		malformedCode: 'string-to-sign-differs',
		...(source === 'server' ? { serverSays: true } : {}),
		...(/^\d{8}T/.test(timestamp) ? { timestampDate: timestamp.slice(0, 8) } : {})
	});

	// Without the request (a default stands in) and without a canonical request, the correct hash is unknown: line 4 is not judged.
	const hashKnown = ctx.evidence.requestGiven !== false || ctx.user !== undefined || ctx.evidence.server?.canonicalRequest !== undefined;
	if (source === 'user' && lines.length === 4 && hash !== ctx.trace.canonicalRequestHash) {
		await compareHashLine(hash, timestamp, ctx, list, hashKnown);
	}

	const differing = lines.findIndex((l, i) => l !== correct.split('\n')[i] && (hashKnown || i !== 3)) + 1;
	if (list.errors === errorsBefore && source === 'user' && (hashKnown || differing > 0)) {
		const line = differing || lines.length;
		list.add('string-to-sign-differs', {
			line,
			message: `Line ${line} of ${whose} differs from the correct one: ${describeDifference(lines[line - 1] ?? '', correct.split('\n')[line - 1] ?? '')}.`,
			fix: 'Compare the line with the correct one in the diff.'
		});
	}
}

async function compareHashLine(hash: string, timestamp: string, ctx: DiagnoseContext, list: FindingList, hashKnown = true): Promise<void> {
	if (!hashKnown) {
		hashShape(hash, list);
		return;
	}
	const correctHash = ctx.trace.canonicalRequestHash;
	const userText = ctx.user?.text;
	const userHash = userText !== undefined ? await sha256Hex(userText) : undefined;
	if (hash === userHash) return; // their own canonical request's hash: its differences are named there
	for (const [digest, whose] of [
		[correctHash, 'the correct canonical request'],
		[userHash, 'your canonical request']
	] as const) {
		if (!digest) continue;
		const form = digestForm(hash, digest);
		if (form === 'upper' || form === 'base64') {
			list.add(form === 'upper' ? 'hex-uppercase' : 'hash-base64-not-hex', {
				line: 4,
				basis: 'reproduced',
				reproduces: 'hash',
				message: `Line 4 ${quote(hash)} is the SHA-256 of ${whose} in ${form === 'upper' ? 'uppercase hex' : 'base64'}.`,
				fix: `Write the hash in lowercase hex: ${digest}.`
			});
			return;
		}
	}
	for (const variant of hashedVariants(ctx, timestamp)) {
		if ((await sha256Hex(variant.text)) !== hash) continue;
		if (variant.code) {
			list.add(variant.code, {
				stage: 'canonical-request',
				basis: 'reproduced',
				reproduces: 'hash',
				message: `Line 4 of your string to sign ${variant.message}.`,
				fix: variant.fix!
			});
		}
		return;
	}
	if (!hashShape(hash, list)) {
		list.add('string-to-sign-differs', {
			line: 4,
			message: userHash
				? `Line 4 is not the hash of your canonical request (${userHash}) nor of the correct one (${correctHash}): the canonical request you hashed is neither.`
				: `Line 4 is not the hash of the correct canonical request (${correctHash}): your canonical request differs. Paste it to see where.`,
			fix: 'Hash exactly the canonical request you show, with SHA-256, in lowercase hex.'
		});
	}
}

/** A line 4 whose shape alone is wrong (base64, uppercase hex, not 64 hex digits): named, and true. */
function hashShape(hash: string, list: FindingList): boolean {
	if (/^[A-Za-z0-9+/]{43}=$/.test(hash)) {
		list.add('hash-base64-not-hex', {
			line: 4,
			message: `Line 4 ${quote(hash)} is base64; the string to sign carries the hash in lowercase hex.`,
			fix: 'Hex-encode the SHA-256 of the canonical request (64 lowercase hex digits).'
		});
	} else if (/^[0-9A-F]{64}$/.test(hash) && /[A-F]/.test(hash)) {
		list.add('hex-uppercase', {
			line: 4,
			message: `Line 4 ${quote(hash)} is uppercase hex.`,
			fix: 'Write the hash in lowercase hex.'
		});
	} else if (!/^[0-9a-f]{64}$/.test(hash)) {
		list.add('string-to-sign-differs', {
			line: 4,
			message: `Line 4 ${quote(hash)} is not a hex SHA-256 (64 lowercase hex digits).`,
			fix: 'Put the lowercase hex SHA-256 of the canonical request on line 4 (not the raw digest bytes).'
		});
	} else return false;
	return true;
}
