// The import graph of src/ as the code's own import lines draw it (relative and $lib specifiers,
// .svelte files included), for the architecture tests.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, resolveSpecifier } from '../../.eslint/import-layers.js';

export { ROOT };

const SOURCE = /\.(ts|js|svelte)$/;

/** Every file under a root-relative folder, root-relative and `/`-separated. */
export function filesUnder(folder: string): string[] {
	const out: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(join(ROOT, dir)).sort()) {
			const path = `${dir}/${name}`;
			if (statSync(join(ROOT, path)).isDirectory()) walk(path);
			else out.push(path);
		}
	};
	walk(folder);
	return out;
}

export function lineCount(file: string): number {
	const text = readFileSync(join(ROOT, file), 'utf8');
	return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

// `import … from '…'`, `export … from '…'`, `import '…'` and `import('…')`.
const SPECIFIERS = /\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(?\s*['"]([^'"]+)['"]/g;

export function importSpecifiers(text: string): string[] {
	return [...text.matchAll(SPECIFIERS)].map((m) => (m[1] ?? m[2])!);
}

/** The file a resolved path names: as written, or with .ts, .js, .svelte, or as a folder's index. */
function existing(path: string): string | undefined {
	const candidates = [path, `${path}.ts`, `${path}.js`, `${path}.svelte`, `${path}/index.ts`, `${path}/index.js`];
	return candidates.find((c) => existsSync(join(ROOT, c)) && statSync(join(ROOT, c)).isFile());
}

/** For each source file under `folder`, the source files it imports. */
export function importGraph(folder = 'src'): Map<string, string[]> {
	const graph = new Map<string, string[]>();
	for (const file of filesUnder(folder).filter((f) => SOURCE.test(f))) {
		const targets = new Set<string>();
		for (const specifier of importSpecifiers(readFileSync(join(ROOT, file), 'utf8'))) {
			const resolved: string | undefined = resolveSpecifier(join(ROOT, file), specifier);
			const target = resolved === undefined ? undefined : existing(resolved);
			if (target && SOURCE.test(target)) targets.add(target);
		}
		graph.set(file, [...targets].sort());
	}
	return graph;
}

/** Every cycle found by a depth-first walk, each as the files around it (first file repeated last). */
export function cycles(graph: Map<string, string[]>): string[][] {
	const found: string[][] = [];
	const state = new Map<string, 'open' | 'done'>();
	const stack: string[] = [];
	const visit = (file: string) => {
		state.set(file, 'open');
		stack.push(file);
		for (const next of graph.get(file) ?? []) {
			if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
			else if (!state.has(next)) visit(next);
		}
		stack.pop();
		state.set(file, 'done');
	};
	for (const file of graph.keys()) if (!state.has(file)) visit(file);
	return found;
}
