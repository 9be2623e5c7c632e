import { CASES, type BenchCase } from './cases.ts';
import { timeTogether, type Timing, type TimingPlan } from './harness.ts';
import { signatureIn, signedHeadersIn, type Prepared, type Signer } from './signer.ts';

export interface SignerResult {
	name: string;
	/** Equal to ours, checked before timing. */
	agrees: boolean;
	signature?: string;
	/** Why it was not timed. */
	excluded?: string;
	timing?: Timing;
}

export interface CaseResult {
	id: BenchCase['id'];
	title: string;
	signature: string;
	signers: SignerResult[];
}

export interface EnvResult {
	env: string;
	signers: { name: string; note: string }[];
	/** Signers that cannot run here, with the reason. */
	unavailable: { name: string; reason: string }[];
	cases: CaseResult[];
}

export interface BenchOptions {
	env: string;
	plan: TimingPlan;
	unavailable?: { name: string; reason: string }[];
}

interface Contender {
	result: SignerResult;
	prepared?: Prepared;
}

/** Why a signer's output does not carry our signature, as far as the output tells. */
function whyNot(auth: string | undefined, ours: string): string {
	const signature = signatureIn(auth);
	if (signature === undefined) return 'no signature in its output';
	const theirs = signedHeadersIn(auth);
	const expected = signedHeadersIn(ours);
	return theirs === expected
		? `its signature ${signature} differs though it signs the same headers (${theirs}): the path, query or payload hash differ`
		: `its signature ${signature} differs: it signs ${theirs}, ours ${expected}`;
}

async function contender(signer: Signer, c: BenchCase, ours: string): Promise<Contender> {
	try {
		const ready = await signer.prepare(c);
		const auth = ready.authOf(await ready.run());
		const signature = signatureIn(auth);
		if (signature !== undefined && signature === signatureIn(ours)) {
			return { result: { name: signer.name, agrees: true, signature }, prepared: ready };
		}
		const result: SignerResult = { name: signer.name, agrees: false, excluded: whyNot(auth, ours) };
		if (signature !== undefined) result.signature = signature;
		return { result };
	} catch (error) {
		return { result: { name: signer.name, agrees: false, excluded: `it threw: ${String(error)}` } };
	}
}

async function benchCase(c: BenchCase, signers: Signer[], plan: TimingPlan): Promise<CaseResult> {
	const [ours, ...others] = signers as [Signer, ...Signer[]];
	const reference = await ours.prepare(c);
	const auth = reference.authOf(await reference.run());
	const signature = signatureIn(auth);
	if (auth === undefined || signature === undefined) throw new Error(`${ours.name} produced no signature for ${c.id}`);

	const all: Contender[] = [{ result: { name: ours.name, agrees: true, signature }, prepared: reference }];
	for (const signer of others) all.push(await contender(signer, c, auth));
	const timed = all.filter((x) => x.prepared);
	const tasks = timed.map((x) => x.prepared!.run);
	const timings = await timeTogether(tasks, plan);
	timed.forEach((x, i) => (x.result.timing = timings[i]));
	return { id: c.id, title: c.title, signature, signers: all.map((x) => x.result) };
}

/** Checks every signer against ours on every case, then times those that agree. The first signer is ours. */
export async function runBench(signers: Signer[], options: BenchOptions): Promise<EnvResult> {
	const cases: CaseResult[] = [];
	for (const c of CASES) cases.push(await benchCase(c, signers, options.plan));
	return {
		env: options.env,
		signers: signers.map(({ name, note }) => ({ name, note })),
		unavailable: options.unavailable ?? [],
		cases
	};
}
