import type { ImportBuilder } from './import-builder.ts';
import { splitLines, stripCr } from './text-position.ts';
import type { SigningKeys } from './types.ts';

type KeyName = keyof SigningKeys | 'signature';

const CHAIN: (keyof SigningKeys)[] = ['kDate', 'kRegion', 'kService', 'kSigning'];

/** "kDate: ab12…", "kRegion = …", "Signing key: …", "DateKey …", "Signature: …" (a label, then 64 hex digits). */
const LABELLED =
	/^[\s"'`*#>-]*([A-Za-z][A-Za-z _-]{0,30}?)\s*(?:\([^)]{0,20}\))?\s*["']?\s*[:=\t ]\s*["'`]?(?:0x)?([0-9A-Fa-f]{64})["'`]?[,;]?\s*$/;

function keyName(label: string): KeyName | undefined {
	const l = label.toLowerCase().replace(/[^a-z]/g, '');
	switch (l.replace(/key$/, '').replace(/^k(?=[a-z]{4,})/, '')) {
		case 'date':
			return 'kDate';
		case 'region':
			return 'kRegion';
		case 'service':
			return 'kService';
		case 'signing':
		case 'final':
			return 'kSigning';
		case 'signature':
		case 'sig':
			return 'signature';
		default:
			return undefined;
	}
}

/** The 1-based lines of the keys read, by name. */
interface KeyLines {
	keys: SigningKeys;
	signature?: string;
	/** Line indexes (0-based) that held a key or the signature. */
	used: Set<number>;
}

/** Reads labelled key lines anywhere in the lines; undefined when there is none. */
function readLabelled(lines: string[]): KeyLines | undefined {
	const out: KeyLines = { keys: {}, used: new Set() };
	let keys = 0;
	lines.forEach((raw, i) => {
		// Runs of white space collapsed first: LABELLED's neighbouring \s* would try every split of a
		// long run (4,800 spaces took minutes). A key line is a label and 64 hex digits, never long.
		const line = stripCr(raw).replace(/\s+/g, ' ');
		const m = line.length > 200 ? null : LABELLED.exec(line);
		if (!m) return;
		const name = keyName(m[1]!);
		if (!name) return;
		const hex = m[2]!.toLowerCase();
		if (name === 'signature') out.signature ??= hex;
		else if (out.keys[name] === undefined) {
			out.keys[name] = hex;
			keys++;
		} else return;
		out.used.add(i);
	});
	return keys > 0 ? out : undefined;
}

/** Four (or five, with the signature) lines of 64 hex digits and nothing else: kDate … kSigning in chain order. */
function readUnlabelled(lines: string[]): KeyLines | undefined {
	const content = lines.map((l, i) => [stripCr(l).trim(), i] as const).filter(([l]) => l !== '');
	if (content.length < 4 || content.length > 5 || !content.every(([l]) => /^(?:0x)?[0-9A-Fa-f]{64}$/.test(l))) return undefined;
	const out: KeyLines = { keys: {}, used: new Set(content.map(([, i]) => i)) };
	content.forEach(([l], k) => {
		const hex = l.replace(/^0x/, '').toLowerCase();
		if (k < 4) out.keys[CHAIN[k]!] = hex;
		else out.signature = hex;
	});
	return out;
}

/** Does the text list signing keys (labelled, or four to five bare 64-hex lines)? */
export function hasSigningKeys(text: string): boolean {
	const lines = splitLines(text);
	return readLabelled(lines) !== undefined || readUnlabelled(lines) !== undefined;
}

/**
 * Reads the user's signing-key chain into provided.signingKeys (and a signature line into
 * provided.signature). Returns the 0-based indexes of the lines read, or undefined when the text
 * lists no key.
 */
export function addSigningKeys(b: ImportBuilder, from = 0): Set<number> | undefined {
	const lines = splitLines(b.text);
	const firstLine = b.lines.at(from).line - 1;
	const scope = lines.map((l, i) => (i < firstLine ? '' : l));
	const read = readLabelled(scope) ?? readUnlabelled(scope);
	if (!read) return undefined;
	const existing = b.provided.signingKeys;
	b.provided.signingKeys = { ...read.keys, ...existing };
	if (read.signature) b.setProvided('signature', read.signature, 'the signature line');
	addScopeWords(b, scope, read.used);
	const given = CHAIN.filter((k) => read.keys[k] !== undefined);
	b.note(
		`Your signing keys: ${given.join(', ')}${read.signature ? ', and the signature' : ''}. They are compared one by one with the chain derived from the secret entered here (HMAC("AWS4" + secret, date), then region, service, "aws4_request").`
	);
	return read.used;
}

/**
 * The scope a key list names beside its keys ("date 20120215, region us-east-1, service iam", or a
 * credential scope 20120215/us-east-1/iam/aws4_request): the keys are derived from it. Only the
 * date is given, so the time is set to midnight, which no signing key depends on (and said).
 */
function addScopeWords(b: ImportBuilder, lines: string[], used: Set<number>): void {
	const text = lines.filter((_, i) => !used.has(i)).join('\n');
	const scope = /\b(\d{8})\/([a-z]{2}(?:-[a-z]+)+-\d)\/([a-z0-9-]+)\/aws4_request\b/.exec(text);
	const date = scope?.[1] ?? /\bdate\s*[:=]?\s*["']?(\d{8})\b/i.exec(text)?.[1];
	const region = scope?.[2] ?? /\bregion\s*[:=]?\s*["']?([a-z]{2}(?:-[a-z]+)+-\d)\b/i.exec(text)?.[1];
	const service = scope?.[3] ?? /\bservice\s*[:=]?\s*["']?([a-z][a-z0-9-]*)\b/i.exec(text)?.[1];
	const source = 'the scope beside your signing keys';
	if (region) b.setParam('region', region, source);
	if (service) b.setParam('service', service, source);
	if (date && b.params.datetime === undefined) {
		b.setParam('datetime', `${date}T000000Z`, source);
		b.note(`Only the date (${date}) is given beside the keys: the time is set to 00:00:00, which no signing key depends on.`);
	}
}

/** A paste that is a list of signing keys, maybe with other evidence (a string to sign, an error) around it. */
export function importSigningKeys(b: ImportBuilder, readRest: (b: ImportBuilder, lines: string[]) => boolean): boolean {
	const used = addSigningKeys(b);
	if (!used) return false;
	const lines = splitLines(b.text);
	const rest = lines.map((l, i) => (used.has(i) ? '' : l));
	const others = rest.some((l) => l.trim() !== '') && readRest(b, rest);
	if (!others) b.kind = 'signing-keys';
	else b.note('The signing keys are read too.');
	return true;
}
