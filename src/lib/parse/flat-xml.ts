/**
 * A small, strict reader for AWS error bodies: <Error><Code>…</Code>…</Error> and the
 * <ErrorResponse> envelope. Written by hand (not DOMParser) because the parsers must run
 * unchanged in Node, which has no DOMParser, the project takes no new dependency for this, and
 * the shape is tiny: elements, text, the five XML entities and character references, comments,
 * CDATA and a prolog. Unlike DOMParser it reports where the text breaks (offsets) and keeps going,
 * and it leaves "\r" in text alone, which is exactly what the *Bytes fields are compared against.
 */

export interface XmlElement {
	name: string;
	/** Offset of "<" of the start tag. */
	offset: number;
	children: XmlElement[];
	/** Decoded text content (for a leaf: all of it). */
	text: string;
	/** Offsets of the raw content between the start tag and the end tag. */
	contentStart: number;
	contentEnd: number;
	closed: boolean;
}

export interface XmlProblem {
	offset: number;
	message: string;
	fix: string;
}

export interface XmlParse {
	root?: XmlElement;
	/** Offset just after the root's end tag (or the end of the text). */
	end: number;
	/** The first MAX_XML_PROBLEMS problems, in the order met. */
	problems: XmlProblem[];
	/** How many more were met and not kept. */
	dropped: number;
}

/** A text of 5 MB of "<" has 5 million problems: the first ones say what is wrong, the rest only cost memory. */
export const MAX_XML_PROBLEMS = 50;

class ProblemList {
	readonly list: XmlProblem[] = [];
	dropped = 0;

	push(problem: XmlProblem): void {
		if (this.list.length < MAX_XML_PROBLEMS) this.list.push(problem);
		else this.dropped++;
	}
}

const NAME = /[A-Za-z_][\w.:-]*/y;
const ENTITIES = new Map([
	['amp', '&'],
	['lt', '<'],
	['gt', '>'],
	['quot', '"'],
	['apos', "'"]
]);
const MAX_DEPTH = 64;

/** Decodes the XML entities of `raw`, which starts at `offset` in the text; unknown ones stay as written. */
export function decodeEntities(raw: string, offset: number, problems: { push(problem: XmlProblem): void }): string {
	if (!raw.includes('&')) return raw;
	return raw.replace(/&([^;&<\s]{0,12});?/g, (whole, body: string, at: number) => {
		if (whole.endsWith(';')) {
			const named = ENTITIES.get(body);
			if (named !== undefined) return named;
			const num = /^#(?:x([0-9A-Fa-f]{1,6})|(\d{1,7}))$/.exec(body);
			if (num) {
				const code = num[1] !== undefined ? parseInt(num[1], 16) : parseInt(num[2]!, 10);
				if (code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)) return String.fromCodePoint(code);
				problems.push({
					offset: offset + at,
					message: `"${whole}" is not a valid character reference.`,
					fix: 'Check that the XML was copied whole; character references name a Unicode code point.'
				});
				return whole;
			}
		}
		problems.push({
			offset: offset + at,
			message: `"${whole.slice(0, 16)}" is not an XML entity: XML writes a literal "&" as "&amp;".`,
			fix: 'Copy the error body from the raw response (not from a page that rendered it), or replace the lone "&" with "&amp;".'
		});
		return whole;
	});
}

