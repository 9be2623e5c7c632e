import { paramsOf, type Case } from '../case/index.ts';
import { parseRawHttp } from '../parse/index.ts';
import type { HttpRequest, SigningParams } from '../sigv4/index.ts';
import { LANGUAGE_INFO, type Language } from './languages.ts';
import { signerSpec } from './signer-spec.ts';

export interface ExportedSigner {
	filename: string;
	code: string;
	/** The command that runs it, e.g. "python3 sign.py". */
	run: string;
}

/**
 * The case's request as a signer program in `language`. `inputs` are the request and parameters
 * the page signed (an analysis's, which follow the user's evidence); without them the case's own
 * are read. Throws the core's SigningError, or an Error for a POST policy or unreadable request.
 */
export function exportSigner(c: Case, language: Language, inputs?: { request: HttpRequest; params: SigningParams }): ExportedSigner {
	if (c.mode === 'post' || c.mode === 'chunked')
		throw new Error(
			`${c.mode === 'post' ? 'A POST policy form' : 'An aws-chunked upload'} is not exported as a program; export the request in header or presigned-URL mode.`
		);
	let request = inputs?.request;
	let params = inputs?.params;
	if (!request || !params) {
		const parsed = parseRawHttp(c.requestText);
		const read = paramsOf(c);
		if (!parsed.request) throw new Error(`The request cannot be read: ${parsed.errors[0]?.message ?? 'it is empty'}`);
		if ('field' in read) throw new Error(read.message);
		request = parsed.request;
		params = read;
	}
	const info = LANGUAGE_INFO[language];
	return { filename: info.filename, code: info.generate(signerSpec(request, params, c.mode)), run: info.run };
}
