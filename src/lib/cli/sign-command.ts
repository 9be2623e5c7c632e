import { analyze, edit, exampleCase, importPaste, kindName, withHeaders, type Case, type PageMode } from '../case/index.ts';
import { stringOption, type CliArgs } from './cli-args.ts';
import type { CliIo, CliResult } from './cli-io.ts';
import { readPaste } from './check-command.ts';
import { givenKeys, keysForSigning, missingKeys } from './credentials.ts';
import { fixFor } from './field-flags.ts';
import { stagesOf, stagesText } from './format-text.ts';
import { redactOutput, redactValue } from './redact-output.ts';
import { headerFlags, requestFromFlags } from './request-from-flags.ts';
import { scopeForSigning, scopeFromFlags } from './scope.ts';
import { EXIT, UsageError } from './usage-error.ts';

/** The request to sign: a paste (its evidence dropped, --header added) or the flags' request. */
async function requestCase(args: CliArgs, io: CliIo): Promise<{ case: Case; text: string }> {
	const fromFlags = requestFromFlags(args);
	if (fromFlags !== undefined && args.input !== undefined) {
		throw new UsageError(
			'Both an input file and --url give the request.',
			'Give the request one way: a file (or -), or --url with --method and --header.'
		);
	}
	if (fromFlags === undefined && args.input === undefined) {
		throw new UsageError(
			'No request to sign.',
			'Give a file with the request (or - for standard input), or --url, e.g. --url https://examplebucket.s3.amazonaws.com/photo.jpg'
		);
	}
	if (fromFlags !== undefined) {
		const { case: c, report } = importPaste(exampleCase(), fromFlags, { now: io.now() });
		if (report.kind === 'unknown' || report.problem)
			throw new UsageError(
				report.problem ?? report.errors[0]?.message ?? 'The request cannot be read.',
				'Check --url, --method and --header.'
			);
		return { case: c, text: fromFlags };
	}
	const { case: c, text, report } = await readPaste(args, io);
	if (c.origins.requestText?.from !== 'paste') {
		throw new UsageError(
			`The input is ${kindName(report.kind)}, which does not give the request to sign.`,
			'Give the request itself (raw HTTP, a curl command, a URL, a HAR file, a log), or --url.'
		);
	}
	const headers = headerFlags(args);
	return { case: headers.length ? edit(c, { requestText: withHeaders(c.requestText, headers) }) : c, text };
}

/** The case's options from the flags: the mode, and what sign or presign adds. */
function withOptions(c: Case, args: CliArgs, mode: PageMode): Case {
	const patch: Partial<Case> = { mode };
	const expires = stringOption(args, 'expires');
	const signed = stringOption(args, 'signed-headers');
	if (expires !== undefined) patch.expiresIn = expires;
	if (signed !== undefined) patch.signedHeaders = signed;
	if (args.values['unsigned-payload']) patch.payload = 'unsigned';
	// Signing makes the request anew: what a pasted signer made is not compared here.
	return { ...edit(c, patch), provided: {}, server: {}, form: [], sigv2Fields: [], overrides: {} };
}

/** `sigv4-debugger sign|presign`: every stage for the request, and the signed request or presigned URL. */
export async function runSign(args: CliArgs, io: CliIo): Promise<CliResult> {
	const mode: PageMode = args.command === 'presign' ? 'query' : 'header';
	const { case: read, text } = await requestCase(args, io);
	const scoped = scopeForSigning(scopeFromFlags(withOptions(read, args, mode), args, io.now()), io.env);
	const keys = keysForSigning(scoped.case, givenKeys(args, io.env));
	const c = keys.case;
	const missing = missingKeys(c);
	if (missing) throw new UsageError(missing.message, missing.fix);
	const a = await analyze(c, { now: io.now() });
	if (a.error || !a.view || !a.trace) {
		const message = a.error?.message ?? a.problem ?? 'The request cannot be signed.';
		throw new UsageError(message, a.error ? fixFor(a.error) : 'Check the request.');
	}
	const trace = a.trace;
	const sent = a.request ?? trace.request;
	const stages = stagesOf(a.view);
	const secrets = { secretAccessKey: c.secretAccessKey ?? '', sessionToken: c.sessionToken ?? '' };
	const notes = [...scoped.notes, `Keys: ${c.accessKeyId}; secret: ${keys.secretFrom}.`];
	if (c.sessionToken) notes.push('The session token is signed; this output shows SESSION-TOKEN-LEFT-OUT in its place.');

	if (args.values.json) {
		const out = {
			command: args.command,
			mode: mode === 'query' ? 'presigned-url' : 'authorization-header',
			request: { method: sent.method, url: sent.url },
			scope: {
				accessKeyId: c.accessKeyId,
				region: trace.keyChain.region,
				service: trace.keyChain.service,
				datetime: trace.datetime,
				credentialScope: trace.credentialScope
			},
			notes,
			stages,
			keyChain: {
				kDate: trace.keyChain.kDate,
				kRegion: trace.keyChain.kRegion,
				kService: trace.keyChain.kService,
				kSigning: trace.keyChain.kSigning
			},
			signedHeaders: trace.signedHeaders,
			...(trace.authorization ? { authorization: trace.authorization } : {}),
			exitCode: EXIT.ok
		};
		return { code: EXIT.ok, stdout: JSON.stringify(redactValue(out, text, secrets), null, 2) + '\n', stderr: '' };
	}
	const head = `${args.command === 'presign' ? 'Presigning' : 'Signing'} ${sent.method} ${sent.url}\n  scope ${trace.credentialScope}, time ${trace.datetime}`;
	const body = [head, ...notes.map((n) => `  ${n}`), '', stagesText(stages)].join('\n');
	const [stdout] = redactOutput([body], text, secrets);
	return { code: EXIT.ok, stdout: stdout!, stderr: '' };
}
