export { FINDING_CODES, type FindingCode, type Stage } from './codes.ts';
export type { Finding } from './finding.ts';
export { quote, listQuoted } from './quote.ts';
