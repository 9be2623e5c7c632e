import { runBench, type BenchOptions, type EnvResult } from './run.ts';
import { BROWSER_SIGNERS } from './signers.ts';

declare global {
	var runBrowserBench: (options: BenchOptions) => Promise<EnvResult>;
}

globalThis.runBrowserBench = (options) => runBench(BROWSER_SIGNERS, options);
