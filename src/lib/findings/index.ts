export { FINDING_CODES, type FindingCode, type Stage } from './codes.ts';
export type { Corrected, Finding, FindingBasis } from './finding.ts';
export { quote, listQuoted } from './quote.ts';
export { incompatiblePairs, withoutIncompatible, INCOMPATIBLE } from './incompatible.ts';
export { rankFindings, GENERIC_CODES } from './rank.ts';
export { verdictOf, awaitingForensics, BY_ELIMINATION, NO_EVIDENCE_SENTENCE, type Verdict, type VerdictInput } from './verdict.ts';
