import { canonicalHeaderValue, SESSION_TOKEN_HEADER } from '../../sigv4/index.ts';
import { classifyPayloadHash } from './payload-hash.ts';
import { classifyTimestamp } from '../classify-timestamp.ts';
import type { DiagnoseContext } from '../context.ts';
import { describeDifference } from '../describe-difference.ts';
import type { FindingList } from '../finding-list.ts';
import type { CrHeader, ParsedCanonicalRequest } from '../../parse/index.ts';
import { quote } from '../../findings/index.ts';
import { sessionTokenNotSigned } from '../session-token-not-signed.ts';
import { compareHost } from './host.ts';

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** The lines, in words; a long list names its first few and its count, so a message stays readable. */
function lineList(lines: number[]): string {
	if (lines.length === 1) return `line ${lines[0]}`;
	if (lines.length > 6) return `lines ${lines.slice(0, 5).join(', ')}, … and ${lines[lines.length - 1]} (${lines.length} lines)`;
	return `lines ${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]}`;
}

/**
 * Where a missing header would go in the user's header block: the line of their first header that
 * sorts after it. The running maximum of their names rises exactly at such headers, so a binary
 * search over it finds the line without a scan per missing header.
 */
function slotFinder(user: ParsedCanonicalRequest): (lower: string) => number | undefined {
	const rising: CrHeader[] = [];
	for (const h of user.headers) if (rising.length === 0 || compare(h.lower, rising[rising.length - 1]!.lower) > 0) rising.push(h);
	return (lower) => {
		let lo = 0;
		let hi = rising.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (compare(rising[mid]!.lower, lower) > 0) hi = mid;
			else lo = mid + 1;
		}
		return rising[lo]?.line ?? user.blankLine ?? user.signedHeaders?.line;
	};
}

/** The user's value of a header, joined as they did (their repeated lines joined with ","). */
function userValue(lines: CrHeader[]): string {
	return lines.map((h) => [h.value, ...h.continuation.map((c) => c.text)].join('\n')).join(',');
}

