import { CaseSync } from './case-sync.svelte.ts';
import { DebuggerState } from './debugger.svelte.ts';
import { StageLinks } from './stage-links.svelte.ts';

/** The one case of this page, shared by the debugger and the learning mode. */
export const app = new DebuggerState();
// The first signature starts while the page mounts, not after (the layout's recompute of the same case is then a no-op).
void app.recompute();
export const sync = new CaseSync(app);
export const links = new StageLinks(app);
