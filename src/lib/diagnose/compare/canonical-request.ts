import { diffLines } from 'diff';
import { classifyPayloadHash } from './payload-hash.ts';
import { compareHeaders } from './headers.ts';
import { comparePath } from './path.ts';
import { checkQueryInPath } from '../query-in-path.ts';
import { compareQuery } from './query.ts';
import type { DiagnoseContext } from '../context.ts';
import { describeDifference } from '../describe-difference.ts';
import type { FindingList } from '../finding-list.ts';
import type { ParsedCanonicalRequest } from '../../parse/index.ts';
import { quote } from '../../findings/index.ts';
import type { Stage } from '../types.ts';

/** CRLF line ends and a line break after the last line: the same text-shape mistakes in any stage. */
export function checkLineEnds(text: string, stage: Stage, list: FindingList): void {
	const lines = text.split('\n');
	const cr = lines.findIndex((l) => l.endsWith('\r'));
	if (cr >= 0) {
		list.add('crlf-line-endings', {
			stage,
			line: cr + 1,
			message: `Line ${cr + 1} ends in CR LF (\\r\\n); ${stage === 'canonical-request' ? 'the canonical request' : 'the string to sign'} joins lines with LF (\\n) alone, so the hash differs.`,
			fix: 'Join the lines with "\\n" only (Windows text, a .NET StringBuilder.AppendLine or a text area adds "\\r\\n").'
		});
	}
	if (lines.length > 1 && lines[lines.length - 1] === '') {
		list.add('trailing-newline', {
			stage,
			line: lines.length,
			message: `The ${stage === 'canonical-request' ? 'canonical request' : 'string to sign'} ends with a line break after its last line; there is none.`,
			fix: 'Join the lines with "\\n" between them, not after the last one.'
		});
	}
}

/** The first line that differs, by a line diff (jsdiff), in the user's numbering. */
function firstDifferentLine(user: string, correct: string): number {
	let line = 1;
	for (const change of diffLines(correct, user)) {
		if (change.added || change.removed) return line;
		line += change.count ?? 0;
	}
	return line;
}

/**
 * Compares the user's canonical request with the correct one, part by part, and names each
 * mistake on the user's line. A difference no rule explains is still reported, with the diff.
 */
export function compareCanonicalRequest(user: ParsedCanonicalRequest, ctx: DiagnoseContext, list: FindingList): void {
	const correct = ctx.correct;
	const stage = 'canonical-request';
	checkLineEnds(user.text, stage, list);
	const normalized = user.lines.join('\n').replace(/\n$/, '');
	if (normalized === correct.text) return;
	const errorsBefore = list.errors;

	const method = user.method?.text ?? '';
	const wantMethod = correct.method?.text ?? '';
	if (method !== wantMethod) {
		if (method.toUpperCase() === wantMethod) {
			list.add('method-not-uppercase', {
				line: 1,
				message: `Line 1 ${quote(method)} is not uppercase.`,
				fix: `Write the method in uppercase: ${wantMethod}.`
			});
		} else {
			list.add('canonical-request-differs', {
				line: 1,
				message: `Line 1, the method, is ${quote(method)}; the request is sent as ${wantMethod}.`,
				fix: `Sign the method you send: ${wantMethod}.`
			});
		}
	}

	// The query signed inside the path: named once, and its empty query line is part of that mistake.
	const queryInPath = user.path !== undefined && checkQueryInPath(user.path.text, 2, ctx, list);
	if (user.path && !queryInPath) comparePath(user.path.text, 2, ctx, list);

	if (user.queryLineMissing) {
		const correctQuery = correct.query?.text ?? '';
		list.add('query-line-missing', {
			line: 3,
			message: `Line 3 ${quote(user.lines[2] ?? '', 60)} is already a header: the query line is missing${
				correctQuery === '' ? '; with no query it is an empty line' : `; it should be ${quote(correctQuery)}`
			}.`,
			fix: 'Keep the third line for the canonical query string, and leave it empty when there is no query.'
		});
	} else if (user.query && !(queryInPath && user.query.text === '')) {
		compareQuery(user.query.text, user.query.line, ctx, list);
	}

	compareHeaders(user, ctx, list);

	if (user.blankLine === undefined && user.signedHeaders) {
		const last = user.headers[user.headers.length - 1];
		list.add('missing-blank-line', {
			line: user.signedHeaders.line,
			message: `No blank line between the last header${last ? ` (line ${last.line})` : ''} and ${quote(user.signedHeaders.text, 60)} on line ${
				user.signedHeaders.line
			}: the canonical headers end with an empty line.`,
			fix: 'End each canonical header with "\\n", so an empty line follows the header block, then the signed headers.'
		});
	}
	for (const line of user.extraBlankLines) {
		list.add('canonical-request-differs', {
			line,
			message: `Line ${line} is a second blank line after the headers; there is exactly one.`,
			fix: 'Leave one empty line between the canonical headers and the signed headers.'
		});
	}

	const payload = user.payloadHash;
	const wantPayload = correct.payloadHash?.text ?? '';
	if (payload && payload.text !== wantPayload) {
		const fault = classifyPayloadHash(payload.text, wantPayload, ctx, `Line ${payload.line}, the payload hash,`);
		if (fault) list.add(fault.code, { stage, line: payload.line, message: fault.message, fix: fault.fix });
	} else if (!payload) {
		list.add('canonical-request-differs', {
			line: user.lines.length,
			message: `Your canonical request ends before the payload hash; it has ${user.lines.length} lines.`,
			fix: 'End the canonical request with the signed headers line and then the payload hash line.'
		});
	}
	const extra = user.extra.filter((l, i) => !(l.text === '' && i === user.extra.length - 1));
	if (extra.length > 0) {
		list.add('canonical-request-differs', {
			line: extra[0]!.line,
			message: `Line ${extra[0]!.line} ${quote(extra[0]!.text, 60)} comes after the payload hash; the canonical request ends there.`,
			fix: 'End the canonical request with the payload hash line.'
		});
	}

	if (list.errors === errorsBefore) {
		const line = firstDifferentLine(normalized, correct.text);
		list.add('canonical-request-differs', {
			line,
			message: `Line ${line} differs from the correct canonical request: ${describeDifference(user.lines[line - 1] ?? '', correct.lines[line - 1] ?? '')}.`,
			fix: 'Compare the line with the correct one in the diff.'
		});
	}
}
