import { parseCredential, type ParsedCredential } from './credential-scope.ts';

/**
 * A problem inside an Authorization value; `index` is the character it starts at within the value.
 * `clause` is how a diagnosis names it inside one sentence ("… is malformed: <clause>; <clause>");
 * a problem without one (the algorithm's name) is reported by the diagnosis on its own terms.
 */
export interface ValueProblem {
	index: number;
	message: string;
	fix: string;
	clause?: string;
}

/** An Authorization value, read leniently so that each defect can be named and located. */
export interface ParsedAuthorization {
	/** The value as given. */
	text: string;
	kind: 'sigv4' | 'sigv4a' | 'sigv2' | 'other';
	/** The first word as written: AWS4-HMAC-SHA256, AWS for Signature Version 2, or anything else. */
	scheme: string;
	/** The Credential value as written (white space kept: it is a defect of its own). */
	credential?: string;
	/** The credential's parts, when it has no white space in it and the scope's shape. */
	scope?: ParsedCredential;
	/** The SignedHeaders value as written ("host;x-amz-date"). */
	signedHeaders?: string;
	signature?: string;
	/** The credential has white space inside (the access key pasted with a space). */
	credentialWhitespace: boolean;
	/** Signature Version 2: "AWS AKID:signature". */
	sigv2?: { accessKeyId: string; signature: string };
	problems: ValueProblem[];
}

const COMPONENTS = ['Credential', 'SignedHeaders', 'Signature'] as const;
type Component = (typeof COMPONENTS)[number];
const SIGV4_ALGORITHMS = ['AWS4-HMAC-SHA256', 'AWS4-ECDSA-P256-SHA256'];
const FORM =
	'Write it as "AWS4-HMAC-SHA256 Credential=AKID/YYYYMMDD/region/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=<64 hex>".';

function componentNamed(key: string): Component | undefined {
	return COMPONENTS.find((c) => c.toLowerCase() === key.toLowerCase());
}

/** The comma-separated items after the algorithm, each with where it starts in the value. */
function items(rest: string, restStart: number): { text: string; index: number }[] {
	const out: { text: string; index: number }[] = [];
	let offset = 0;
	for (const part of rest.split(',')) {
		const lead = part.length - part.trimStart().length;
		out.push({ text: part.trim(), index: restStart + offset + lead });
		offset += part.length + 1;
	}
	return out;
}

/**
 * Reads an Authorization value the way AWS does: the algorithm, a space, then comma-separated
 * components. Both "a, b" (the suites) and "a,b" (the S3 docs) are in use. A component that
 * follows another without a comma is still read, and the missing comma named.
 */
