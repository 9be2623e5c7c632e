import type { AnalyzeOptions } from '../case/analyze.ts';
import type { BodyFile, Case } from '../case/case.ts';
import { bodyFileProblem } from '../case/body-file-problem.ts';
import type { HashWorkerReply } from '../case/hash-worker.ts';
import type { ChunkedParams, ChunkedTrace, HttpRequest } from '../sigv4/index.ts';
import { cancelChunkedSigning, signChunkedInWorker } from './chunked-in-worker.ts';

export type HashStatus = 'idle' | 'hashing' | 'error';

/** Why a read failed, in words: a file moved or changed on disk after it was chosen cannot be read. */
function readProblem(name: string, message: string): string {
	if (name === 'NotReadableError' || name === 'NotFoundError')
		return 'The file could not be read: it was moved, changed or removed after it was chosen. Choose it again.';
	return `The file could not be read (${message}). Choose it again.`;
}

/**
 * A file as the request's body: its SHA-256, computed in a worker with a progress the page shows and
 * a cancel. The File stays here, in the page (the chunked signer reads it again); the case keeps
 * only its name, size and hash (see BodyFile).
 */
export class BodyFileHasher {
	status = $state<HashStatus>('idle');
	done = $state(0);
	total = $state(0);
	error = $state('');
	/** Bytes of the file signed so far as aws-chunked, and of how many (0 when no signing is under way). */
	signed = $state(0);
	signing = $state(0);
	/** The chosen file's bytes, for as long as the page is open: never in the case. */
	file = $state.raw<File | undefined>();
	#sha256 = '';
	#worker: Worker | undefined;
	#run = 0;
	#signRun = 0;

	/** The bytes of the case's file body, when it is the file chosen here (a link brings the hash alone). */
	bytesOf(body: BodyFile | undefined): File | undefined {
		return body && this.file && this.#sha256 === body.sha256 && this.file.size === body.size ? this.file : undefined;
	}

	/**
	 * What analyzing the case needs from the page: the file's bytes, signed in a worker in aws-chunked
	 * mode. Leaving that mode, or the file, stops a signing under way.
	 */
	analyzeOptions(c: Case): AnalyzeOptions {
		const file = this.bytesOf(c.bodyFile);
		if (c.mode !== 'chunked' || !file) {
			cancelChunkedSigning();
			this.signing = 0;
		}
		return file ? { file, signChunked: (request, params) => this.#signChunked(request, params) } : {};
	}

	/** The worker's progress as the page's (it comes in messages, never while the case is being computed); the newest signing's only. */
	#signChunked(request: HttpRequest, params: ChunkedParams): Promise<ChunkedTrace> {
		const run = ++this.#signRun;
		const onProgress = (done: number, total: number) => {
			if (run !== this.#signRun) return;
			this.signed = done;
			this.signing = done < total ? total : 0;
		};
		const signed = signChunkedInWorker(request, { ...params, onProgress });
		void signed.then(
			() => run === this.#signRun && (this.signing = 0),
			() => run === this.#signRun && (this.signing = 0)
		);
		return signed;
	}

	/** Hashes `file`; `use` gets what the case keeps once the hash is known. A later choice or a cancel wins. */
	async choose(file: File, use: (body: BodyFile) => void): Promise<void> {
		this.cancel();
		const run = ++this.#run;
		this.error = bodyFileProblem(file.size) ?? '';
		if (this.error) {
			this.status = 'error';
			return;
		}
		this.status = 'hashing';
		this.done = 0;
		this.total = file.size;
		try {
			const sha256 = await this.#hash(file, run);
			if (run !== this.#run) return;
			this.file = file;
			this.#sha256 = sha256;
			this.status = 'idle';
			use({ name: file.name, size: file.size, sha256 });
		} catch (e) {
			if (run !== this.#run) return;
			const error = e as { name?: string; message?: string };
			this.status = 'error';
			this.error = readProblem(error.name ?? 'Error', error.message ?? String(e));
		}
	}

	/** Stops a hash under way; the case keeps what it had. */
	cancel(): void {
		this.#run++;
		this.#worker?.terminate();
		this.#worker = undefined;
		if (this.status === 'hashing') this.status = 'idle';
	}

	/** Forgets the file (the caller removes it from the case). */
	clear(): void {
		this.cancel();
		this.file = undefined;
		this.error = '';
		this.status = 'idle';
	}

	#hash(file: File, run: number): Promise<string> {
		const progress = (done: number) => {
			if (run === this.#run) this.done = done;
		};
		// Without workers (Node, tests) the same reader runs here; the page never loads it (hash-wasm stays in the worker's file).
		if (typeof Worker === 'undefined')
			return import('../case/hash-blob.ts').then(({ sha256OfBlob }) => sha256OfBlob(file, { onProgress: progress }));
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- Vite's worker URL pattern, not state
		const worker = new Worker(new URL('../case/hash-worker.ts', import.meta.url), { type: 'module' });
		this.#worker = worker;
		return new Promise((resolve, reject) => {
			worker.onmessage = (e: MessageEvent<HashWorkerReply>) => {
				const reply = e.data;
				if ('progress' in reply) return progress(reply.progress);
				worker.terminate();
				if (this.#worker === worker) this.#worker = undefined;
				if ('sha256' in reply) resolve(reply.sha256);
				else reject(Object.assign(new Error(reply.error), { name: reply.name }));
			};
			worker.onerror = (e) => {
				e.preventDefault();
				worker.terminate();
				reject(new Error(e instanceof ErrorEvent ? e.message : 'the hashing worker did not start'));
			};
			worker.postMessage({ file });
		});
	}
}

/** The page's one file body. */
export const bodyFile = new BodyFileHasher();
