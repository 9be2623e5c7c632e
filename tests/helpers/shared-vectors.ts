import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SigningParams } from '../../src/lib/sigv4/index.ts';

/** ../shared/vectors beside the project; absent in a clone elsewhere. */
export const VECTORS_DIR = resolve(import.meta.dirname, '../../../shared/vectors');
export const hasVectors = existsSync(join(VECTORS_DIR, 'aws-signing-test-suite', 'v4'));

export function skipNotice(suite: string): string {
	return `${suite}: skipped, ${VECTORS_DIR} is not here (the AWS test vectors live in ../shared/vectors beside the project)`;
}

export function read(...parts: string[]): string {
	return readFileSync(join(VECTORS_DIR, ...parts), 'utf8');
}

export function listDirs(...parts: string[]): string[] {
	const dir = join(VECTORS_DIR, ...parts);
	return readdirSync(dir)
		.filter((name) => statSync(join(dir, name)).isDirectory())
		.sort();
}

export function exists(...parts: string[]): boolean {
	return existsSync(join(VECTORS_DIR, ...parts));
}

/** A case's context.json in aws-signing-test-suite (see ../shared/vectors/README.md). */
export interface SuiteContext {
	credentials: { access_key_id: string; secret_access_key: string; token?: string };
	expiration_in_seconds: number;
	normalize: boolean;
	region: string;
	service: string;
	sign_body: boolean;
	timestamp: string;
	omit_session_token?: boolean;
}

/** The signing params a suite case stands for: its normalize, sign_body and token rules included. */
export function paramsFor(ctx: SuiteContext): SigningParams {
	const params: SigningParams = {
		credentials: { accessKeyId: ctx.credentials.access_key_id, secretAccessKey: ctx.credentials.secret_access_key },
		region: ctx.region,
		service: ctx.service,
		datetime: ctx.timestamp.replace(/[-:]/g, ''),
		normalizePath: ctx.normalize,
		contentSha256Header: ctx.sign_body,
		expiresIn: ctx.expiration_in_seconds
	};
	if (ctx.credentials.token) params.credentials.sessionToken = ctx.credentials.token;
	if (ctx.omit_session_token) params.signSessionToken = false;
	return params;
}

/** The maintained suite's v4 cases: 38 folders of context.json, request.txt and each mode's stages. */
const SUITE = ['aws-signing-test-suite', 'v4'] as const;
const SUITE_SIZE = 38;

/** Both ways a suite case is signed: its files are named `${mode}-canonical-request.txt` etc. */
export const SUITE_MODES = ['header', 'query'] as const;

export interface SuiteCase {
	/** The case's folder name, e.g. get-vanilla-query-order-key. */
	name: string;
	context: SuiteContext;
	/** The text of one of the case's files. */
	file(name: string): string;
}

/**
 * `describe(title)` over every case of aws-signing-test-suite v4: checks that all 38 are there, then
 * calls `body` once per case (in name order) to declare that case's tests. When ../shared/vectors
 * is absent, one skipped test says so instead.
 */
export function forEachSuiteCase(title: string, body: (c: SuiteCase) => void): void {
	describeVectors(title, () => {
		const names = listDirs(...SUITE);
		it(`has all ${SUITE_SIZE} cases`, () => expect(names.length).toBe(SUITE_SIZE));
		for (const name of names) {
			const file = (f: string) => read(...SUITE, name, f);
			body({ name, context: JSON.parse(file('context.json')) as SuiteContext, file });
		}
	});
}

/** `describe(title, declare)` when ../shared/vectors is here; else one skipped test that says it is not. */
export function describeVectors(title: string, declare: () => void): void {
	if (hasVectors) {
		describe(title, declare);
		return;
	}
	describe(title, () => {
		it('is not here', ({ skip }) => {
			console.warn(skipNotice(title));
			skip(skipNotice(title));
		});
	});
}