/** Compares the canonical header lines and the SignedHeaders line of the user's canonical request. */
export function compareHeaders(user: ParsedCanonicalRequest, ctx: DiagnoseContext, list: FindingList): void {
	const correct = ctx.correct;
	const sentNames = new Set(ctx.sent.map((h) => h.lower));
	const sentCounts = new Map<string, number>();
	for (const h of ctx.sent) sentCounts.set(h.lower, (sentCounts.get(h.lower) ?? 0) + 1);
	const sentCount = (lower: string) => sentCounts.get(lower) ?? 0;
	const folded = new Set(ctx.sent.filter((h) => h.value.includes('\n')).map((h) => h.lower));
	const slotFor = slotFinder(user);

	const upper = user.headers.filter((h) => h.name !== h.lower);
	if (upper.length > 0) {
		list.add('header-name-not-lowercase', {
			line: upper[0]!.line,
			message: `${lineList(upper.map((h) => h.line)).replace(/^l/, 'L')}: ${upper
				.slice(0, 3)
				.map((h) => quote(h.text, 60))
				.join(', ')} ${upper.length === 1 ? 'has an uppercase name' : 'have uppercase names'}.`,
			fix: 'Lowercase every header name in the canonical headers and in SignedHeaders, then sort by the lowercase name.'
		});
	}

	for (const h of user.headers) {
		for (const c of h.continuation) {
			list.add('header-values-joined-wrong', {
				line: c.line,
				message: `Line ${c.line} ${quote(c.text)} continues the folded value of ${h.lower} on a line of its own.`,
				fix: 'Unfold a folded value: join its lines with single spaces on one canonical header line.'
			});
		}
	}

	const byName = new Map<string, CrHeader[]>();
	for (const h of user.headers) {
		const same = byName.get(h.lower);
		if (same) same.push(h);
		else byName.set(h.lower, [h]);
	}
	const correctByName = new Map(correct.headers.map((c) => [c.lower, c]));
	for (const [lower, lines] of byName) {
		if (lines.length < 2) continue;
		list.add('header-values-joined-wrong', {
			line: lines[1]!.line,
			message: `${lower} appears on ${lineList(lines.map((h) => h.line))}; a repeated header is one canonical line.`,
			fix: `Write one line "${lower}:" with the values joined by "," in the order they are sent.`
		});
	}

	const order = [...byName.keys()];
	const out = order.findIndex((n, i) => i > 0 && compare(order[i - 1]!, n) > 0);
	let unsortedReported = false;
	if (out > 0) {
		const h = byName.get(order[out]!)![0]!;
		unsortedReported = true;
		list.add('headers-not-sorted', {
			line: h.line,
			message: `Line ${h.line} ${quote(h.text, 60)} comes after ${order[out - 1]}: the canonical headers are not sorted by lowercase name.`,
			fix: `Sort the header lines by lowercase name (byte order): ${correct.headers.map((c) => c.lower).join(', ')}.`
		});
	}

	for (const c of correct.headers) {
		if (byName.has(c.lower)) continue;
		const line = slotFor(c.lower);
		const at = line !== undefined ? { line } : {};
		if (c.lower === 'host') {
			list.add('host-not-signed', {
				...at,
				message: `Your canonical request has no host line; the host header is always signed (${quote(c.text)}).`,
				fix: 'Add "host:<host as sent>" to the canonical headers and "host" to SignedHeaders (HTTP/2 :authority counts as host).'
			});
		} else if (c.lower === 'x-amz-content-sha256') {
			list.add(
				'payload-hash-missing',
				{
					stage: 'canonical-request',
					...at,
					message: `Your canonical request does not sign x-amz-content-sha256 (${quote(c.text)}); ${ctx.params.service} requires it signed.`,
					fix: 'Send x-amz-content-sha256 (the hex SHA-256 of the body, or UNSIGNED-PAYLOAD) and list it in the canonical headers and SignedHeaders.'
				},
				'payload-hash-missing'
			);
		} else if (c.lower === SESSION_TOKEN_HEADER) {
			sessionTokenNotSigned(ctx, list, {
				stage: 'canonical-request',
				...at,
				where: 'Your canonical request has no x-amz-security-token line'
			});
		} else if (c.lower.startsWith('x-amz-')) {
			list.add(
				'x-amz-header-not-signed',
				{
					stage: 'canonical-request',
					...at,
					message: `Your canonical request does not sign ${c.lower}, which the request sends (${quote(c.text, 60)}); every x-amz-* header must be signed.`,
					fix: `Add ${c.lower} to the canonical headers and to SignedHeaders${ctx.mode === 'query' ? ' (X-Amz-SignedHeaders)' : ''}.`
				},
				`not-signed:${c.lower}`
			);
		} else {
			list.add('canonical-request-differs', {
				...at,
				message: `Your canonical request lacks the header line ${quote(c.text, 60)}, which the correct one signs.`,
				fix: `Sign ${c.lower}, or take it out of the headers to sign.`
			});
		}
	}

	for (const [lower, lines] of byName) {
		const c = correctByName.get(lower);
		const first = lines[0]!;
		if (!c) {
			if (!sentNames.has(lower)) {
				list.add(
					'signed-header-absent',
					{
						stage: 'canonical-request',
						line: first.line,
						message: `Line ${first.line} signs ${lower}, but the request does not send a ${lower} header.`,
						fix: `Sign only headers the request sends: send ${lower}, or remove it from the canonical headers and SignedHeaders.`
					},
					`absent:${lower}`
				);
			} else {
				list.add('canonical-request-differs', {
					line: first.line,
					message: `Line ${first.line} signs ${lower}, which the correct canonical request does not sign.`,
					fix: `Leave ${lower} out of the headers to sign, or sign it in both.`
				});
			}
			continue;
		}
		const mine = userValue(lines);
		if (mine === c.value) continue;
		const line = first.line;
		const before = list.size;
		if (lower === 'host') {
			compareHost(mine, c.value, line, 'canonical-request', list, `Line ${line} signs host ${quote(mine)}`);
		} else if (lower === 'x-amz-date') {
			const fault = classifyTimestamp(mine.trim(), c.value);
			if (fault)
				list.add(fault.code, { stage: 'canonical-request', line, message: `Line ${line}: x-amz-date ${fault.message}`, fix: fault.fix });
		} else if (lower === 'x-amz-content-sha256') {
			const fault = classifyPayloadHash(mine.trim(), c.value, ctx, `Line ${line}: x-amz-content-sha256 is`);
			if (fault) list.add(fault.code, { stage: 'canonical-request', line, message: fault.message, fix: fault.fix });
		}
		if (list.size > before) continue;
		const loose = (v: string) => v.replace(/[\s,]+/g, ' ').trim();
		const sortedParts = (v: string) =>
			v
				.split(',')
				.map((p) => canonicalHeaderValue(p))
				.sort()
				.join(',');
		if (lines.length === 1 && canonicalHeaderValue(mine) === c.value) {
			list.add('header-value-not-trimmed', {
				line,
				message: `Line ${line} ${quote(first.text, 80)} keeps white space the canonical value drops: it should be ${quote(c.text, 80)}.`,
				fix: 'Trim the value and collapse each run of spaces and tabs inside it to one space (also inside quotes).'
			});
		} else if (
			(sentCount(lower) > 1 || folded.has(lower)) &&
			(loose(mine) === loose(c.value) || sortedParts(mine) === sortedParts(c.value))
		) {
			list.add('header-values-joined-wrong', {
				line,
				message: `Line ${line} joins the ${sentCount(lower)} ${lower} value(s) as ${quote(mine, 80)}; the server joins them as ${quote(c.value, 80)}.`,
				fix: 'Join repeated headers with "," in the order sent (no sorting, no spaces added); unfold folded lines with single spaces.'
			});
		} else if (lines.length > 1 && canonicalHeaderValue(mine) === c.value) {
			// Already reported: the same name on two lines.
		} else {
			list.add(
				'header-added-after-signing',
				{
					stage: 'canonical-request',
					line,
					message: `Line ${line} signs ${lower} as ${quote(mine, 80)}, but the request sends ${quote(c.value, 80)}: it was changed after signing, or signed from another value.`,
					fix: `Sign the value you send: set ${lower} before signing and let nothing (HTTP client, browser, proxy) change it afterwards.`
				},
				`changed:${lower}`
			);
		}
	}

	compareSignedHeadersLine(user, ctx, list, unsortedReported || upper.length > 0);
}

