import { finishKind } from './finish-kind.ts';
import { detectAndImport } from './formats.ts';
import { ImportBuilder } from './import-builder.ts';
import { checkImportedRequest } from './request-check.ts';
import { forgetSecrets } from './secret-scan.ts';
import type { ImportOptions, ImportResult } from './types.ts';

export type * from './types.ts';
export type { ParseError } from './parse-error.ts';
export { parseRawHttp } from './raw-http.ts';
export { parseAuthorization, type ParsedAuthorization, type ValueProblem } from './authorization-header.ts';
export { parseCanonicalRequest, headerNames, type ParsedCanonicalRequest, type CrHeader, type CrLine } from './canonical-request-lines.ts';
export { parseSignedUrl, type ParsedSignedUrl } from './signed-url.ts';
export { decodeAuthToken, authTokenKindOf, CLUSTER_NAME_UNKNOWN, type DecodedAuthToken } from './auth-token.ts';
export { regionSetOf, type RequestRegionSet } from './region-set-of.ts';
export { safeDecode } from './safe-decode.ts';
export { parseAwsChunkedBody, type ParsedChunk, type ParsedChunkedBody } from './aws-chunked-body.ts';
export { appSyncSignedRequest, decodeBase64Text, type AppSyncRealtime } from './appsync-realtime.ts';

/**
 * Detects the format of pasted text and reads from it the request, the scope, the mode, the
 * user's own stages and the server's. Never throws on user text: problems come back as errors
 * with a line and a column, and whatever could be read is returned with them.
 */
export function importText(text: string, options: ImportOptions = {}): ImportResult {
	const input = typeof text === 'string' ? text.replace(/^\uFEFF/, '') : '';
	const b = new ImportBuilder(input);
	try {
		forgetSecrets(b);
		detectAndImport(b, options);
		checkImportedRequest(b);
	} catch (e) {
		// A bug of ours must not take the page down; it is reported like any other problem.
		b.error(
			0,
			`The text could not be read (internal error: ${e instanceof Error ? e.message : 'unknown'}).`,
			'Please report this paste as a bug.'
		);
	}
	finishKind(b);
	return b.build();
}
