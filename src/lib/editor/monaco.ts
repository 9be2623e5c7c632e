// Loaded lazily by the stage panes: the page is usable before this chunk arrives.
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/unicodeHighlighter/register';
import 'monaco-editor/features/toggleTabFocusMode/register';
import 'monaco-editor/features/unusualLineTerminators/register';
import 'monaco-editor/features/diffEditor/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import type { Provenance } from '../sigv4/index.ts';

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

export { monaco };

const dark = window.matchMedia('(prefers-color-scheme: dark)');
const applyTheme = () => monaco.editor.setTheme(dark.matches ? 'vs-dark' : 'vs');
dark.addEventListener('change', applyTheme);
applyTheme();

/** Each model's provenance, read by the one hover provider. */
const provenanceOf = new WeakMap<monaco.editor.ITextModel, () => Provenance[]>();
export const CANONICAL_LANGUAGE = 'sigv4-canonical-request';
monaco.languages.register({ id: CANONICAL_LANGUAGE });

/** A fence longer than any run of backticks in the text, so user text cannot close it. */
function codeBlock(text: string): string {
	const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((r) => r.length));
	const fence = '`'.repeat(longest + 1);
	return `${fence}text\n${text}\n${fence}`;
}

monaco.languages.registerHoverProvider(CANONICAL_LANGUAGE, {
	provideHover(model, position) {
		const line = provenanceOf
			.get(model)?.()
			.find((p) => p.line === position.lineNumber);
		if (!line) return null;
		const contents: monaco.IMarkdownString[] = [{ value: `**Line ${line.line}: ${line.part.replace('-', ' ')}**` }];
		if (line.input) contents.push({ value: `From:\n${codeBlock(line.input)}` });
		contents.push({ value: line.rules.map((r) => `- ${r.replace(/[\\`*_[\]<>]/g, '\\$&')}`).join('\n') });
		return { contents, range: new monaco.Range(line.line, 1, line.line, model.getLineMaxColumn(line.line)) };
	}
});

export function attachProvenance(model: monaco.editor.ITextModel, get: () => Provenance[]): void {
	provenanceOf.set(model, get);
}