export function parseXml(text: string, start = 0): XmlParse {
	const problems = new ProblemList();
	const done = (end: number): XmlParse => ({ root, end, problems: problems.list, dropped: problems.dropped });
	const stack: XmlElement[] = [];
	let root: XmlElement | undefined;
	let i = start;
	const len = text.length;

	const skipSpecial = (): boolean => {
		if (text.startsWith('<?', i)) {
			const close = text.indexOf('?>', i + 2);
			i = close === -1 ? len : close + 2;
			return true;
		}
		if (text.startsWith('<!--', i)) {
			const close = text.indexOf('-->', i + 4);
			if (close === -1)
				problems.push({ offset: i, message: 'This comment is never closed with "-->".', fix: 'Close the comment or remove it.' });
			i = close === -1 ? len : close + 3;
			return true;
		}
		if (/^<!DOCTYPE/i.test(text.slice(i, i + 9))) {
			const close = text.indexOf('>', i);
			i = close === -1 ? len : close + 1;
			return true;
		}
		return false;
	};

	while (i < len) {
		const top = stack[stack.length - 1];
		if (text[i] !== '<') {
			const next = text.indexOf('<', i);
			const stop = next === -1 ? len : next;
			const raw = text.slice(i, stop);
			if (top) top.text += decodeEntities(raw, i, problems);
			else if (raw.trim() !== '') {
				if (root) break;
				problems.push({
					offset: i + (raw.length - raw.trimStart().length),
					message: 'Text before the first XML element.',
					fix: 'Paste the error body from "<?xml" or "<Error>" on.'
				});
			}
			i = stop;
			continue;
		}
		if (skipSpecial()) continue;
		if (text.startsWith('<![CDATA[', i)) {
			const close = text.indexOf(']]>', i + 9);
			const content = text.slice(i + 9, close === -1 ? len : close);
			if (close === -1)
				problems.push({ offset: i, message: 'This CDATA section is never closed with "]]>".', fix: 'Paste the whole error body.' });
			if (top) top.text += content;
			i = close === -1 ? len : close + 3;
			continue;
		}
		if (text[i + 1] === '/') {
			NAME.lastIndex = i + 2;
			const m = NAME.exec(text);
			const name = m ? m[0] : '';
			const close = text.indexOf('>', i);
			const after = close === -1 ? len : close + 1;
			const depth = stack.map((e) => e.name).lastIndexOf(name);
			if (!top || depth === -1) {
				problems.push({
					offset: i,
					message: `</${name}> closes an element that was never opened.`,
					fix: 'Check that the XML was copied whole and not edited.'
				});
			} else {
				if (depth !== stack.length - 1) {
					const open = stack[stack.length - 1]!;
					problems.push({
						offset: i,
						message: `</${name}> comes before </${open.name}>: <${open.name}> is never closed.`,
						fix: `Add </${open.name}> or check that the XML was copied whole.`
					});
				}
				while (stack.length > depth) {
					const el = stack.pop()!;
					if (el.contentEnd === -1) el.contentEnd = i;
					el.closed = stack.length === depth;
				}
				if (stack.length === 0) return done(after);
			}
			i = after;
			continue;
		}
		NAME.lastIndex = i + 1;
		const m = NAME.exec(text);
		if (!m) {
			problems.push({
				offset: i,
				message: 'A "<" that does not start a tag: XML writes a literal "<" as "&lt;".',
				fix: 'Copy the error body from the raw response, or replace the "<" with "&lt;".'
			});
			if (top) top.text += '<';
			i++;
			continue;
		}
		const tagEnd = findTagEnd(text, NAME.lastIndex);
		if (tagEnd === -1) {
			problems.push({ offset: i, message: `The tag <${m[0]} is never closed with ">".`, fix: 'Paste the whole error body.' });
			break;
		}
		if (root && stack.length === 0) break;
		if (stack.length >= MAX_DEPTH) {
			problems.push({
				offset: i,
				message: `Elements are nested more than ${MAX_DEPTH} deep.`,
				fix: 'Paste an AWS error body, which is flat.'
			});
			break;
		}
		const selfClosing = text[tagEnd - 1] === '/';
		const el: XmlElement = { name: m[0], offset: i, children: [], text: '', contentStart: tagEnd + 1, contentEnd: -1, closed: selfClosing };
		if (selfClosing) el.contentEnd = tagEnd + 1;
		if (top) top.children.push(el);
		else root = el;
		if (!selfClosing) stack.push(el);
		i = tagEnd + 1;
		if (selfClosing && stack.length === 0) return done(i);
	}
	for (const el of stack) if (el.contentEnd === -1) el.contentEnd = Math.min(i, len);
	const open = stack[stack.length - 1];
	if (open) {
		problems.push({
			offset: Math.min(i, len),
			message: `The XML ends before </${open.name}>: the paste looks cut off.`,
			fix: 'Paste the whole error body, up to its last closing tag.'
		});
	} else if (!root) {
		problems.push({ offset: start, message: 'No XML element found.', fix: 'Paste the error body, starting with "<?xml" or "<Error>".' });
	}
	return done(Math.min(i, len));
}

/** The ">" that ends a tag starting before `from`, skipping quoted attribute values. */
function findTagEnd(text: string, from: number): number {
	let quote = '';
	for (let i = from; i < text.length; i++) {
		const c = text[i]!;
		if (quote) {
			if (c === quote) quote = '';
		} else if (c === '"' || c === "'") quote = c;
		else if (c === '>') return i;
		else if (c === '<') return -1;
	}
	return -1;
}

/** The leaf elements under `el` in document order (an element with children is not a leaf). */
export function leaves(el: XmlElement): XmlElement[] {
	if (el.children.length === 0) return [el];
	return el.children.flatMap(leaves);
}

/** The first element named `name` (depth first), `el` included. */
export function findElement(el: XmlElement, name: string): XmlElement | undefined {
	if (el.name === name) return el;
	for (const c of el.children) {
		const found = findElement(c, name);
		if (found) return found;
	}
	return undefined;
}
