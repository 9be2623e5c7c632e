import type { FindingCode, Stage } from './codes.ts';
import type { Finding } from './finding.ts';

/** Codes that say only that something differs, not why: listed after every named cause. */
export const GENERIC_CODES: ReadonlySet<FindingCode> = new Set([
	'signature-mismatch',
	'canonical-request-differs',
	'string-to-sign-differs'
]);

/** Consequences and what explains them (a 12-hour or malformed time is why the server saw the clock skewed), and general names after the specific one. */
const EXPLAINED_BY: Partial<Record<FindingCode, FindingCode[]>> = {
	'clock-skew': ['timestamp-12-hour-clock', 'timestamp-malformed'],
	'presign-expired': ['timestamp-12-hour-clock', 'timestamp-malformed'],
	'timestamp-mismatch': ['timestamp-12-hour-clock'],
	// The same unsigned header, named generically and as what it is (an SDK's checksum header).
	'x-amz-header-not-signed': ['checksum-sent-not-signed']
};

const STAGE_ORDER: Stage[] = ['credentials', 'request', 'canonical-request', 'string-to-sign', 'signing-key', 'signature', 'authorization'];
const BASIS_ORDER = ['reproduced', 'server', undefined];

/**
 * Root cause first: errors that name a cause (reproduced exactly, then stated by the server, then
 * shown by the evidence), a consequence after what explains it; then the generic "differs" errors;
 * then warnings and notes. Within a rank, in signing order (stage, line), else as found.
 */
export function rankFindings(findings: Finding[]): Finding[] {
	const present = new Set(findings.map((f) => f.code));
	const tier = (f: Finding) =>
		f.severity === 'warning'
			? 3
			: f.severity === 'info'
				? 4
				: GENERIC_CODES.has(f.code)
					? 2
					: EXPLAINED_BY[f.code]?.some((c) => present.has(c))
						? 1
						: 0;
	return findings
		.map((f, i) => ({ f, i, t: tier(f) }))
		.sort(
			(a, b) =>
				a.t - b.t ||
				BASIS_ORDER.indexOf(a.f.basis) - BASIS_ORDER.indexOf(b.f.basis) ||
				STAGE_ORDER.indexOf(a.f.stage) - STAGE_ORDER.indexOf(b.f.stage) ||
				(a.f.line ?? 0) - (b.f.line ?? 0) ||
				a.i - b.i
		)
		.map(({ f }) => f);
}
