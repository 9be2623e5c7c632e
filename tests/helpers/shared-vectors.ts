import type { SigningParams } from '../../src/lib/sigv4/index.ts';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

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
