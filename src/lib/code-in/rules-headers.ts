import { findingAt, type CodeFinding } from './code-finding.ts';
import type { Token } from './lexer.ts';
import { bare, callsNamed, pathTo, type Source } from './source.ts';
import { idsMatch, LOOPS, LOWER, SORT, TRIM } from './words.ts';

const SIGNED_HEADER = /^(host|content-type|content-md5|content-length|date|range|x-amz-[a-z0-9-]+)$/i;

/** Canonical headers and query: lowercase names, trimmed values, sorted (and not by a culture-aware comparer), the host's port. */
export function headerRules(src: Source): CodeFinding[] {
	const out: CodeFinding[] = [];
	const ts = src.tokens;
	const statementAt = (i: number) => ts.slice(src.statementOf[i]!.from, src.statementOf[i]!.to);
	for (const t of ts) {
		if (t.k !== 'str') continue;
		const line = /^(?:\\n)?([A-Za-z][A-Za-z0-9-]*):$/.exec(t.v);
		if (line && SIGNED_HEADER.test(line[1]!) && line[1] !== line[1]!.toLowerCase())
			out.push(upperName(t, `"${line[1]}:" is a canonical header line with capitals.`));
		const signed = /^([A-Za-z0-9-]+;)+[A-Za-z0-9-]+$/.exec(t.v);
		if (signed && t.v !== t.v.toLowerCase() && t.v.split(';').some((h) => SIGNED_HEADER.test(h)))
			out.push(upperName(t, `The signed headers "${t.v}" have capitals.`));
		if (/^[\w.-]*:(443|80)$/.test(t.v) && (/\./.test(t.v) || t.v.startsWith(':')))
			out.push(
				findingAt(
					t,
					'host-port-mismatch',
					'warning',
					`The host is signed with the port ${t.v.slice(t.v.lastIndexOf(':'))}. Clients send the default port's Host without it, so the signed host differs from the one received.`,
					'Sign the Host header exactly as it is sent: without :443 for https and :80 for http, with the port for any other.'
				)
			);
	}
	const sorts = ts.some((t) => t.k === 'id' && SORT.test(bare(t.t)));
	let header = false;
	let query = false;
	for (let i = 0; i < ts.length; i++) {
		const t = ts[i]!;
		if (t.k !== 'str') continue;
		const st = statementAt(i);
		const strs = st.filter((x) => x.k === 'str').map((x) => x.v);
		const loop = loopBefore(src, i);
		if (t.v === ':' && strs.some((v) => /\\n$/.test(v)) && loop && !header) {
			header = true;
			// Names lowercased (or values trimmed) anywhere else in the code are taken as done there.
			if (!idsMatch(ts, LOWER))
				out.push(
					findingAt(
						t,
						'header-name-not-lowercase',
						'warning',
						'The header name goes into the canonical headers without being lowercased.',
						'Lowercase each header name (toLowerCase(), lower(), ToLowerInvariant()) in the canonical headers and SignedHeaders.'
					)
				);
			if (!idsMatch(ts, TRIM))
				out.push(
					findingAt(
						t,
						'header-value-not-trimmed',
						'warning',
						'The header value goes into the canonical headers without trimming.',
						'Trim each value and collapse inner runs of spaces to one (value.trim().replace(/\\s+/g, " ")).'
					)
				);
			if (!sorts)
				out.push(
					notSorted(
						loop,
						'headers-not-sorted',
						'The canonical headers are written in the order the map gives them, and nothing sorts them.'
					)
				);
		}
		if ((t.v === '=' || t.v === '&') && strs.includes('=') && strs.some((v) => v === '&' || v === '\\n') && loop && !query) {
			query = true;
			if (!sorts)
				out.push(
					notSorted(loop, 'query-not-sorted', 'The query parameters are written in the order the map gives them, and nothing sorts them.')
				);
		}
	}
	out.push(...cultureSorts(src), ...handQueryOrder(src), ...rawQueryUnsorted(src), ...sortedBeforeLowercase(src));
	return out;
}

function upperName(t: Token, what: string): CodeFinding {
	return findingAt(
		t,
		'header-name-not-lowercase',
		'error',
		`${what} SigV4 writes header names in lowercase in the canonical headers and SignedHeaders.`,
		'Write the names in lowercase ("host:", "x-amz-date:", "host;x-amz-date").'
	);
}

