// The layers of DESIGN §2, imported one way only, and sigv4/index.ts as the core's only door.
// A local rule (the model is SvelteKit's .eslint/no-runtime-to-exports-imports.js): it resolves
// each specifier, relative or `$lib/…`, `import`, `export … from` or `import()`, to a file, and
// checks the folder it lands in against the table below.
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

/** Lowest first. `places`: folders (or single files) relative to the root; `may`: the layers below it that it may import. */
export const LAYERS = [
	{ name: 'sigv4', places: ['src/lib/sigv4'], may: [] },
	{ name: 'parse', places: ['src/lib/parse'], may: ['sigv4'] },
	{ name: 'findings', places: ['src/lib/findings'], may: ['sigv4'] },
	// Code in: signer source read for the SigV4 mistakes it makes (names them with the findings' codes).
	{ name: 'code-in', places: ['src/lib/code-in'], may: ['sigv4', 'findings'] },
	{ name: 'diagnose', places: ['src/lib/diagnose'], may: ['sigv4', 'parse', 'findings'] },
	{ name: 'learn', places: ['src/lib/learn'], may: ['sigv4', 'parse', 'findings'] },
	{ name: 'case', places: ['src/lib/case'], may: ['sigv4', 'parse', 'findings', 'diagnose'] },
	{ name: 'share', places: ['src/lib/share'], may: ['sigv4', 'parse', 'findings', 'diagnose', 'case'] },
	// Code out: a case as a program in another language.
	{ name: 'export', places: ['src/lib/export'], may: ['sigv4', 'parse', 'findings', 'case'] },
	// The command line: the case's pipeline in a terminal; nothing of the page imports it.
	{ name: 'cli', places: ['src/lib/cli'], may: ['sigv4', 'parse', 'findings', 'diagnose', 'case'] },
	{
		name: 'state',
		places: ['src/lib/state', 'src/lib/editor'],
		may: ['sigv4', 'parse', 'findings', 'code-in', 'diagnose', 'learn', 'case', 'share', 'export']
	},
	{
		name: 'components',
		places: ['src/lib/components'],
		may: ['sigv4', 'parse', 'findings', 'code-in', 'diagnose', 'learn', 'case', 'share', 'export', 'state']
	},
	{
		name: 'routes',
		places: ['src/routes'],
		may: ['sigv4', 'parse', 'findings', 'code-in', 'diagnose', 'learn', 'case', 'share', 'export', 'state', 'components']
	}
];

const CORE = 'src/lib/sigv4';
const DOOR = `${CORE}/index.ts`;

/** @param {string} p */
const posix = (p) => p.split(sep).join('/');

/**
 * The file (root-relative, `/`-separated) a specifier names, or undefined for a package.
 * @param {string} fromFile absolute
 * @param {string} specifier
 * @returns {string | undefined}
 */
export function resolveSpecifier(fromFile, specifier, root = ROOT) {
	let target;
	if (specifier.startsWith('./') || specifier.startsWith('../')) target = resolve(dirname(fromFile), specifier);
	else if (specifier === '$lib' || specifier.startsWith('$lib/')) target = resolve(root, 'src/lib', specifier.slice(5));
	else return undefined;
	return posix(relative(root, target.replace(/[?#].*$/, '')));
}

/** @param {string} file @param {string} place */
const inside = (file, place) => file === place || file.startsWith(`${place}/`);

/**
 * The layer a root-relative path belongs to; null for src/lib paths in no layer; undefined outside src/lib and src/routes.
 * @param {string} file
 */
export function layerOf(file) {
	const layer = LAYERS.find((l) => l.places.some((p) => inside(file, p)));
	if (layer) return layer;
	return inside(file, 'src/lib') ? null : undefined;
}

/** The core's door: its folder or index, with or without the extension. */
/** @param {string} file */
const isDoor = (file) => file === CORE || file === DOOR || file === DOOR.slice(0, -3);

/**
 * Why importing `target` from `from` (both root-relative) breaks the layering, or undefined when it does not.
 * @param {string} from
 * @param {string} target
 */
export function layerProblem(from, target) {
	if (!inside(from, CORE) && inside(target, CORE) && !isDoor(target)) {
		return `import the core through ${DOOR} only, not ${target}`;
	}
	const own = layerOf(from);
	if (!own) return undefined;
	const other = layerOf(target);
	if (other === undefined || other === own) return undefined;
	if (other === null) return `${target} is in no layer; put it in one (see .eslint/import-layers.js)`;
	if (!own.may.includes(other.name)) {
		const allowed = own.may.length ? own.may.join(', ') : 'nothing outside itself';
		return `${own.name} may not import ${other.name} (${target}); it may import ${allowed}`;
	}
	return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
const importLayers = {
	meta: {
		type: 'problem',
		docs: { description: 'Imports run down the layers of DESIGN §2; outside the core, only sigv4/index.ts is imported' },
		messages: { layer: '{{problem}}' },
		schema: []
	},
	create(context) {
		const filename = context.filename;
		const from = posix(relative(ROOT, filename));
		/** @param {import('estree').Node | null | undefined} node */
		function check(node) {
			if (!node || node.type !== 'Literal' || typeof node.value !== 'string') return;
			const target = resolveSpecifier(filename, node.value);
			if (target === undefined) return;
			const problem = layerProblem(from, target);
			if (problem) context.report({ node, messageId: 'layer', data: { problem } });
		}
		return {
			ImportDeclaration: (node) => check(node.source),
			ExportNamedDeclaration: (node) => check(node.source),
			ExportAllDeclaration: (node) => check(node.source),
			ImportExpression: (node) => check(node.source)
		};
	}
};

export default { meta: { name: 'local' }, rules: { 'import-layers': importLayers } };
