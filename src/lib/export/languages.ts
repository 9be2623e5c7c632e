import { apexSigner } from './apex.ts';
import { browserSigner } from './browser.ts';
import { csharpSigner } from './csharp.ts';
import { curlSigner } from './curl.ts';
import { goSigner } from './go.ts';
import { javaSigner } from './java.ts';
import { nodeSigner } from './node.ts';
import { phpSigner } from './php.ts';
import { pythonSigner } from './python.ts';
import { rubySigner } from './ruby.ts';
import type { SignerSpec } from './signer-spec.ts';

/** The languages a case can be exported to. */
export const LANGUAGES = ['python', 'node', 'browser', 'java', 'go', 'php', 'ruby', 'csharp', 'apex', 'curl'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface LanguageInfo {
	label: string;
	filename: string;
	/** The command that runs the program, from the folder it is saved in. */
	run: string;
	generate: (spec: SignerSpec) => string;
}

export const LANGUAGE_INFO: Record<Language, LanguageInfo> = {
	python: { label: 'Python', filename: 'sign.py', run: 'python3 sign.py', generate: pythonSigner },
	node: { label: 'JavaScript (Node.js)', filename: 'sign.mjs', run: 'node sign.mjs', generate: nodeSigner },
	browser: {
		label: 'JavaScript (browser, WebCrypto)',
		filename: 'sign-browser.mjs',
		run: 'node sign-browser.mjs',
		generate: browserSigner
	},
	java: { label: 'Java', filename: 'SignRequest.java', run: 'java SignRequest.java', generate: javaSigner },
	go: { label: 'Go', filename: 'sign.go', run: 'go run sign.go', generate: goSigner },
	php: { label: 'PHP', filename: 'sign.php', run: 'php sign.php', generate: phpSigner },
	ruby: { label: 'Ruby', filename: 'sign.rb', run: 'ruby sign.rb', generate: rubySigner },
	csharp: { label: 'C#', filename: 'SignRequest.cs', run: 'mcs SignRequest.cs && mono SignRequest.exe', generate: csharpSigner },
	apex: {
		label: 'Apex',
		filename: 'SignRequest.cls',
		run: 'SignRequest.main(); (Execute Anonymous, after deploying the class)',
		generate: apexSigner
	},
	curl: { label: 'curl --aws-sigv4', filename: 'sign.sh', run: 'sh sign.sh', generate: curlSigner }
};