function notSorted(loop: Token, code: 'headers-not-sorted' | 'query-not-sorted', message: string): CodeFinding {
	return findingAt(
		loop,
		code,
		'error',
		`${message} Most maps keep insertion or hash order; SigV4 wants byte order.`,
		'Sort the names by their bytes (ordinal) before writing them: sort the keys into a list, or use a sorted map with an ordinal comparer.'
	);
}

/** The loop keyword on the statement's line or up to five lines before it. */
function loopBefore(src: Source, i: number): Token | undefined {
	const line = src.tokens[i]!.line;
	for (let k = i; k >= 0 && src.tokens[k]!.line >= line - 5; k--)
		if (src.tokens[k]!.k === 'id' && LOOPS.test(src.tokens[k]!.t) && src.tokens[k]!.t !== 'join') return src.tokens[k];
	return undefined;
}

/** Sorting with a culture-aware comparer: it orders '-' and '_' and case not by their bytes. */
function cultureSorts(src: Source): CodeFinding[] {
	const out: CodeFinding[] = [];
	const ts = src.tokens;
	const ordinal = (from: number, to: number) =>
		ts.slice(from, to).some((t) => t.k === 'id' && /Ordinal|CompareOrdinal|StringComparer/.test(t.t));
	const context = (i: number) => {
		const line = ts[i]!.line;
		const near = ts.filter((t) => Math.abs(t.line - line) <= 2);
		return idsMatch(near, /query|param/i) && !idsMatch(near, /header/i) ? 'query-not-sorted' : 'headers-not-sorted';
	};
	const push = (i: number, how: string) =>
		out.push(
			findingAt(
				ts[i]!,
				context(i),
				'error',
				`${how} sorts by the culture's rules, which order "-", "_" and capitals differently from SigV4's byte order.`,
				src.language === 'csharp'
					? 'Sort with StringComparer.Ordinal (OrderBy(k => k, StringComparer.Ordinal)).'
					: 'Sort by code units (the default sort(), or a < b ? -1 : a > b ? 1 : 0), never localeCompare or a Collator.'
			)
		);
	for (const c of callsNamed(
		src,
		/^(OrderBy|OrderByDescending|ThenBy|Sort|localeCompare|strcoll|natsort|natcasesort|strxfrm|getInstance|Compare|CompareTo)$/
	)) {
		const n = ts[c.name]!.t;
		const path = pathTo(src, c.name);
		const stmt = src.statementOf[c.name]!;
		if (src.language === 'csharp') {
			if (/^(OrderBy|OrderByDescending|ThenBy)$/.test(n) && c.args.length === 1 && !ordinal(stmt.from, stmt.to)) push(c.name, n);
			else if (n === 'Sort' && (c.args.length === 0 || (path === 'Array.Sort' && c.args.length === 1)) && !ordinal(stmt.from, stmt.to))
				push(c.name, n);
			else if (/^(string|String)\.Compare$/.test(path) && c.args.length === 2) push(c.name, 'string.Compare');
		} else if (n === 'localeCompare') push(c.name, 'localeCompare');
		else if (/^(strcoll|natsort|natcasesort)$/.test(n) || /locale\.strxfrm$/.test(path)) push(c.name, n);
		else if (path === 'Collator.getInstance') push(c.name, 'Collator');
	}
	if (src.language === 'csharp')
		ts.forEach((t, i) => {
			if (t.k !== 'id' || !/^(SortedDictionary|SortedList)$/.test(t.t) || ts[i - 1]?.t !== 'new') return;
			const lt = ts[i + 1]?.t === '<' ? i + 1 : -1;
			const open = lt >= 0 ? ts.findIndex((x, k) => k > lt && x.t === '(') : -1;
			const close = open >= 0 ? src.match[open]! : -1;
			if (close < 0) return;
			if (!ordinal(open, close) && ts.slice(lt, open).some((x) => x.t === 'string' || x.t === 'String')) push(i, t.t);
		});
	return out;
}

/**
 * A query string written by hand, one `&Name=` at a time, in an order that is not sorted: the
 * canonical query must list the parameters sorted by name.
 */
