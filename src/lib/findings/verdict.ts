import { FINDING_CODES, type FindingCode } from './codes.ts';
import type { Finding } from './finding.ts';
import { withoutIncompatible } from './incompatible.ts';
import { GENERIC_CODES, rankFindings } from './rank.ts';

/** The page's one sentence above the findings (DESIGN §5, truth rules). */
export interface Verdict {
	kind: 'correct' | 'cause' | 'likely' | 'undecided';
	code?: FindingCode;
	/** 'reproduced': a mistake makes the user's value exactly; 'server': the server's error states it; 'evidence': the texts show it. */
	basis?: 'reproduced' | 'server' | 'evidence';
	sentence: string;
	/** For 'undecided': what would decide it, to paste or enter. */
	need?: string;
}

export interface VerdictInput {
	findings: Finding[];
	/** Anything pasted to compare with the correct stages (a stage, a signature, a server error). */
	hasEvidence: boolean;
	/** The secret access key is known: the correct signature can be computed. */
	hasSecret: boolean;
	/** The user gave a signature (alone, in an Authorization header or a URL, or quoted by the server). */
	userSignature?: boolean;
	/** Their signature equals the correct one. */
	signatureMatches?: boolean;
	/** The user gave a canonical request, string to sign or signing key of their own. */
	userStages?: boolean;
	/**
	 * The request was rebuilt from the user's own canonical request: matching it proves only that their
	 * texts agree with each other, never that they match what was sent.
	 */
	rebuiltFromOwnStages?: boolean;
	forensics?: 'running' | 'done' | 'off';
}

export const NO_EVIDENCE_SENTENCE = "Paste your request, your signer's output or AWS's error to compare.";

const NEED_SECRET = 'the secret access key, to compute the correct signature';
const NEED_ANYTHING = "your signature, canonical request or string to sign, or the server's error";
const STAGES_CORRECT = 'What your signer made is correct for this request.';
const NEED_SENT_REQUEST =
	"the request as it was sent (raw HTTP, curl, a log) or AWS's error: your request is rebuilt from your own canonical request, which cannot be checked against itself";
const NEED_STAGES = "your canonical request and string to sign (from your signer's log), to see which stage differs";

const REPRODUCES: Record<NonNullable<Finding['reproduces']>, string> = {
	signature: 'your signature',
	hash: 'the hash in your string to sign',
	'signing-key': 'your signing key'
};

const undecided = (need: string, verb = 'paste'): Verdict => ({
	kind: 'undecided',
	sentence: `Not enough to tell — ${verb} ${need}.`,
	need
});

/**
 * One verdict from the findings, claiming no more than they show. In order:
 * 1. Nothing pasted to compare: 'undecided', a sentence for a fresh page (no `need`).
 * 2. The findings are made consistent (the incompatible table) and ranked (rankFindings).
 * 3. An error that names a cause, the first by rank:
 *    - `wrong-secret-key` (a conclusion by elimination): 'likely' only once forensics is 'done'
 *      with no hit; while it runs, or when it is off, 'undecided' (it may yet find the mistake);
 *    - basis 'reproduced' → 'cause', "— reproduces your signature (the hash in your string to
 *      sign, your signing key) exactly"; basis 'server' → 'cause', "— the server's message says so";
 *    - otherwise → 'likely' (basis 'evidence').
 * 4. Only generic errors (a line differs with no known cause): `signature-mismatch` is 'undecided'
 *    (paste the stages; while forensics runs, wait for it), a differing line the server shows is a
 *    'cause', one the user's own text shows 'likely'.
 * 5. No error: with neither a signature nor a stage of theirs, 'undecided' (paste one); without
 *    the secret, 'undecided' (enter it: nothing is correct that was computed without it); their
 *    signature equal to the correct one, 'correct'; no signature but their stages (canonical request,
 *    string to sign, signing keys) all matching, 'correct' for what they made; a signature that
 *    differs with nothing to say why, 'undecided' (paste the stages).
 */
/** Causes concluded by elimination: not errors the page stands by until the forensics have ruled out the known mistakes. */
export const BY_ELIMINATION: ReadonlySet<FindingCode> = new Set(['wrong-secret-key']);

/** The findings whose conclusion waits for the forensics (the verdict stays 'undecided' on them meanwhile). */
export function awaitingForensics(forensics: VerdictInput['forensics']): ReadonlySet<FindingCode> {
	return forensics === 'done' ? new Set() : BY_ELIMINATION;
}

export function verdictOf(input: VerdictInput): Verdict {
	if (!input.hasEvidence) return { kind: 'undecided', sentence: NO_EVIDENCE_SENTENCE };
	const errors = rankFindings(withoutIncompatible(input.findings)).filter((f) => f.severity === 'error');
	const cause = errors.find((f) => !GENERIC_CODES.has(f.code));

	if (cause && BY_ELIMINATION.has(cause.code)) {
		if (input.forensics === 'done') return likely(cause.code);
		if (input.forensics === 'running') {
			return {
				kind: 'undecided',
				sentence: 'Not enough to tell yet — every string matches; trying known signer mistakes before blaming the secret key.',
				need: 'the forensics to finish'
			};
		}
		return {
			kind: 'undecided',
			sentence:
				'Not enough to tell — every string matches; run the forensics (with your secret) to rule out a known signer mistake before blaming the secret key.',
			need: 'a forensics run, to rule out a known signer mistake'
		};
	}
	if (cause) {
		const title = FINDING_CODES[cause.code].title;
		if (cause.basis === 'reproduced') {
			return {
				kind: 'cause',
				code: cause.code,
				basis: 'reproduced',
				sentence: `Cause: ${title} — reproduces ${REPRODUCES[cause.reproduces ?? 'signature']} exactly.`
			};
		}
		if (cause.basis === 'server') return serverSays(cause.code);
		return likely(cause.code);
	}

	const generic = errors[0];
	if (generic) {
		if (generic.code === 'signature-mismatch') {
			if (input.forensics === 'running') {
				return {
					kind: 'undecided',
					sentence: 'Not enough to tell yet — your signature differs; trying known signer mistakes.',
					need: 'the forensics to finish'
				};
			}
			return undecided(NEED_STAGES);
		}
		return generic.basis === 'server' ? serverSays(generic.code) : likely(generic.code);
	}

	if (!input.userSignature && !input.userStages) return undecided(NEED_ANYTHING);
	if (!input.hasSecret) return undecided(NEED_SECRET, 'enter');
	if (input.rebuiltFromOwnStages) return undecided(NEED_SENT_REQUEST);
	if (!input.userSignature) return { kind: 'correct', sentence: STAGES_CORRECT };
	if (input.signatureMatches) return { kind: 'correct', sentence: 'Your signature is correct for this request.' };
	return undecided(NEED_STAGES);
}

function likely(code: FindingCode): Verdict {
	return { kind: 'likely', code, basis: 'evidence', sentence: `Likely: ${FINDING_CODES[code].title}.` };
}

function serverSays(code: FindingCode): Verdict {
	return { kind: 'cause', code, basis: 'server', sentence: `Cause: ${FINDING_CODES[code].title} — the server's message says so.` };
}
