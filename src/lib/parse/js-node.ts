/** A value read by JsReader, with where it stands in the text. */
export type JsNode =
	| { kind: 'object'; start: number; end: number; entries: { key: string; keyStart: number; value: JsNode }[] }
	| { kind: 'array'; start: number; end: number; items: JsNode[] }
	| { kind: 'string'; start: number; end: number; value: string; interpolated?: boolean }
	| { kind: 'number'; start: number; end: number; value: number; raw: string }
	| { kind: 'literal'; start: number; end: number; value: boolean | null | undefined }
	| { kind: 'expression'; start: number; end: number; source: string };

/** The node as a plain value: expressions become undefined. */
export function toPlain(node: JsNode | undefined): unknown {
	if (!node) return undefined;
	switch (node.kind) {
		case 'object': {
			const out: Record<string, unknown> = {};
			// defineProperty, so that a "__proto__" key stays a key.
			for (const e of node.entries) {
				if (e.key !== '...')
					Object.defineProperty(out, e.key, { value: toPlain(e.value), enumerable: true, writable: true, configurable: true });
			}
			return out;
		}
		case 'array':
			return node.items.map(toPlain);
		case 'string':
		case 'number':
		case 'literal':
			return node.value;
		default:
			return undefined;
	}
}

/** The entry named `key` (case-insensitive) of an object node. */
export function entryOf(node: JsNode | undefined, key: string): JsNode | undefined {
	if (!node || node.kind !== 'object') return undefined;
	const lower = key.toLowerCase();
	for (let i = node.entries.length - 1; i >= 0; i--) if (node.entries[i]!.key.toLowerCase() === lower) return node.entries[i]!.value;
	return undefined;
}
