import type { Case } from '../case/case.ts';
import { withoutCustomerKeys } from '../case/sanitize.ts';
import { caseFromJson, caseToJson, decodeCase, encodeCase, CaseTooLargeError } from '../share/index.ts';
import type { DebuggerState } from './debugger.svelte.ts';

const STORAGE_KEY = 'sigv4-debugger:case';

/**
 * The case's life outside the page: the share link in the address bar, the case file, and
 * (only when the user asks) this device's storage. Secrets go nowhere unless a box says so.
 */
export class CaseSync {
	/** "Include secret key in link" (also in an exported file). */
	includeSecrets = $state(false);
	/** "Remember on this device", and separately whether credentials are remembered too. */
	remember = $state(false);
	rememberSecrets = $state(false);
	/** A message about a link or file that could not be opened, or a link too long to make. */
	problem = $state('');
	/** The link of the current case, as last written to the address bar. */
	link = $state('');

	constructor(private readonly app: DebuggerState) {}

	#shareable(): Case {
		const c = this.app.current;
		return this.includeSecrets ? c : withoutCustomerKeys(c);
	}

	/** Opens the case in the address bar, or else the remembered one; a broken link says why. */
	async open(): Promise<void> {
		const hash = location.hash;
		if (hash.length > 1) {
			const opened = await decodeCase(hash);
			if ('error' in opened) {
				this.problem = `This link could not be opened: ${opened.error.message} The page shows the default example instead.`;
				return;
			}
			this.app.open(opened.case);
			return;
		}
		const stored = readStorage();
		if (stored === null) return;
		const opened = caseFromJson(stored);
		this.remember = true;
		if ('error' in opened) {
			this.problem = `The case remembered on this device could not be read: ${opened.error.message}`;
			return;
		}
		this.rememberSecrets = opened.secretsIncluded;
		this.app.open(opened.case);
	}

	/** Writes the current case to the address bar (replaceState, no history entry). */
	async updateAddressBar(): Promise<void> {
		try {
			const fragment = await encodeCase(this.#shareable(), { includeSecrets: this.includeSecrets });
			this.link = `${location.origin}${location.pathname}#${fragment}`;
			if (location.hash !== `#${fragment}`) history.replaceState(history.state, '', `#${fragment}`);
			if (this.problem.startsWith('Too large')) this.problem = '';
		} catch (e) {
			if (e instanceof CaseTooLargeError) this.problem = `Too large for a link: ${e.message}`;
			else throw e;
		}
	}

	/** Keeps the case on this device, or forgets it; credentials only with their own box ticked. */
	updateStorage(): void {
		if (!this.remember) {
			if (readStorage() !== null) localStorage.removeItem(STORAGE_KEY);
			return;
		}
		localStorage.setItem(STORAGE_KEY, caseToJson(this.app.current, { includeSecrets: this.rememberSecrets }));
	}

	exportFile(): { name: string; text: string } {
		return {
			name: `sigv4-case-${this.app.current.datetime || 'case'}.json`,
			text: caseToJson(this.app.current, { includeSecrets: this.includeSecrets })
		};
	}

	importFile(text: string): void {
		const opened = caseFromJson(text);
		if ('error' in opened) {
			this.problem = `This file could not be opened: ${opened.error.message}`;
			return;
		}
		this.problem = '';
		this.app.open(opened.case);
	}
}

function readStorage(): string | null {
	try {
		return localStorage.getItem(STORAGE_KEY);
	} catch {
		return null;
	}
}