export function handQueryOrder(src: Source): CodeFinding[] {
	const ts = src.tokens;
	if (ts.some((t) => t.k === 'id' && SORT.test(bare(t.t)))) return [];
	for (const [, list] of src.assignments) {
		const parts = list
			.map((a) => ts.slice(a.value.from, a.value.to).find((t) => t.k === 'str'))
			.map((t) => (t ? { t, m: /^[&?]?([A-Za-z][\w.-]*)=/.exec(t.v) } : undefined))
			.filter((p): p is { t: Token; m: RegExpExecArray } => !!p?.m);
		if (parts.length < 3) continue;
		const bad = parts.findIndex((p, n) => n > 0 && p.m[1]! < parts[n - 1]!.m[1]!);
		if (bad > 0)
			return [
				notSorted(
					parts[bad]!.t,
					'query-not-sorted',
					`The query is written by hand in the order ${parts.map((p) => p.m[1]).join(', ')}: "${parts[bad]!.m[1]}" comes after "${parts[bad - 1]!.m[1]}".`
				)
			];
	}
	return [];
}

const RAW_QUERY = /^(getQuery|getRawQuery|RawQuery|query|search|Query)$/;

/**
 * The canonical query taken as the URL's own query string (getQuery(), .query, RawQuery, .search)
 * while nothing in the code sorts: it keeps the order the URL was written in.
 */
export function rawQueryUnsorted(src: Source): CodeFinding[] {
	const ts = src.tokens;
	// Go's sort.Strings sorts; Guava's Strings.isNullOrEmpty does not.
	if (ts.some((t, n) => t.k === 'id' && SORT.test(bare(t.t)) && (t.t !== 'Strings' || ts[n - 2]?.t === 'sort'))) return [];
	for (const [name, list] of src.assignments) {
		if (!/canonical_?query/i.test(bare(name))) continue;
		for (const a of list) {
			const k = ts.findIndex((t, n) => n >= a.value.from && n < a.value.to && t.k === 'id' && RAW_QUERY.test(t.t) && ts[n - 1]?.t === '.');
			if (k >= 0)
				return [
					notSorted(
						ts[k]!,
						'query-not-sorted',
						`The canonical query is the URL's own query (${ts[k]!.t}), in the order the URL has it, and nothing sorts it.`
					)
				];
		}
	}
	return [];
}

/**
 * Names sorted as they came and lowercased only when each header line is written
 * (keys.sort(); … keys[i].toLowerCase() + ':'): capitals sort before small letters, so
 * "Content-Type" lands before "accept" and the lines are out of order once lowercased.
 */
export function sortedBeforeLowercase(src: Source): CodeFinding[] {
	const ts = src.tokens;
	for (let i = 2; i < ts.length; i++) {
		if (ts[i]!.t !== 'sort' || ts[i - 1]!.t !== '.' || ts[i - 2]!.k !== 'id') continue;
		const list = ts[i - 2]!.t;
		const lowered = (from: number, to: number) => idsMatch(ts.slice(from, to), LOWER);
		// Lowercased on the way in (keys.push(name.toLowerCase())): sorted after lowercasing.
		const filledLower = ts.some(
			(t, n) =>
				t.t === list && ts[n + 1]?.t === '.' && /^(push|add|append)$/.test(ts[n + 2]?.t ?? '') && lowered(n + 3, src.match[n + 3] ?? n + 3)
		);
		if (filledLower) continue;
		for (let n = i + 1; n < ts.length - 4; n++) {
			if (ts[n]!.t !== list || ts[n + 1]!.t !== '[') continue;
			const close = src.match[n + 1]!;
			if (ts[close + 1]?.t !== '.' || !LOWER.test(ts[close + 2]?.t ?? '')) continue;
			const st = src.statementOf[n]!;
			if (!ts.slice(st.from, st.to).some((t) => t.k === 'str' && t.v === ':')) continue;
			return [
				notSorted(
					ts[i]!,
					'headers-not-sorted',
					`The header names are sorted before they are lowercased (${list}.sort(), then ${list}[…].${ts[close + 2]!.t}()): capitals sort before small letters, so the lowercased lines are out of order.`
				)
			];
		}
	}
	return [];
}
