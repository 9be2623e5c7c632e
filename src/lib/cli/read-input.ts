import { readFileSync, statSync } from 'node:fs';
import { MAX_TEXT_CHARS, pasteTooLarge } from '../case/limits.ts';
import { UsageError } from './usage-error.ts';

/** A UTF-8 character is at most 3 bytes per UTF-16 unit: a file larger than this cannot be a paste the page takes. */
const MAX_BYTES = MAX_TEXT_CHARS * 3;

function tooLarge(bytes: number, what: string): UsageError {
	return new UsageError(pasteTooLarge(bytes, what) ?? `${what} is too large.`, 'Cut it down to the request that failed.');
}

async function readStdin(stream: NodeJS.ReadStream): Promise<string> {
	if (stream.isTTY) {
		throw new UsageError('"-" reads standard input, but nothing is piped in.', 'Pipe the paste in, e.g. pbpaste | sigv4-debugger -');
	}
	const chunks: Buffer[] = [];
	let bytes = 0;
	for await (const chunk of stream) {
		const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
		bytes += buffer.length;
		if (bytes > MAX_BYTES) throw tooLarge(bytes, 'Standard input');
		chunks.push(buffer);
	}
	return Buffer.concat(chunks).toString('utf8');
}

/** The paste in a file, or on standard input for "-". */
export async function readInput(path: string, stdin: NodeJS.ReadStream = process.stdin): Promise<string> {
	if (path === '-') return readStdin(stdin);
	let size: number;
	try {
		const stat = statSync(path);
		if (stat.isDirectory()) throw new UsageError(`${path} is a directory.`, 'Give the file that holds the paste, or - for standard input.');
		size = stat.size;
	} catch (e) {
		if (e instanceof UsageError) throw e;
		const code = (e as NodeJS.ErrnoException).code;
		const why = code === 'ENOENT' ? 'there is no such file' : code === 'EACCES' ? 'permission denied' : String(code ?? e);
		throw new UsageError(`Cannot read ${path}: ${why}.`, 'Give the path of a file that holds the paste, or - to read standard input.');
	}
	if (size > MAX_BYTES) throw tooLarge(size, path);
	return readFileSync(path, 'utf8');
}
