import type { Case } from '../case/case.ts';
import { caseFromJson, caseToJson, decodeCase, encodeCase, CaseTooLargeError } from '../share/index.ts';
import type { DebuggerState } from './debugger.svelte.ts';

const STORAGE_KEY = 'sigv4-debugger:case';

/** The link of a case, with the case it was made from; or why the case cannot be a link. */
export type LinkResult = { link: string; case: Case } | { tooLarge: string };

/**
 * The case's life outside the page: the share link in the address bar, the case file, and
 * (only when the user asks) this device's storage. Secrets go nowhere unless a box says so: every
 * way out goes through the share layer's one redaction (caseToJson, encodeCase).
 */
export class CaseSync {
	/** "Include secrets in the link" (also in an exported file). */
	includeSecrets = $state(false);
	/** "Remember on this device", and separately whether credentials are remembered too. */
	remember = $state(false);
	rememberSecrets = $state(false);
	/** A message about a link or file that could not be opened, or a link too long to make. */
	problem = $state('');

	/** Counts writes to the address bar: only the latest may write, so an older case never lands over a newer one. */
	#generation = 0;
	/** Counts links received in this tab; while one opens, the page writes nothing to the address bar. */
	#received = 0;
	#opening = false;
	/** The fragment this page wrote last, to tell it from one the tab received. */
	#written = '';

	constructor(private readonly app: DebuggerState) {}

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

	/**
	 * A new link in this tab (only the fragment changed: a pasted link, back or forward): opens its
	 * case. Until it is open the page writes nothing to the address bar, so the case it had never
	 * lands over the link received.
	 */
	async followHash(): Promise<void> {
		const hash = location.hash;
		// replaceState fires no hashchange, but the fragment this page wrote is no news in any case.
		if (hash.length <= 1 || hash === this.#written) return;
		const received = ++this.#received;
		this.#generation++;
		this.#opening = true;
		const opened = await decodeCase(hash);
		if (received !== this.#received) return;
		this.#opening = false;
		this.#written = hash;
		if ('error' in opened) {
			this.problem = `This link could not be opened: ${opened.error.message} The page keeps the case it had.`;
			return;
		}
		this.problem = '';
		this.app.open(opened.case);
	}

	/**
	 * Writes the current case to the address bar (replaceState, no history entry) and returns its
	 * link. A case too large for a link takes the old link out of the address bar, so that
	 * neither it nor a copy of it stands for this case.
	 */
	async updateAddressBar(): Promise<LinkResult> {
		const generation = ++this.#generation;
		const c = this.app.current;
		const latest = () => generation === this.#generation && !this.#opening;
		try {
			const fragment = await encodeCase(c, { includeSecrets: this.includeSecrets });
			const link = `${location.origin}${location.pathname}#${fragment}`;
			if (latest()) {
				this.#written = `#${fragment}`;
				if (location.hash !== `#${fragment}`) history.replaceState(history.state, '', `#${fragment}`);
				if (this.problem.startsWith('Too large')) this.problem = '';
			}
			return { link, case: c };
		} catch (e) {
			if (!(e instanceof CaseTooLargeError)) throw e;
			if (latest()) {
				this.#written = '';
				if (location.hash !== '') history.replaceState(history.state, '', `${location.pathname}${location.search}`);
				this.problem = `Too large for a link: ${e.message}`;
			}
			return { tooLarge: e.message };
		}
	}

	/** Keeps the case on this device, or forgets it; secrets only with their own box ticked. */
	updateStorage(): void {
		if (!this.remember) {
			if (readStorage() !== null) localStorage.removeItem(STORAGE_KEY);
			return;
		}
		try {
			localStorage.setItem(STORAGE_KEY, caseToJson(this.app.current, { includeSecrets: this.rememberSecrets }));
			if (this.problem.startsWith('Not remembered')) this.problem = '';
		} catch (e) {
			// A browser keeps a few megabytes per site; a case past that is shared as a file.
			this.problem = `Not remembered on this device: ${e instanceof Error ? e.message : String(e)}. Export it as a file instead.`;
		}
	}

	exportFile(): { name: string; text: string; case: Case } {
		const c = this.app.current;
		return { name: `sigv4-case-${c.datetime || 'case'}.json`, text: caseToJson(c, { includeSecrets: this.includeSecrets }), case: c };
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