export function parseAuthorization(raw: string): ParsedAuthorization {
	const value = raw.replace(/\r?\n[ \t]+/g, ' ');
	const lead = value.length - value.trimStart().length;
	const v = value.trim();
	const space = v.search(/\s/);
	const scheme = space === -1 ? v : v.slice(0, space);
	const result: ParsedAuthorization = { text: raw, kind: 'other', scheme, credentialWhitespace: false, problems: [] };
	const problems = result.problems;
	const add = (index: number, message: string, fix: string, clause?: string) =>
		problems.push({ index, message, fix, ...(clause !== undefined ? { clause } : {}) });

	if (scheme === 'AWS') {
		const v2 = /^AWS\s+([^:\s]+):(\S*)\s*$/.exec(v);
		if (v2) {
			result.kind = 'sigv2';
			result.sigv2 = { accessKeyId: v2[1]!, signature: v2[2]! };
		}
		return result;
	}
	const upper = scheme.toUpperCase();
	if (!SIGV4_ALGORITHMS.includes(upper)) {
		if (!/^AWS4-/i.test(scheme)) return result;
		const glued = /=/.test(scheme)
			? `there is no space between the algorithm and ${JSON.stringify(scheme.slice(scheme.search(/[A-Z][a-z]+=/)))}`
			: undefined;
		add(lead, `"${scheme}" is not a SigV4 algorithm name.`, FORM, glued);
	} else if (scheme !== upper) {
		add(lead, `The algorithm is written "${scheme}"; AWS expects "${upper}".`, FORM);
	}
	const asymmetric = upper === 'AWS4-ECDSA-P256-SHA256';
	result.kind = asymmetric ? 'sigv4a' : 'sigv4';
	const rest = space === -1 ? '' : v.slice(space);
	const restStart = lead + (space === -1 ? v.length : space);
	const seen = new Set<Component>();
	const queue = items(rest, restStart);
	for (let k = 0; k < queue.length; k++) {
		const { text: item, index } = queue[k]!;
		if (item === '') {
			if (rest.trim() !== '')
				add(
					index,
					'The Authorization header has an empty component.',
					FORM,
					'there is an empty component (two commas in a row, or a comma at the end)'
				);
			continue;
		}
		const eq = item.indexOf('=');
		if (eq <= 0) {
			add(index, `"${item}" is not a key=value pair.`, FORM, `"${item}" is not a key=value pair (missing "=")`);
			continue;
		}
		const key = item.slice(0, eq).trimEnd();
		let text = item.slice(eq + 1).trimStart();
		const valueAt = index + item.length - text.length;
		const known = componentNamed(key);
		if (!known) {
			add(
				index,
				`"${key}" is not a component of a SigV4 Authorization header.`,
				FORM,
				`"${key}" is not a component of a SigV4 Authorization header`
			);
			continue;
		}
		if (known !== key)
			add(
				index,
				`"${key}" is spelled with the wrong case; write ${known}.`,
				FORM,
				`"${key}" is spelled with the wrong case; write ${known}`
			);
		if (seen.has(known)) add(index, `${known} appears twice.`, FORM, `${known} appears twice`);
		if (/\s/.test(text)) {
			const next = /\s+([A-Za-z]+)=/.exec(text);
			if (next && componentNamed(next[1]!)) {
				add(valueAt + next.index, `There is no comma before ${next[1]}=.`, FORM, `there is no comma before ${next[1]}=`);
				// The rest is read as the next item, as if the comma were there.
				const after = next.index + next[0].length - next[1]!.length - 1;
				queue.splice(k + 1, 0, { text: text.slice(after), index: valueAt + after });
				text = text.slice(0, next.index);
			} else if (known === 'Credential') {
				result.credentialWhitespace = true;
				const word = /\s+(\S+)/.exec(text)![1]!;
				add(
					index,
					`The Credential value is followed by "${word}" before the next comma: a space inside the access key id or the scope?`,
					'Remove the white space from the access key id and the scope.'
				);
			} else {
				add(index, `${known} contains white space.`, FORM, `${known} contains white space`);
			}
		}
		if (seen.has(known)) continue;
		seen.add(known);
		if (known === 'Credential') {
			result.credential = text;
			const parsed = result.credentialWhitespace ? undefined : parseCredential(text, asymmetric);
			if (parsed) result.scope = parsed;
			else if (!result.credentialWhitespace)
				add(
					index,
					`Credential "${text}" should be ${asymmetric ? 'AKID/YYYYMMDD/service/aws4_request' : 'AKID/YYYYMMDD/region/service/aws4_request'}.`,
					'Put the access key id, the date, the region, the service and "aws4_request", separated by "/", after Credential=.'
				);
		} else if (known === 'SignedHeaders') result.signedHeaders = text;
		else result.signature = text;
	}
	const missing = COMPONENTS.filter((c) => !seen.has(c));
	if (missing.length > 0) {
		problems.push({
			index: lead,
			message: `The Authorization header has no ${missing.join(', ')} component${missing.length > 1 ? 's' : ''}.`,
			fix: FORM,
			clause: missing.map((c) => `the ${c} component is missing`).join('; ')
		});
	}
	return result;
}

/** Where an Authorization value starts in a line such as "Authorization: AWS4-…" or the bare value. */
export function authorizationValueIn(line: string): { value: string; index: number } | undefined {
	const m = /^(\s*(?:>\s*)?["']?authorization["']?\s*[:=]\s*)(.*)$/i.exec(line);
	if (m) return { value: stripTrailing(m[2]!), index: m[1]!.length };
	const bare = /^\s*(AWS4-[A-Z0-9-]+\s+Credential\s*=.*)$/i.exec(line);
	if (bare) return { value: bare[1]!, index: line.length - bare[1]!.length };
	return undefined;
}

/** Drops the quotes and commas a header copied out of code or JSON ends with (a loop, not a regex: no backtracking). */
export function stripTrailing(value: string): string {
	let end = value.trimEnd().length;
	while (end > 0 && `"',`.includes(value[end - 1]!)) end--;
	return value.slice(0, end).trimEnd();
}
