import { findLoneSurrogate } from '../../sigv4/index.ts';
import type { FindingList } from '../finding-list.ts';
import type { Evidence } from '../types.ts';

/**
 * Half of a UTF-16 surrogate pair (a character cut in two by a copy or a substring) has no UTF-8
 * bytes: the signer, like a browser's fetch, sends U+FFFD (EF BF BD) in its place, so what is
 * signed is not what the user typed. Said once, at the first place it occurs.
 */
export function checkLoneSurrogate(evidence: Evidence, list: FindingList): void {
	const { request } = evidence;
	// Lines as the request box shows the request: the request line, then one line per header.
	const places: [where: string, value: string, line: number | undefined][] = [
		['The URL', request.url, 1],
		...request.headers.map(([name, value], i): [string, string, number] => [`The header ${name}`, `${name}${value}`, i + 2]),
		['The body', typeof request.body === 'string' ? request.body : '', undefined]
	];
	for (const [where, value, line] of places) {
		const lone = findLoneSurrogate(value);
		if (!lone) continue;
		const code = `U+${lone.character.charCodeAt(0).toString(16).toUpperCase()}`;
		list.add('lone-surrogate', {
			severity: 'warning',
			...(line === undefined ? {} : { line }),
			message: `${where} has ${code}, half of a UTF-16 surrogate pair without its other half. It is no character and has no UTF-8 bytes, so it is signed (and sent by browsers) as U+FFFD, bytes EF BF BD: the server sees another character than the one you meant.`,
			fix: 'Copy the whole character (both halves of the pair), or cut text at character boundaries, not in the middle of an emoji or a rare character.'
		});
		return;
	}
}
