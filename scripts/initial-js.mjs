// The JavaScript a browser needs before the page is usable: what build/index.html loads or
// preloads. The lazily imported editor (Monaco) is not in it. Printed after `npm run build`.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUDGET_BYTES = 150 * 1024;

export function initialJs(buildDir = resolve(fileURLToPath(import.meta.url), '../../build')) {
	const html = readFileSync(join(buildDir, 'index.html'), 'utf8');
	const files = new Set();
	for (const m of html.matchAll(/(?:href|src)="\.?\/?([^"]+\.js)"/g)) files.add(m[1]);
	for (const m of html.matchAll(/import\("\.?\/?([^"]+\.js)"\)/g)) files.add(m[1]);
	const list = [...files].map((file) => {
		const bytes = readFileSync(join(buildDir, file));
		return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
	});
	return { files: list, gzip: list.reduce((n, f) => n + f.gzip, 0), raw: list.reduce((n, f) => n + f.raw, 0) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const { files, gzip, raw } = initialJs();
	const kb = (/** @type {number} */ n) => `${(n / 1024).toFixed(1)} KB`;
	console.log(
		`JS before the page is usable: ${kb(gzip)} gzipped (${kb(raw)} raw) in ${files.length} files; budget ${kb(BUDGET_BYTES)} gzipped.`
	);
	if (gzip > BUDGET_BYTES) {
		console.error('Over budget.');
		process.exit(1);
	}
}
