import { fromHex } from '../../sigv4/index.ts';
import { safeDecode } from '../../parse/index.ts';
import { compatible, mistakesFor, type Mistake } from './catalogue.ts';
import { report } from './report.ts';
import type { Candidate, ForensicsResult, Search, Target } from './search-types.ts';

export type { ForensicsResult } from './search-types.ts';
import { buildModel, type Model } from './model.ts';
import { fromBase64, PlanSigner } from './plan-signer.ts';
import type { Evidence } from '../types.ts';

export interface PairSearchOptions {
	signal?: AbortSignal;
	onProgress?: (done: number, total: number) => void;
}

export interface TripleSearchOptions extends PairSearchOptions {
	/** Time bound for the triples, in ms (the pairs before them are not bounded). Default 2000. */
	budgetMs?: number;
	/** Called once the pairs are done, with their time (the bench reports both). */
	onPairsDone?: (ms: number) => void;
}

/** The triples' default time bound (DESIGN §8: triples within 2 s). */
export const TRIPLES_BUDGET_MS = 2000;

/** Messages to and from forensics.worker.ts. */
export type ForensicsWorkerRequest =
	| { type: 'pairs'; evidence: Evidence; secret: string }
	| { type: 'triples'; evidence: Evidence; secret: string; budgetMs?: number }
	| { type: 'cancel' };
export type ForensicsWorkerMessage =
	| { type: 'progress'; done: number; total: number }
	| { type: 'pairs-done'; ms: number }
	| { type: 'result'; result: ForensicsResult }
	| { type: 'error'; message: string };

/** The user's signature as they gave it: alone, in an Authorization header or in a presigned URL. */
export function targetSignature(evidence: Evidence): string | undefined {
	const p = evidence.provided ?? {};
	const fromUrl = /[?&]X-Amz-Signature=([^&#]*)/i.exec(p.signedUrl ?? '')?.[1];
	const candidates = [p.signature, /Signature=([^,\s]+)/.exec(p.authorization ?? '')?.[1], fromUrl && safeDecode(fromUrl)];
	return candidates.map((c) => c?.trim()).find((c) => !!c);
}

/** Compared as bytes, so that an uppercase or base64 signature still confirms the mistake behind it. */
function parseTarget(text: string): Target | undefined {
	if (/^[0-9a-fA-F]{64}$/.test(text))
		return { text, bytes: fromHex(text.toLowerCase()), form: text === text.toLowerCase() ? 'hex' : 'upper' };
	if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) {
		try {
			const bytes = fromBase64(text.length === 43 ? `${text}=` : text);
			if (bytes.length === 32) return { text, bytes, form: 'base64' };
		} catch {
			return undefined;
		}
	}
	return undefined;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
}

async function prepare(evidence: Evidence, secret: string): Promise<Search | undefined> {
	const text = targetSignature(evidence);
	const target = text === undefined ? undefined : parseTarget(text);
	if (!target || !secret) return undefined;
	let model: Model;
	try {
		model = await buildModel(evidence, secret);
	} catch {
		// A request the core cannot sign is reported by diagnose; forensics has nothing to add.
		return undefined;
	}
	const signer = new PlanSigner(model, secret);
	const base = signer.render(model.base);
	// The renderer must reproduce the core exactly, or every candidate would be off by the difference.
	if (base.canonicalRequest !== model.trace.canonicalRequest) return undefined;
	const singles: Candidate[] = [];
	const formats: Mistake[] = [];
	for (const mistake of mistakesFor(model)) {
		if (mistake.format) {
			formats.push(mistake);
			continue;
		}
		const plan = mistake.apply(model.base);
		const rendered = signer.render(plan);
		if (rendered.id !== base.id) singles.push({ mistakes: [mistake], plan, rendered });
	}
	return { model, signer, target, singles, formats, baseId: base.id };
}

const BATCH = 64;

/** Signs candidates a batch at a time (WebCrypto runs them concurrently) and keeps those that match. */
async function matching(search: Search, candidates: Candidate[]): Promise<Candidate[]> {
	const found: Candidate[] = [];
	const signatures = await Promise.all(candidates.map((c) => search.signer.signature(c.plan, c.rendered)));
	signatures.forEach((bytes, i) => {
		if (sameBytes(bytes, search.target.bytes)) found.push(candidates[i]!);
	});
	return found;
}

/**
 * Single mistakes: each mistake of the catalogue that changes the signature, applied alone to the
 * correct stages and re-signed. Returns the ones that reproduce the user's signature exactly.
 */
export async function searchSingleMistakes(evidence: Evidence, secret: string): Promise<ForensicsResult> {
	const search = await prepare(evidence, secret);
	if (!search) return { findings: [], tried: 0 };
	return (await singleResult(search)) ?? { findings: [], tried: search.signer.tried };
}

/** The answer from single mistakes, or undefined when none reproduces the signature. */
async function singleResult(search: Search): Promise<ForensicsResult | undefined> {
	if (search.target.text === search.model.trace.signature) return { findings: [], tried: 0 };
	// Right bytes, wrong form: the only mistake is how the signature is written.
	if (sameBytes(search.target.bytes, fromHex(search.model.trace.signature))) return report(search, []);
	const found: Candidate[] = [];
	for (let i = 0; i < search.singles.length; i += BATCH) found.push(...(await matching(search, search.singles.slice(i, i + BATCH))));
	return found.length > 0 ? report(search, found) : undefined;
}

/**
 * Lets messages (a cancel) in between batches. A MessageChannel round trip, not setTimeout(0),
 * which browsers clamp to 4 ms once nested: dozens of batches would add a tenth of a second.
 */
function yieldToEventLoop(): Promise<void> {
	if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		channel.port1.onmessage = () => {
			channel.port1.close();
			resolve();
		};
		channel.port2.postMessage(null);
	});
}

