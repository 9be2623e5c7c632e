import { findingAt, type CodeFinding } from './code-finding.ts';
import type { Token } from './lexer.ts';
import { callsNamed, pathTo, type Source } from './source.ts';

const TWELVE =
	'The hour is formatted on a 12-hour clock, so from 13:00 the timestamp says 01 and the signature differs from the one the server computes.';
const FIX_TWELVE =
	'Use the 24-hour hour ("HH" in Java, C#, Apex and JS libraries; %H in strftime; "H" in PHP date(); "15" in Go) and format in UTC: yyyyMMdd\'T\'HHmmss\'Z\'.';

/** 12-hour clocks and other wrong fields in date patterns, per pattern language. */
export function dateRules(src: Source): CodeFinding[] {
	const out: CodeFinding[] = [];
	for (const t of src.tokens) {
		if (t.k !== 'str') continue;
		const found =
			strftime(t) ??
			(src.language === 'php' ? phpDate(t) : undefined) ??
			(src.language === 'go' ? goLayout(t) : undefined) ??
			javaPattern(t, src.language === 'java' || src.language === 'apex');
		if (found) out.push(found);
	}
	return [...out, ...phpLocalTimeAsUtc(src)];
}

/**
 * PHP's date() formats the server's local time; a literal Z after it claims UTC. Off UTC the
 * request time is hours away from the server's, and AWS answers "not yet current" or expired.
 */
function phpLocalTimeAsUtc(src: Source): CodeFinding[] {
	const ts = src.tokens;
	if (src.language !== 'php' || ts.some((t) => t.k === 'id' && t.t === 'date_default_timezone_set')) return [];
	const out: CodeFinding[] = [];
	for (const c of callsNamed(src, /^date$/)) {
		const first = c.args[0] ? ts[c.args[0].from] : undefined;
		if (pathTo(src, c.name) !== 'date' || first?.k !== 'str' || !/[HG]/.test(first.v) || !/Z$/.test(first.v)) continue;
		out.push(
			findingAt(
				first,
				'clock-skew',
				'warning',
				`date('${first.v}') formats the server's local time and then writes Z (UTC) after it: in any other time zone the request time is hours off.`,
				"Use gmdate() (gmdate('Ymd\\THis\\Z')), which formats in UTC whatever the server's time zone."
			)
		);
	}
	return out;
}

function strftime(t: Token): CodeFinding | undefined {
	if ((t.v.match(/%[A-Za-z]/g) ?? []).length < 2 || !/%[YmdHMSIl]/.test(t.v)) return undefined;
	if (/%[Il]/.test(t.v)) return findingAt(t, 'timestamp-12-hour-clock', 'error', `${TWELVE} (%I in "${t.v}")`, FIX_TWELVE);
	return undefined;
}

function phpDate(t: Token): CodeFinding | undefined {
	const plain = t.v.replace(/\\\\?./g, '');
	if (!/^[YmdHhGgisTZ\-:]+$/.test(plain) || !/[Yy]/.test(plain) || !/i/.test(plain)) return undefined;
	if (/[hg]/.test(plain)) return findingAt(t, 'timestamp-12-hour-clock', 'error', `${TWELVE} ("h" in "${t.v}")`, FIX_TWELVE);
	return undefined;
}

function goLayout(t: Token): CodeFinding | undefined {
	if (!/2006/.test(t.v) || !/04/.test(t.v)) return undefined;
	if (/(^|[^0-9])0?3:?04/.test(t.v) && !/15/.test(t.v))
		return findingAt(t, 'timestamp-12-hour-clock', 'error', `${TWELVE} ("03" in the layout "${t.v}")`, FIX_TWELVE);
	return undefined;
}

/** Java/C#/Apex/JS-library patterns: quoted parts ('T', \'Z\') removed, only pattern letters and separators left. */
function javaPattern(t: Token, javaLike: boolean): CodeFinding | undefined {
	const plain = t.v.replace(/\\?'[^']*?\\?'/g, '').replace(/\\./g, '');
	if (plain.length < 4 || !/^[yYMdDHhmsSfFzZXKkaTE:\-./ _]+$/.test(plain)) return undefined;
	const groups = plain.match(/yy+|YY+|MM+|dd+|DD+|HH|hh|mm|ss|KK/g) ?? [];
	if (groups.length < 2 && !/^hhmmss/.test(plain)) return undefined;
	if (/hh|KK/.test(plain) && !/HH/.test(plain))
		return findingAt(t, 'timestamp-12-hour-clock', 'error', `${TWELVE} ("hh" in "${t.v}")`, FIX_TWELVE);
	const dateFirst = /^[yY]{4}[-/]?mm/.test(plain) && !/MM/.test(plain);
	if (dateFirst)
		return findingAt(
			t,
			'timestamp-malformed',
			'error',
			`"mm" is minutes, not the month, in "${t.v}": the date in the scope and X-Amz-Date is wrong.`,
			'Use "MM" for the month: yyyyMMdd.'
		);
	if (javaLike && /YYYY/.test(plain) && /MM/.test(plain))
		return findingAt(
			t,
			'timestamp-malformed',
			'warning',
			`"YYYY" is the week-based year in "${t.v}": in the last days of December it is next year's.`,
			'Use "yyyy" (the calendar year).'
		);
	if (javaLike && /DD/.test(plain) && /MM/.test(plain))
		return findingAt(
			t,
			'timestamp-malformed',
			'error',
			`"DD" is the day of the year in "${t.v}", not the day of the month.`,
			'Use "dd" for the day of the month.'
		);
	return undefined;
}
