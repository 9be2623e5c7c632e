export type { OpenedCase, ShareLinkError, ShareLinkErrorCode } from './share-link-error.ts';
export { encodeCase, decodeCase } from './share-link.ts';
export { caseToJson, caseFromJson, CASE_FILE_FORMAT, CASE_FILE_VERSION } from './case-file.ts';
export { CaseTooLargeError } from './case-too-large-error.ts';
export { MAX_CASE_BYTES, MAX_FRAGMENT_LENGTH, MAX_CASE_FILE_CHARS } from './share-limits.ts';
export { outgoingCase } from './shareable-case.ts';
export { secretsSentence, askForSecrets, sanitizedSentence } from './secret-notes.ts';