/**
 * Pairs of compatible mistakes (those that change different things), after the singles. Yields to
 * the event loop between batches, reports progress and stops when the signal aborts.
 */
export async function searchMistakePairs(evidence: Evidence, secret: string, opts: PairSearchOptions = {}): Promise<ForensicsResult> {
	opts.signal?.throwIfAborted();
	const search = await prepare(evidence, secret);
	if (!search) return { findings: [], tried: 0 };
	// The simplest explanation first: a single mistake that reproduces the signature ends the search.
	const single = await singleResult(search);
	if (single) return single;
	opts.signal?.throwIfAborted();
	const found = await pairs(search, opts);
	return found.length > 0 ? report(search, found) : { findings: [], tried: search.signer.tried, depth: 'pairs' };
}

/**
 * Triples of compatible mistakes, after the singles and the pairs, within a time bound: the
 * triples are tried in catalogue order (the likeliest kinds first) until one reproduces the
 * signature or the time is up (`timedOut` says so).
 */
export async function searchMistakeTriples(evidence: Evidence, secret: string, opts: TripleSearchOptions = {}): Promise<ForensicsResult> {
	const { signal, onProgress } = opts;
	signal?.throwIfAborted();
	const search = await prepare(evidence, secret);
	if (!search) return { findings: [], tried: 0 };
	const single = await singleResult(search);
	if (single) return single;
	const pairsStarted = performance.now();
	const pairFound = await pairs(search, { ...(signal ? { signal } : {}) });
	opts.onPairsDone?.(performance.now() - pairsStarted);
	if (pairFound.length > 0) return report(search, pairFound);

	const deadline = performance.now() + (opts.budgetMs ?? TRIPLES_BUDGET_MS);
	const { singles } = search;
	const n = singles.length;
	const ok = (a: Candidate, b: Candidate) => compatible(a.mistakes[0]!, b.mistakes[0]!);
	const found: Candidate[] = [];
	let batch: Candidate[] = [];
	let timedOut = false;
	let done = 0;
	for (let i = 0; i < n && !timedOut && found.length === 0; i++) {
		const a = singles[i]!;
		for (let j = i + 1; j < n && !timedOut && found.length === 0; j++) {
			const b = singles[j]!;
			if (!ok(a, b)) continue;
			const ab = b.mistakes[0]!.apply(a.plan);
			for (let k = j + 1; k < n; k++) {
				const c = singles[k]!;
				if (!ok(a, c) || !ok(b, c)) continue;
				const plan = c.mistakes[0]!.apply(ab);
				const rendered = search.signer.render(plan);
				done++;
				// A triple that renders like one of its parts was tried as that part (the signer caches by id).
				if (rendered.id === a.rendered.id || rendered.id === b.rendered.id || rendered.id === c.rendered.id) continue;
				batch.push({ mistakes: [a.mistakes[0]!, b.mistakes[0]!, c.mistakes[0]!], plan, rendered });
				if (batch.length >= BATCH) {
					found.push(...(await matching(search, batch)));
					batch = [];
					onProgress?.(done, 0);
					if (performance.now() > deadline) timedOut = true;
					await yieldToEventLoop();
					signal?.throwIfAborted();
					if (timedOut || found.length > 0) break;
				}
			}
		}
	}
	if (!timedOut) found.push(...(await matching(search, batch)));
	if (found.length > 0) return report(search, found);
	return { findings: [], tried: search.signer.tried, depth: 'triples', timedOut };
}

/** The pairs that reproduce the signature (none when no pair does). */
async function pairs(search: Search, opts: PairSearchOptions): Promise<Candidate[]> {
	const { signal, onProgress } = opts;
	const { singles } = search;
	let total = 0;
	for (let i = 0; i < singles.length; i++)
		for (let j = i + 1; j < singles.length; j++) if (compatible(singles[i]!.mistakes[0]!, singles[j]!.mistakes[0]!)) total++;
	onProgress?.(0, total);

	const found: Candidate[] = [];
	let batch: Candidate[] = [];
	let done = 0;
	const flush = async () => {
		found.push(...(await matching(search, batch)));
		done += batch.length;
		batch = [];
		onProgress?.(done, total);
		await yieldToEventLoop();
		signal?.throwIfAborted();
	};
	for (let i = 0; i < singles.length; i++) {
		const a = singles[i]!;
		for (let j = i + 1; j < singles.length; j++) {
			const b = singles[j]!;
			if (!compatible(a.mistakes[0]!, b.mistakes[0]!)) continue;
			const plan = b.mistakes[0]!.apply(a.plan);
			const rendered = search.signer.render(plan);
			// One of the two changes nothing once the other is made: the single search already tried it.
			if (rendered.id === a.rendered.id || rendered.id === b.rendered.id || rendered.id === search.baseId) done++;
			else batch.push({ mistakes: [a.mistakes[0]!, b.mistakes[0]!], plan, rendered });
			if (batch.length >= BATCH) await flush();
		}
	}
	await flush();
	return found;
}
