import { diffChars } from 'diff';
import { quote } from '../findings/index.ts';

/**
 * Where two versions of one line first differ, in words: `at character 12 yours has "%2f" where
 * the correct one has "%2F"`. jsdiff finds the change; the message quotes it with invisibles shown.
 */
export function describeDifference(yours: string, correct: string): string {
	if (yours === correct) return 'they are identical';
	// Only the first change is described: on long texts diff a window from the common prefix on
	// (diffChars is O(N·D): two 50 KB lines took 25 s). Short texts keep jsdiff's own alignment.
	let skipped = 0;
	if (yours.length + correct.length > 2000) {
		while (skipped < yours.length && yours[skipped] === correct[skipped]) skipped++;
		return describeDifference(yours.slice(skipped, skipped + 200), correct.slice(skipped, skipped + 200)).replace(
			/^at character (\d+)/,
			(_, n: string) => `at character ${Number(n) + skipped}`
		);
	}
	const changes = diffChars(yours, correct);
	let position = 0;
	let removed = '';
	let added = '';
	let started = false;
	for (const change of changes) {
		if (!change.added && !change.removed) {
			if (started) break;
			position += change.value.length;
			continue;
		}
		started = true;
		if (change.removed) removed += change.value;
		else added += change.value;
	}
	const where = `at character ${position + 1}`;
	if (removed && added) return `${where} yours has ${quote(removed, 40)} where the correct one has ${quote(added, 40)}`;
	if (removed) return `${where} yours has ${quote(removed, 40)}, which the correct one does not`;
	return `${where} yours lacks ${quote(added, 40)}`;
}
