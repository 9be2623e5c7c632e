import { parseRawHttp } from '../parse/raw-http.ts';
import { presignUrl, signRequest, SigningError, type AuthMode, type SigningParams, type SigningTrace } from '../sigv4/index.ts';
import { DEFAULT_PARAMS, DEFAULT_REQUEST_TEXT } from '../examples.ts';

export interface FieldError {
	field: string;
	message: string;
	fix?: string;
}

/** The page's inputs and the trace derived from them; the latest input always wins. */
export class DebuggerState {
	requestText = $state(DEFAULT_REQUEST_TEXT);
	accessKeyId = $state(DEFAULT_PARAMS.credentials.accessKeyId);
	secretAccessKey = $state(DEFAULT_PARAMS.credentials.secretAccessKey);
	sessionToken = $state('');
	region = $state(DEFAULT_PARAMS.region);
	service = $state(DEFAULT_PARAMS.service);
	datetime = $state(DEFAULT_PARAMS.datetime);
	mode = $state<AuthMode>('header');
	expiresIn = $state(3600);

	trace = $state<SigningTrace | undefined>();
	error = $state<FieldError | undefined>();
	/** True while the panes show the last good trace for inputs that no longer sign. */
	stale = $state(false);

	#generation = 0;

	params(): SigningParams {
		const params: SigningParams = {
			credentials: { accessKeyId: this.accessKeyId.trim(), secretAccessKey: this.secretAccessKey },
			region: this.region.trim(),
			service: this.service.trim(),
			datetime: this.datetime.trim(),
			expiresIn: this.expiresIn
		};
		if (this.sessionToken.trim()) params.credentials.sessionToken = this.sessionToken.trim();
		return params;
	}

	/** Recomputes every stage; a slower, older run never overwrites a newer one. */
	async recompute(): Promise<void> {
		const generation = ++this.#generation;
		const parsed = parseRawHttp(this.requestText);
		let result: { trace?: SigningTrace; error?: FieldError };
		if (!parsed.request) {
			const first = parsed.errors[0]!;
			result = { error: { field: 'request', message: `Line ${first.line}, column ${first.column}: ${first.message}`, fix: first.fix } };
		} else {
			try {
				const sign = this.mode === 'header' ? signRequest : presignUrl;
				result = { trace: await sign(parsed.request, this.params()) };
			} catch (e) {
				result = {
					error: e instanceof SigningError ? { field: e.field, message: e.message, fix: e.fix } : { field: 'request', message: String(e) }
				};
			}
		}
		if (generation !== this.#generation) return;
		if (result.trace) {
			this.trace = result.trace;
			this.error = undefined;
			this.stale = false;
		} else {
			this.error = result.error;
			this.stale = this.trace !== undefined;
		}
	}
}
