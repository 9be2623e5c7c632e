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
