import { FINDING_CODES, type Corrected, type FindingBasis, type FindingCode } from '../findings/index.ts';
import type { Finding, Stage } from './types.ts';

export interface FindingFields {
	message: string;
	fix: string;
	/** Default 'error'. */
	severity?: Finding['severity'];
	/** Default: the code's stage in FINDING_CODES. */
	stage?: Stage;
	line?: number;
	/** Why it is confirmed: the user's value reproduced exactly, or the server's error says so. Sets `confirmed`. */
	basis?: FindingBasis;
	/** With basis 'reproduced': the user's value made exactly, when not their signature. */
	reproduces?: Finding['reproduces'];
	/** The corrected URL or request, to copy (see correctedUrl for what it may hold). */
	corrected?: Corrected;
}

/** A finding with the catalogue's stage unless the evidence sits in another stage's text. */
export function makeFinding(code: FindingCode, fields: FindingFields): Finding {
	const finding: Finding = {
		code,
		stage: fields.stage ?? FINDING_CODES[code].stage,
		severity: fields.severity ?? 'error',
		message: fields.message,
		fix: fields.fix
	};
	if (fields.line !== undefined) finding.line = fields.line;
	if (fields.basis) {
		finding.confirmed = true;
		finding.basis = fields.basis;
	}
	if (fields.basis === 'reproduced' && fields.reproduces) finding.reproduces = fields.reproduces;
	if (fields.corrected) finding.corrected = { ...fields.corrected };
	return finding;
}
