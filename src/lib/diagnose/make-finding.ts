import { FINDING_CODES, type FindingCode } from '../findings/index.ts';
import type { Finding, Stage } from './types.ts';

export interface FindingFields {
	message: string;
	fix: string;
	/** Default 'error'. */
	severity?: Finding['severity'];
	/** Default: the code's stage in FINDING_CODES. */
	stage?: Stage;
	line?: number;
	confirmed?: boolean;
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
	if (fields.confirmed) finding.confirmed = true;
	return finding;
}
