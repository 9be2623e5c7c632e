import { keyText } from './plan-signer.ts';
import { headersToSend } from './catalogue-real-world.ts';
import type { Candidate, ForensicsResult, Search } from './search-types.ts';
import type { Mistake } from './catalogue.ts';
import type { Finding } from '../types.ts';

// The answer of a search: the findings for the candidates that reproduce the signature, and the stages they show.

function firstDifferentLine(mine: string, correct: string): number {
	const a = mine.split('\n');
	const b = correct.split('\n');
	for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return i + 1;
	return 1;
}

/** The findings for the matching candidates (the first one's stages shown), plus a finding for the signature's form. */
export async function report(search: Search, found: Candidate[]): Promise<ForensicsResult> {
	const { model, signer, target } = search;
	const trace = model.trace;
	const chain = trace.keyChain;
	const correct: Record<'canonical-request' | 'string-to-sign' | 'signing-key' | 'signature', string> = {
		'canonical-request': trace.canonicalRequest,
		'string-to-sign': trace.stringToSign,
		'signing-key': keyText(model.base.key, [chain.kDate, chain.kRegion, chain.kService, chain.kSigning]),
		signature: trace.signature
	};
	const plan = found[0]?.plan ?? model.base;
	const stages = await signer.stages(plan);
	const theirs: typeof correct = {
		'canonical-request': stages.canonicalRequest,
		'string-to-sign': stages.stringToSign,
		'signing-key': stages.keyText,
		signature: target.text
	};
	const mutated = (Object.keys(theirs) as (keyof typeof theirs)[])
		.filter((stage) => theirs[stage] !== correct[stage])
		.map((stage) => ({ stage, text: theirs[stage] }));

	// Every matching candidate is an exact explanation; the same code twice (two variants that
	// write the same text) is one finding.
	const named: { mistake: Mistake; note: string }[] = found.flatMap((c) =>
		c.mistakes.map((mistake) => ({
			mistake,
			note:
				c.mistakes.length > 2
					? ' Together with the other two mistakes found, this reproduces your signature exactly.'
					: c.mistakes.length > 1
						? ' Together with the other mistake found, this reproduces your signature exactly.'
						: ' This reproduces your signature exactly.'
		}))
	);
	const form = search.formats.find((m) => m.format === target.form);
	if (form) named.push({ mistake: form, note: '' });
	const findings: Finding[] = [];
	const seen = new Set<string>();
	for (const { mistake, note } of named) {
		const id = `${mistake.code}\n${mistake.stage}`;
		if (seen.has(id)) continue;
		seen.add(id);
		const stage = mistake.stage as keyof typeof theirs;
		findings.push({
			code: mistake.code,
			stage: mistake.stage,
			severity: 'error',
			message: mistake.message + note,
			fix: mistake.fix,
			line: stage in theirs ? firstDifferentLine(theirs[stage], correct[stage]) : 1,
			confirmed: true,
			basis: 'reproduced'
		});
	}
	const result: ForensicsResult = { findings, tried: signer.tried };
	if (mutated.length > 0) result.mutated = mutated;
	const sends = headersToSend(plan, model.base);
	if (sends.length > 0) result.sends = sends;
	if (sends.length > 1) {
		const all = sends.map(([n, v]) => `${n}: ${v}`).join(' and ');
		for (const f of findings) if (f.code === 'signed-header-absent') f.message += ` Valid when the client sends all of: ${all}.`;
	}
	return result;
}
