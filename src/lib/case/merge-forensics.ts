import type { Finding } from '../findings/index.ts';

/** Forensics confirms a diagnosis or adds one; a code is listed once. */
export function mergeForensics(findings: Finding[], confirmed: Finding[]): Finding[] {
	const merged = findings.map((f) => (confirmed.some((c) => c.code === f.code) ? { ...f, confirmed: true } : f));
	return [...merged, ...confirmed.filter((c) => !merged.some((f) => f.code === c.code))];
}
