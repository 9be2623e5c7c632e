// The export door: a case as a signer program in another language (code out).
export { exportSigner, type ExportedSigner } from './export-signer.ts';
export { LANGUAGES, LANGUAGE_INFO, type Language, type LanguageInfo } from './languages.ts';
export { signerSpec, type SignerSpec } from './signer-spec.ts';
export { literal, type LiteralStyle } from './literals.ts';
export { curlTarget } from './curl.ts';
export { configFixes, CONFIG_FIX_CODES, SDKS, type ConfigFix, type FixContext, type Sdk } from './config-fixes.ts';
