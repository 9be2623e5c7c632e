// Apex cannot run here: its export is parsed with a maintained Apex parser (no syntax error) and
// its methods, and the calls each makes to the others in the order they run, equal the Java
// export's (read with the JDK's own parser), which runs and equals the core's trace.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	ApexErrorListener,
	ApexParserFactory,
	ApexParseTreeWalker,
	type MethodCallContext,
	type MethodDeclarationContext
} from '@apexdevtools/apex-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGE_INFO, signerSpec, type SignerSpec } from '../../../src/lib/export/index.ts';
import { missingRuntime } from './runners.ts';
import { randomCases } from './program-cases.ts';

class Errors extends ApexErrorListener {
	messages: string[] = [];
	apexSyntaxError(line: number, column: number, msg: string): void {
		this.messages.push(`${line}:${column} ${msg}`);
	}
}

/** "method: call call …" per method of an Apex class, and its syntax errors. */
function apexStructure(source: string): { lines: string[]; errors: string[] } {
	const errors = new Errors();
	const { parser } = ApexParserFactory.createLexerAndParser(source, errors);
	const unit = parser.compilationUnit();
	const lines: string[] = [];
	let current = '';
	ApexParseTreeWalker.DEFAULT.walk(
		{
			enterMethodDeclaration: (ctx: MethodDeclarationContext) => void (current = `${ctx.id().getText()}:`),
			exitMethodDeclaration: () => void lines.push(current),
			exitMethodCall: (ctx: MethodCallContext) => void (ctx.id() && (current += ` ${ctx.id().getText()}`)),
			visitTerminal: () => {},
			visitErrorNode: () => {},
			enterEveryRule: () => {},
			exitEveryRule: () => {}
		} as never,
		unit
	);
	return { lines, errors: errors.messages };
}

/** The same lines for Java sources, read in one JVM. */
function javaStructures(sources: string[]): string[][] {
	const dir = mkdtempSync(join(tmpdir(), 'export-java-calls-'));
	try {
		const files = sources.map((source, i) => {
			mkdirSync(join(dir, String(i)));
			writeFileSync(join(dir, String(i), 'SignRequest.java'), source);
			return join(dir, String(i), 'SignRequest.java');
		});
		const out = execFileSync('java', ['-XX:TieredStopAtLevel=1', join(import.meta.dirname, 'JavaCalls.java'), ...files], {
			encoding: 'utf8'
		});
		return out
			.split(/^=== .*\n/m)
			.slice(1)
			.map((block) => block.trim().split('\n'));
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

// Two programs of each mode, S3 and other services among them.
const cases = randomCases();
const specs: [string, SignerSpec][] = [
	...cases.filter((c) => c.mode === 'header').slice(0, 2),
	...cases.filter((c) => c.mode === 'query').slice(0, 2)
].map((c) => [c.name, signerSpec(c.request, c.params, c.mode)]);
const broken = LANGUAGE_INFO.apex
	.generate(specs[0]![1])
	.replace('hmacSha256(signingKey(secretAccessKey, date),', 'hmacSha256(utf8(secretAccessKey),');
let java: string[][] = [];

describe('Apex export mirrors the Java export', () => {
	beforeAll(() => {
		const missing = missingRuntime('java');
		if (missing) throw new Error(missing);
		java = javaStructures([...specs.map(([, spec]) => LANGUAGE_INFO.java.generate(spec))]);
	}, 120_000);

	specs.forEach(([name, spec], i) => {
		it(`${name}: parses, and has the Java program's methods and calls, in order`, () => {
			const apex = apexStructure(LANGUAGE_INFO.apex.generate(spec));
			expect(apex.errors).toEqual([]);
			expect(java[i]!.length).toBeGreaterThanOrEqual(12);
			expect(java[i]!.find((l) => l.startsWith('sign:'))).toMatch(
				/canonicalHeaders canonicalPath canonicalQuery utf8 sha256Hex signingKey hmacSha256 hex .*show$/
			);
			expect(apex.lines).toEqual(java[i]);
		});
	});

	it('the comparison sees a difference: an Apex class missing a step does not match', () => {
		const apex = apexStructure(broken);
		expect(apex.errors).toEqual([]);
		expect(apex.lines).not.toEqual(java[0]);
	});

	it('the parser reports a syntax error', () => {
		expect(apexStructure('public class A { void f() { x = ; } }').errors).not.toEqual([]);
	});
});
