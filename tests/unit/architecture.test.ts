// The house rules of DESIGN §2 as checks: imports run down the layers (lint, proved to bite here),
// the core is entered by its index only, no import cycle, and no file grows past a size a reader can hold.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { cycles, filesUnder, importGraph, lineCount, ROOT } from '../helpers/source-graph.ts';

const RULE = 'local/import-layers';

describe('lint: imports run down the layers', () => {
	// The fixtures are not on disk, so the type-aware parse of .svelte files (the project service) is off for them.
	const eslint = new ESLint({
		cwd: ROOT,
		overrideConfig: { files: ['**/*.svelte'], languageOptions: { parserOptions: { projectService: false } } }
	});

	/** The import-layers messages for `code` linted as if it were the file at `path`. */
	async function layerErrors(path: string, code: string): Promise<string[]> {
		const [result] = await eslint.lintText(code, { filePath: `${ROOT}/${path}` });
		expect(result!.messages.filter((m) => m.fatal)).toEqual([]);
		return result!.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
	}

	it('rejects an upward import from the core (relative specifier)', async () => {
		const errors = await layerErrors(
			'src/lib/sigv4/fixture.ts',
			"import { importText } from '../parse/index.ts';\nexport const f = importText;\n"
		);
		expect(errors).toEqual([expect.stringContaining('sigv4 may not import parse')]);
	});

	it("rejects a deep import past the core's door, from src/ and from the tests", async () => {
		const errors = await layerErrors(
			'src/lib/diagnose/fixture.ts',
			"import { sha256Hex } from '../sigv4/crypto.ts';\nexport const f = sha256Hex;\n"
		);
		expect(errors).toEqual([expect.stringContaining('through src/lib/sigv4/index.ts only')]);
		const fromTests = await layerErrors(
			'tests/unit/fixture.test.ts',
			"import { toHex } from '../../src/lib/sigv4/encoding.ts';\nexport const f = toHex;\n"
		);
		expect(fromTests).toEqual([expect.stringContaining('through src/lib/sigv4/index.ts only')]);
	});

	it('rejects upward imports written with $lib in a component, and import() and export … from', async () => {
		const svelte = '<script lang="ts">\n\timport Page from \'$lib/../routes/+page.svelte\';\n</script>\n\n<Page />\n';
		expect(await layerErrors('src/lib/components/Fixture.svelte', svelte)).toEqual([
			expect.stringContaining('components may not import routes')
		]);
		const dynamic = "export const load = () => import('../state/debugger.svelte.ts');\nexport { x } from '../share/index.ts';\n";
		expect(await layerErrors('src/lib/parse/fixture.ts', dynamic)).toEqual([
			expect.stringContaining('parse may not import state'),
			expect.stringContaining('parse may not import share')
		]);
	});

	it('keeps the export layer between case and state', async () => {
		expect(
			await layerErrors('src/lib/export/fixture.ts', "import { app } from '../state/app.svelte.ts';\nexport const f = app;\n")
		).toEqual([expect.stringContaining('export may not import state')]);
		expect(
			await layerErrors('src/lib/case/fixture.ts', "import { exportSigner } from '../export/index.ts';\nexport const f = exportSigner;\n")
		).toEqual([expect.stringContaining('case may not import export')]);
		const ok = "import { exportSigner } from '../export/index.ts';\nexport const f = exportSigner;\n";
		expect(await layerErrors('src/lib/state/fixture.ts', ok)).toEqual([]);
		expect(
			await layerErrors('src/lib/export/fixture.ts', "import { paramsOf } from '../case/index.ts';\nexport const f = paramsOf;\n")
		).toEqual([]);
	});

	it('keeps the command line beside the page: it reads the case, nothing below it or of the page reads it', async () => {
		const ok = "import { analyze } from '../case/index.ts';\nexport const f = analyze;\n";
		expect(await layerErrors('src/lib/cli/fixture.ts', ok)).toEqual([]);
		expect(await layerErrors('src/lib/cli/fixture.ts', "import { app } from '../state/app.svelte.ts';\nexport const f = app;\n")).toEqual([
			expect.stringContaining('cli may not import state')
		]);
		expect(await layerErrors('src/lib/case/fixture.ts', "import { runCli } from '../cli/run-cli.ts';\nexport const f = runCli;\n")).toEqual(
			[expect.stringContaining('case may not import cli')]
		);
	});

	it('accepts imports that run down through the door', async () => {
		const ts =
			"import { signRequest } from '../sigv4/index.ts';\nimport { FINDING_CODES } from '../findings/index.ts';\nexport const f = [signRequest, FINDING_CODES];\n";
		expect(await layerErrors('src/lib/diagnose/fixture.ts', ts)).toEqual([]);
		expect(
			await layerErrors('src/lib/sigv4/fixture.ts', "import { uriEncode } from './encoding.ts';\nexport const f = uriEncode;\n")
		).toEqual([]);
		const svelte =
			"<script lang=\"ts\">\n\timport { signRequest } from '$lib/sigv4';\n\timport { app } from '$lib/state/app.svelte';\n\tconsole.log(signRequest, app);\n</script>\n";
		expect(await layerErrors('src/routes/fixture/+page.svelte', svelte)).toEqual([]);
	});
});

describe('the import graph of src/', () => {
	const graph = importGraph('src');

	it('is read from the code (the scanner finds the known edges)', () => {
		expect(graph.size).toBeGreaterThan(100);
		expect(graph.get('src/lib/sigv4/sign.ts')).toContain('src/lib/sigv4/signature.ts');
		const svelteEdges = [...graph].filter(([f, to]) => f.endsWith('.svelte') && to.some((t) => t.startsWith('src/lib/')));
		expect(svelteEdges.length).toBeGreaterThan(0);
	});

	it('the cycle finder finds a planted cycle', () => {
		const planted = new Map([
			['a.ts', ['b.ts']],
			['b.ts', ['c.ts']],
			['c.ts', ['a.ts', 'd.ts']],
			['d.ts', []]
		]);
		expect(cycles(planted)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
	});

	it('has no cycle (type-only and lazy imports included)', () => {
		expect(cycles(graph).map((c) => c.join(' → '))).toEqual([]);
	});
});

describe('file sizes', () => {
	const LIMIT = 300;
	// Data tables, where length is honest: the finding codes and the forensics catalogues.
	const TABLES = [/^src\/lib\/findings\/codes\.ts$/, /^src\/lib\/diagnose\/(.+\/)?[^/]*catalogue[^/]*\.ts$/];

	it(`no file in src/ is over ${LIMIT} lines, but the data tables`, () => {
		const long = filesUnder('src')
			.filter((f) => !TABLES.some((t) => t.test(f)))
			.map((f) => `${f}: ${lineCount(f)}`)
			.filter((entry) => Number(entry.split(': ')[1]) > LIMIT);
		expect(long).toEqual([]);
	});

	it('the state class stays a thin shell: src/lib/state/debugger.svelte.ts ≤ 250 lines', () => {
		expect(lineCount('src/lib/state/debugger.svelte.ts')).toBeLessThanOrEqual(250);
	});
});
