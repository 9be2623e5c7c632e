import { withoutIncompatible, type Finding } from '../findings/index.ts';

/**
 * Forensics confirms a diagnosis or adds one; a code is listed once. A confirmed diagnosis now
 * reproduces the user's signature, and what it contradicts leaves the list.
 */
export function mergeForensics(findings: Finding[], confirmed: Finding[]): Finding[] {
	if (confirmed.length === 0) return findings;
	const merged = findings.map((f) => {
		const c = confirmed.find((x) => x.code === f.code);
		// The reproduction knows more (the value that makes the signature right): its words win; the line stays where diagnose found it.
		return c ? { ...f, ...c, line: c.line ?? f.line, confirmed: true, basis: 'reproduced' as const } : f;
	});
	return withoutIncompatible([...merged, ...confirmed.filter((c) => !merged.some((f) => f.code === c.code))]);
}
