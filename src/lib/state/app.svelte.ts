import { CaseSync } from './case-sync.svelte.ts';
import { DebuggerState } from './debugger.svelte.ts';
import { StageLinks } from './stage-links.svelte.ts';

/** The one case of this page, shared by the debugger and the learning mode. */
export const app = new DebuggerState();
export const sync = new CaseSync(app);
export const links = new StageLinks(app);
