import { runBench, type BenchOptions, type EnvResult } from './run.ts';
import { BROWSER_SIGNERS } from './signers.ts';
import { aws4Signer } from './signers-node.ts';

export function runNodeBench(options: BenchOptions): Promise<EnvResult> {
	return runBench([...BROWSER_SIGNERS, aws4Signer], options);
}
