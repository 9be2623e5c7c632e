export type { ShareCase } from './types.ts';
export type { OpenedCase, ShareLinkError, ShareLinkErrorCode } from './share-link-error.ts';
export { DEFAULT_CASE } from './default-case.ts';
export { encodeCase, decodeCase } from './share-link.ts';
export { caseToJson, caseFromJson, CASE_FILE_FORMAT, CASE_FILE_VERSION } from './case-file.ts';
export { CaseTooLargeError } from './case-too-large-error.ts';
export { MAX_CASE_BYTES, MAX_CASE_FILE_CHARS, MAX_FRAGMENT_LENGTH } from './share-limits.ts';
