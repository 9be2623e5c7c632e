import { CaseSync } from './case-sync.svelte.ts';
import { DebuggerState } from './debugger.svelte.ts';

/** The one case of this page, shared by the debugger and the learning mode. */
export const app = new DebuggerState();
export const sync = new CaseSync(app);

/** Every input and override: reading them all makes a change anywhere recompute every stage. */
export function watchInputs(state: DebuggerState): void {
	void [
		state.requestText,
		state.accessKeyId,
		state.secretAccessKey,
		state.sessionToken,
		state.region,
		state.service,
		state.datetime,
		state.mode,
		state.expiresIn,
		state.policyText,
		state.postFields,
		state.signedHeaders,
		state.payload,
		state.uriEscapePath,
		state.normalizePath,
		state.contentSha256Header,
		state.overrides,
		state.provided,
		state.server,
		state.form,
		state.sigv2Fields,
		state.optionsOpen,
		state.learnStep,
		state.pasteText
	];
}