function compareSignedHeadersLine(
	user: ParsedCanonicalRequest,
	ctx: DiagnoseContext,
	list: FindingList,
	headerFaultReported: boolean
): void {
	const line = user.signedHeaders;
	const correct = ctx.correct.signedHeaders?.text ?? '';
	if (!line || line.text === correct) return;
	const text = line.text;
	const where = `Line ${line.line} ${quote(text, 100)}`;
	const before = list.size;
	if (/[,\s]/.test(text)) {
		list.add('signed-headers-mismatch', {
			line: line.line,
			message: `${where} separates names with "," or spaces; SignedHeaders uses ";" only.`,
			fix: `Join the lowercase names with ";": ${correct}.`
		});
	}
	const names = text.split(/[;,\s]+/).filter((n) => n !== '');
	const lowered = names.map((n) => n.toLowerCase());
	if (names.some((n, i) => n !== lowered[i]) && !headerFaultReported) {
		list.add('header-name-not-lowercase', {
			line: line.line,
			message: `${where} has uppercase names.`,
			fix: `Lowercase the names: ${correct}.`
		});
	}
	const own = new Set(user.headers.map((h) => h.lower));
	const listed = new Set(lowered);
	const missing = [...own].filter((n) => !listed.has(n));
	const extra = lowered.filter((n) => !own.has(n));
	if (missing.length > 0 || extra.length > 0) {
		list.add('signed-headers-mismatch', {
			line: line.line,
			message: `${where} does not list the canonical header names above it${missing.length ? `: ${missing.join(', ')} missing` : ''}${
				extra.length ? `${missing.length ? ';' : ':'} ${extra.join(', ')} not among the header lines` : ''
			}.`,
			fix: 'Make SignedHeaders exactly the names of the canonical header lines, lowercase, sorted, joined with ";".'
		});
	} else if (lowered.some((n, i) => i > 0 && compare(lowered[i - 1]!, n) > 0) && !headerFaultReported) {
		list.add('headers-not-sorted', {
			line: line.line,
			message: `${where} is not sorted.`,
			fix: `Sort the names: ${correct}.`
		});
	}
	// A well-formed list of the user's own header lines: differences of the set were reported on those lines.
	if (list.size > before || text.toLowerCase() === lowered.join(';')) return;
	list.add('canonical-request-differs', {
		line: line.line,
		message: `${where} differs from the correct ${quote(correct)}: ${describeDifference(text, correct)}.`,
		fix: `Write SignedHeaders as ${correct}.`
	});
}
