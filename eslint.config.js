import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';
import layers from './.eslint/import-layers.js';

export default ts.config(
	{ ignores: ['.tmp/', 'build/', 'dist-cli/', '.svelte-kit/', 'node_modules/', 'test-results/', 'bench-results/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
	},
	{
		// Imports run down the layers (DESIGN §2: core → parse, findings → diagnose, learn → case →
		// share, export → state → components → routes), and outside the core only sigv4/index.ts is imported.
		files: ['src/**/*.ts', 'src/**/*.js', 'src/**/*.svelte', 'bench/**/*.ts', 'tests/**/*.ts', 'scripts/**/*.mjs'],
		plugins: { local: layers },
		rules: { 'local/import-layers': 'error' }
	},
	{
		// The core, the parsers and their siblings run in Node as well as in the page: no DOM, no
		// Svelte, no $lib aliases (DESIGN §2).
		files: [
			'src/lib/sigv4/**/*.ts',
			'src/lib/parse/**/*.ts',
			'src/lib/findings/**/*.ts',
			'src/lib/code-in/**/*.ts',
			'src/lib/diagnose/**/*.ts',
			'src/lib/learn/**/*.ts',
			'src/lib/case/**/*.ts',
			'src/lib/share/**/*.ts',
			'src/lib/export/**/*.ts',
			'src/lib/cli/**/*.ts'
		],
		rules: {
			'no-restricted-imports': ['error', { patterns: ['$lib/*', '$app/*', 'svelte', 'svelte/*', '**/*.svelte'] }],
			'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'sessionStorage', 'navigator']
		}
	}
);
