// The case's door: what a case is, how a paste or an edit changes it, and what follows from it.
// The page imports the light parts at first paint and the importer (which brings every parser)
// on the first paste; tests and tools use this door.
export {
	CASE_FIELDS,
	INPUT_FIELDS,
	ORIGIN_FIELDS,
	SECRET_FIELDS,
	type Case,
	type CaseAlgorithm,
	type CaseInputs,
	type FieldOrigin,
	type InputName,
	type LearnTrack,
	type OriginField,
	type PageMode,
	type ProvidedTexts,
	type ServerTexts,
	type StageName,
	type Tristate
} from './case.ts';
export { DEFAULT_CASE, exampleCase } from './default-case.ts';
export {
	DEFAULT_PARAMS,
	DEFAULT_POST_FIELDS,
	DEFAULT_POST_POLICY,
	DEFAULT_REQUEST_TEXT,
	DEFAULT_SIGNATURE,
	EXAMPLE_CREDENTIALS
} from './examples.ts';
export { readCase } from './read-case.ts';
export { edit, originOf, describeOrigin, withLearnStep } from './edit.ts';
export { importPaste, type ImportReport } from './import-paste.ts';
export { planImport, requestText, type ImportPlan, type ImportedInputs } from './import-plan.ts';
export { KIND_NAMES, kindName } from './kind-names.ts';
export { algorithmInUse, sigv4aOffer, acceptSigV4aOffer, regionSetOf, type AlgorithmInUse, type SigV4aOffer } from './algorithm.ts';
export { analyzeTypedV4a, paramsV4aOf } from './analyze-v4a.ts';
export { analyze, runForensics, stagesAssuming, type Analysis, type ForensicsDepth } from './analyze.ts';
export { paramsOf, fieldOf, needsSecret, NO_SECRET, type FieldError, type InputField } from './params.ts';
export { evidenceOf, hasEvidence, requestGiven } from './evidence.ts';
export { stageView, SECRET_NEEDED, type StageView } from './stage-view.ts';
export {
	requestLinks,
	unsignedHeaders,
	partsOfLine,
	explanationOf,
	type RequestLinks,
	type RequestPart,
	type LineRef,
	type LineExplanation,
	type LinkedStage
} from './request-links.ts';
export { parseFormFields } from './post-fields.ts';
export { sanitize, type Sanitized, type SanitizeOptions, type Replacement } from './sanitize.ts';
export { withHeaders } from './request-text.ts';
export { mergeForensics } from './merge-forensics.ts';
export { sigv2ToSigv4, type Sigv2Change, type Sigv2Conversion } from './sigv2-to-sigv4.ts';
