import {
	analyze,
	exampleCase,
	importPaste,
	kindName,
	type Analysis,
	type Case,
	type ForensicsDepth,
	type ImportReport
} from '../case/index.ts';
import { stringOption, type CliArgs } from './cli-args.ts';
import type { CliIo, CliResult } from './cli-io.ts';
import { givenKeys, keysForChecking } from './credentials.ts';
import { findingsText, stagesOf, stagesText, verdictText } from './format-text.ts';
import { fixFor } from './field-flags.ts';
import { redactOutput, redactValue } from './redact-output.ts';
import { scopeFromFlags } from './scope.ts';
import { EXIT, UsageError } from './usage-error.ts';

const DEPTHS: ForensicsDepth[] = ['off', 'single', 'pairs'];

/** The paste read into a fresh case, or a UsageError saying what the text is not and what to give. */
export async function readPaste(args: CliArgs, io: CliIo): Promise<{ text: string; case: Case; report: ImportReport }> {
	if (args.input === undefined) {
		throw new UsageError(
			'No input given.',
			'Give the file that holds your paste, or - to read standard input (e.g. sigv4-debugger request.txt).'
		);
	}
	const text = await io.readInput(args.input);
	const { case: c, report } = importPaste(exampleCase(), text, { now: io.now() });
	if (report.problem) throw new UsageError(report.problem, 'Give a request, a log or an AWS error: see sigv4-debugger --help.');
	if (report.kind === 'unknown') {
		const unknown = report.errors[0];
		throw new UsageError(unknown?.message ?? 'This text is not a format the debugger knows.', unknown?.fix ?? 'See sigv4-debugger --help.');
	}
	// A reader that found the format but could not read it keeps nothing: the example would stand in silently.
	const first = report.errors[0];
	if (first && !Object.values(c.origins).some((o) => o?.from === 'paste' || o?.from === 'unknown')) {
		throw new UsageError(
			`Line ${first.line}, column ${first.column} of ${kindName(report.kind)}: ${first.message}`,
			first.fix ?? 'Correct that line.'
		);
	}
	return { text, case: c, report };
}

/** The exit code: 1 for an error finding (a mistake), else 2 when the input left the request unsignable, else 0. */
function exitCodeOf(a: Analysis): number {
	if (a.findings.some((f) => f.severity === 'error')) return EXIT.cause;
	return a.error ? EXIT.usage : EXIT.ok;
}

/** `sigv4-debugger <file|->`: the verdict and the findings for a paste, as the page gives them. */
export async function runCheck(args: CliArgs, io: CliIo): Promise<CliResult> {
	const depth = (stringOption(args, 'forensics') ?? 'pairs') as ForensicsDepth;
	if (!DEPTHS.includes(depth)) throw new UsageError(`--forensics "${depth}" is not a depth.`, 'Use --forensics off, single or pairs.');
	const { text, case: pasted, report } = await readPaste(args, io);
	const keys = keysForChecking(scopeFromFlags(pasted, args, io.now()), givenKeys(args, io.env));
	const c = keys.case;
	const a = await analyze(c, { forensics: depth, now: io.now() });
	const code = exitCodeOf(a);
	const secret = keys.secretFrom ?? 'not given: the signing key and the signature are not judged (set AWS_SECRET_ACCESS_KEY)';
	const error = a.error ? { field: a.error.field, message: a.error.message, fix: fixFor(a.error) } : undefined;
	const secrets = { secretAccessKey: c.secretAccessKey ?? '', sessionToken: c.sessionToken ?? '' };

	if (args.values.json) {
		const out = {
			command: 'check',
			input: { kind: report.kind, format: kindName(report.kind), summary: report.summary, errors: report.errors },
			secretAccessKey: secret,
			...(keys.note ? { note: keys.note } : {}),
			verdict: a.verdict,
			findings: a.findings.map((f) => ({ ...f })),
			stages: a.view ? stagesOf(a.view) : null,
			...(error ? { error } : {}),
			...(a.problem ? { problem: a.problem } : {}),
			exitCode: code
		};
		return { code, stdout: JSON.stringify(redactValue(out, text, secrets), null, 2) + '\n', stderr: '' };
	}

	const parts = [`Read: ${kindName(report.kind)} (${args.input === '-' ? 'standard input' : args.input}).`];
	for (const line of report.summary) parts.push(`  ${line}`);
	for (const e of report.errors) parts.push(`  Line ${e.line}, column ${e.column}: ${e.message}${e.fix ? ` ${e.fix}` : ''}`);
	parts.push(`Secret access key: ${secret}.`);
	if (keys.note) parts.push(keys.note);
	parts.push('', verdictText(a.verdict!) + findingsText(a.findings));
	if (error) parts.push(`Cannot sign the request: ${error.message}\n  Fix: ${error.fix}\n`);
	if (a.problem) parts.push(`${a.problem}\n`);
	if (args.values.stages && a.view) {
		// Evidence without the request (a string to sign, an error body) is compared over the page's example request.
		const over = a.evidence?.requestGiven === false ? ", over the page's example request: your input does not give the request" : '';
		parts.push(`The correct stages${over}:\n`, stagesText(stagesOf(a.view)));
	}
	const [stdout] = redactOutput([parts.join('\n')], text, secrets);
	return { code, stdout: stdout!, stderr: '' };
}
