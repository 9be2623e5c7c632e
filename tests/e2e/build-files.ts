import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Monaco's chunk in the built app (`_app/immutable/chunks/….js`), from Vite's manifest. */
export function monacoChunk(): string {
	const manifest = JSON.parse(
		readFileSync(resolve(import.meta.dirname, '../../.svelte-kit/output/client/.vite/manifest.json'), 'utf8')
	) as Record<string, { file: string }>;
	const file = manifest['src/lib/editor/monaco.ts']?.file;
	if (!file) throw new Error('Monaco is not a chunk of its own in this build (src/lib/editor/monaco.ts)');
	return file;
}
