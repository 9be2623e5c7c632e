import type { FindingCode } from '../findings/index.ts';
import { type KeyChain, keyChainText } from '../sigv4/index.ts';
import { DOC_URLS } from './doc-urls.ts';
import type { LearnContext } from './learn-context.ts';
import type { LearnStep } from './types.ts';

interface Link {
	id: string;
	title: string;
	key: keyof KeyChain;
	/** The HMAC's key, named: never the secret itself. */
	keyName: string;
	data: (chain: KeyChain) => string;
	says: (chain: KeyChain) => string;
	mistakes: FindingCode[];
}

const RAW_BYTES = 'keyed with the raw 32 bytes of the previous key (not its hex text)';

const LINKS: Link[] = [
	{
		id: 'k-date',
		title: 'Signing key: kDate',
		key: 'kDate',
		keyName: '"AWS4" + secret',
		data: (c) => c.date,
		says: (c) =>
			`The first HMAC-SHA256 is keyed with the text "AWS4" followed by your secret access key, and its data is the scope's date, ${c.date}. ` +
			'The secret itself appears in no pane and no step.',
		mistakes: ['signing-key-missing-aws4-prefix', 'hmac-key-data-swapped', 'wrong-secret-key', 'secret-key-whitespace']
	},
	{
		id: 'k-region',
		title: 'Signing key: kRegion',
		key: 'kRegion',
		keyName: 'kDate',
		data: (c) => c.region,
		says: (c) => `HMAC-SHA256 ${RAW_BYTES}, kDate, with the region as data: ${c.region}.`,
		mistakes: ['hex-intermediate-keys', 'hmac-key-data-swapped', 'scope-region-mismatch']
	},
	{
		id: 'k-service',
		title: 'Signing key: kService',
		key: 'kService',
		keyName: 'kRegion',
		data: (c) => c.service,
		says: (c) => `HMAC-SHA256 ${RAW_BYTES}, kRegion, with the service's signing name as data: ${c.service}.`,
		mistakes: ['hex-intermediate-keys', 'hmac-key-data-swapped', 'scope-service-mismatch']
	},
	{
		id: 'k-signing',
		title: 'Signing key: kSigning',
		key: 'kSigning',
		keyName: 'kService',
		data: () => 'aws4_request',
		says: () =>
			`HMAC-SHA256 ${RAW_BYTES}, kService, with the fixed text "aws4_request". The result is the signing key; ` +
			'it depends only on the secret, the date, the region and the service, so it serves every request of that day.',
		mistakes: ['signing-key-step-skipped', 'hex-intermediate-keys']
	}
];

/** One HMAC per step, each output highlighted where the Signing key pane prints it. */
export function keyChainSteps(lc: LearnContext): LearnStep[] {
	const chain = lc.trace.keyChain;
	const pane = keyChainText(chain);
	const lineStarts = [0];
	for (let i = pane.indexOf('\n'); i >= 0; i = pane.indexOf('\n', i + 1)) lineStarts.push(i + 1);
	return LINKS.map((link, i) => {
		const hex = chain[link.key];
		const lineStart = lineStarts[i] ?? 0;
		const lineEnd = pane.indexOf('\n', lineStart);
		const line = pane.slice(lineStart, lineEnd < 0 ? pane.length : lineEnd);
		// The pane prints each key after its inputs; find it in its own line, not the first match in the pane.
		const start = lineStart + line.lastIndexOf(hex);
		return {
			id: lc.ids.take(link.id),
			title: link.title,
			reads: `key: ${link.keyName}\ndata: "${link.data(chain)}"`,
			output: hex,
			highlight: { pane: 'signingKey', start, end: start + hex.length },
			explanation: link.says(chain),
			docUrl: DOC_URLS.signature,
			mistakes: link.mistakes
		};
	});
}
