import { SECRET_NEEDED, type StageView } from '../case/index.ts';
import type { Finding, Verdict } from '../findings/index.ts';

/** A titled block: the title underlined, then the text as it is (stages keep every character). */
export function section(title: string, body: string): string {
	return `${title}\n${'-'.repeat(title.length)}\n${body}\n`;
}

const VERDICT_LABEL: Record<Verdict['kind'], string> = {
	correct: 'Correct',
	cause: 'Cause found',
	likely: 'Likely cause',
	undecided: 'Undecided'
};

export function verdictText(verdict: Verdict): string {
	const code = verdict.code ? ` [${verdict.code}]` : '';
	const need = verdict.need ? `\n  Needed: ${verdict.need}` : '';
	return `Verdict: ${VERDICT_LABEL[verdict.kind]} — ${verdict.sentence}${code}${need}\n`;
}

export function findingsText(findings: Finding[]): string {
	if (findings.length === 0) return 'Findings: none.\n';
	const lines = [`Findings (${findings.length}):`];
	for (const f of findings) {
		const where = f.line === undefined ? f.stage : `${f.stage}, line ${f.line}`;
		const sure = f.confirmed ? (f.basis === 'server' ? ', the server says so' : ', reproduced') : '';
		lines.push(`  ${f.severity.padEnd(7)} ${f.code} (${where}${sure})`, `          ${f.message}`, `          Fix: ${f.fix}`);
		if (f.corrected) lines.push(`          ${f.corrected.label}: ${f.corrected.value}`);
	}
	return lines.join('\n') + '\n';
}

/** The page's "enter the secret" placeholder, in the command line's words. */
export const SECRET_NEEDED_CLI = '(set AWS_SECRET_ACCESS_KEY, or pass --secret-access-key, to compute this stage)';

/** The stages of a view as the page's panes show them, the secret's placeholder in the command line's words. */
export function stagesOf(view: StageView): Record<string, string> {
	const say = (text: string) => (text === SECRET_NEEDED ? SECRET_NEEDED_CLI : text);
	const out: Record<string, string> = {
		canonicalRequest: view.canonicalRequest,
		stringToSign: view.stringToSign,
		signingKey: say(view.signingKey),
		signature: say(view.signature),
		signedRequest: say(view.signedRequest),
		curl: say(view.curl)
	};
	if (view.presignedUrl !== undefined) out.presignedUrl = say(view.presignedUrl);
	return out;
}

const STAGE_TITLES: Record<string, string> = {
	canonicalRequest: 'Canonical request',
	stringToSign: 'String to sign',
	signingKey: 'Signing key',
	signature: 'Signature',
	signedRequest: 'Signed request',
	curl: 'curl',
	presignedUrl: 'Presigned URL'
};

export function stagesText(stages: Record<string, string>): string {
	return Object.entries(stages)
		.map(([name, text]) => section(STAGE_TITLES[name] ?? name, text.replace(/\n+$/, '')))
		.join('\n');
}
