/** One line of a canonical request, 1-based. */
export interface CrLine {
	line: number;
	text: string;
}

export interface CrHeader extends CrLine {
	/** As written (case kept). */
	name: string;
	lower: string;
	value: string;
	/** Lines after it that start with white space: a folded value left unfolded. */
	continuation: CrLine[];
}

/**
 * A canonical request split into its parts, tolerant of the usual mistakes: CRLF line ends, the
 * empty query line left out, no blank line after the headers, extra lines at the end.
 */
export interface ParsedCanonicalRequest {
	text: string;
	/** Split on LF, a trailing CR removed from each. */
	lines: string[];
	/** Lines that ended in CR. */
	crlfLines: number[];
	method?: CrLine;
	path?: CrLine;
	query?: CrLine;
	/** Line 3 is already a header: the (empty) query line is missing. */
	queryLineMissing: boolean;
	headers: CrHeader[];
	/** The blank line after the headers; undefined when it is missing. */
	blankLine?: number;
	/** Blank lines after the first one. */
	extraBlankLines: number[];
	signedHeaders?: CrLine;
	payloadHash?: CrLine;
	/** Lines after the payload hash ("" for a trailing line break). */
	extra: CrLine[];
}

const HEADER_LINE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+:/;

export function parseCanonicalRequest(text: string): ParsedCanonicalRequest {
	const crlfLines: number[] = [];
	const lines = text.split('\n').map((l, i) => {
		if (!l.endsWith('\r')) return l;
		crlfLines.push(i + 1);
		return l.slice(0, -1);
	});
	const at = (i: number): CrLine | undefined => (i < lines.length ? { line: i + 1, text: lines[i]! } : undefined);
	const parsed: ParsedCanonicalRequest = { text, lines, crlfLines, queryLineMissing: false, headers: [], extraBlankLines: [], extra: [] };
	const method = at(0);
	const path = at(1);
	if (method) parsed.method = method;
	if (path) parsed.path = path;

	let i = 2;
	const third = lines[2];
	// A query line never holds "name:" before any "=": when line 3 looks like a header, the empty query line was left out.
	if (third !== undefined && HEADER_LINE.test(third)) parsed.queryLineMissing = true;
	else if (third !== undefined) {
		parsed.query = { line: 3, text: third };
		i = 3;
	}

	for (; i < lines.length; i++) {
		const line = lines[i]!;
		if (line === '') break;
		const last = parsed.headers[parsed.headers.length - 1];
		if (/^[ \t]/.test(line) && last) {
			last.continuation.push({ line: i + 1, text: line });
			continue;
		}
		const colon = line.indexOf(':');
		if (colon <= 0) break;
		const name = line.slice(0, colon);
		parsed.headers.push({ line: i + 1, text: line, name, lower: name.toLowerCase(), value: line.slice(colon + 1), continuation: [] });
	}
	if (i < lines.length && lines[i] === '') {
		parsed.blankLine = i + 1;
		i++;
		// More blank lines before the signed headers are a mistake of their own; a trailing line break is not one of them.
		while (i < lines.length - 1 && lines[i] === '') parsed.extraBlankLines.push(++i);
	}
	const signedHeaders = at(i);
	const payloadHash = at(i + 1);
	if (signedHeaders) parsed.signedHeaders = signedHeaders;
	if (payloadHash) parsed.payloadHash = payloadHash;
	for (let j = i + 2; j < lines.length; j++) parsed.extra.push({ line: j + 1, text: lines[j]! });
	return parsed;
}

/** Parsed header names, lowercased, first occurrences in order. */
export function headerNames(cr: ParsedCanonicalRequest): string[] {
	return [...new Set(cr.headers.map((h) => h.lower))];
}
