import { withoutIncompatible, type Finding } from '../findings/index.ts';

/**
 * Forensics confirms a diagnosis or adds one; a code is listed once. A confirmed diagnosis now
 * reproduces the user's signature, and what it contradicts leaves the list.
 */
export function mergeForensics(findings: Finding[], confirmed: Finding[]): Finding[] {
	if (confirmed.length === 0) return findings;
	const merged = findings.map((f) =>
		confirmed.some((c) => c.code === f.code) ? { ...f, confirmed: true, basis: 'reproduced' as const } : f
	);
	return withoutIncompatible([...merged, ...confirmed.filter((c) => !merged.some((f) => f.code === c.code))]);
}
