// `npm run build:cli`: the command line (src/lib/cli/) as one ESM file Node 20 runs as it is,
// with every dependency inside, so `npx sigv4-debugger` and `npm pack` need nothing else.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
export const CLI_ENTRY = resolve(ROOT, 'src/lib/cli/main.ts');
export const CLI_OUTFILE = resolve(ROOT, 'dist-cli/sigv4-debugger.mjs');

/** Bundles the CLI into `outfile`; returns its path. */
export async function buildCli(outfile = CLI_OUTFILE) {
	await build({
		entryPoints: [CLI_ENTRY],
		outfile,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		banner: { js: '#!/usr/bin/env node' },
		legalComments: 'none',
		logLevel: 'warning'
	});
	chmodSync(outfile, 0o755);
	return outfile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const out = await buildCli();
	console.log(`CLI built: ${out}`);
}
