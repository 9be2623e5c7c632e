// Runs exported programs in their own runtimes, many at a time: interpreters once per program
// (two at once), compiled languages compiled once for the whole batch and run in one process that
// sets each program's environment before calling its main. Prints of each program come back in order.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Language } from '../../../src/lib/export/index.ts';

export interface Program {
	code: string;
	env: Record<string, string>;
}

/** The commands each language needs, and the Debian package that brings them. */
const RUNTIMES: Partial<Record<Language, [command: string, pkg: string][]>> = {
	python: [['python3', 'python3']],
	node: [['node', 'nodejs']],
	browser: [['node', 'nodejs']],
	java: [
		['javac', 'default-jdk-headless'],
		['java', 'default-jdk-headless']
	],
	go: [['go', 'golang-go']],
	php: [['php', 'php-cli']],
	ruby: [['ruby', 'ruby']],
	csharp: [
		['mcs', 'mono-mcs'],
		['mono', 'mono-mcs']
	]
};

/** Why the language's programs cannot run here, with the command that fixes it; undefined when they can. */
export function missingRuntime(language: Language, path = process.env.PATH): string | undefined {
	const found = (cmd: string) => spawnSync('/bin/sh', ['-c', `command -v ${cmd}`], { env: { PATH: path ?? '' } }).status === 0;
	const missing = (RUNTIMES[language] ?? []).filter(([cmd]) => !found(cmd));
	if (missing.length === 0) return undefined;
	const pkgs = [...new Set(missing.map(([, p]) => p))].join(' ');
	return `${missing.map(([c]) => c).join(', ')} not found: install with  apt-get install -y ${pkgs}  (.ci/run does so on CI)`;
}

// Programs print UTF-8 whatever the machine's locale.
const BASE_ENV = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };

function exec(cmd: string, args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { cwd: opts.cwd, env: { ...BASE_ENV, ...opts.env } });
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		child.stdout.on('data', (b: Buffer) => out.push(b));
		child.stderr.on('data', (b: Buffer) => err.push(b));
		child.on('error', reject);
		child.on('close', (code) => {
			const stdout = Buffer.concat(out).toString('utf8');
			if (code === 0) resolve(stdout);
			else reject(new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${Buffer.concat(err).toString('utf8')}\n${stdout}`.slice(0, 4000)));
		});
	});
}

/** Each program through `run(file, env)`, two at a time. */
async function eachFile(
	dir: string,
	name: (i: number) => string,
	programs: Program[],
	run: (file: string, env: Record<string, string>) => Promise<string>
) {
	const results: string[] = new Array(programs.length);
	let next = 0;
	const worker = async () => {
		while (next < programs.length) {
			const i = next++;
			const file = join(dir, name(i));
			writeFileSync(file, programs[i]!.code);
			results[i] = await run(file, programs[i]!.env).catch((e: Error) => `ERROR ${e.message}`);
		}
	};
	await Promise.all([worker(), worker()]);
	return results;
}

const MARK = '##### next program';
/** One batch process's output cut at the marks it prints before each program. */
const split = (text: string, n: number) => text.split(`${MARK}\n`).slice(1, n + 1);

/** The environments as lines "access-key<TAB>secret<TAB>token", for the batch processes. */
const envLines = (programs: Program[]) =>
	programs.map((p) => [p.env.AWS_ACCESS_KEY_ID, p.env.AWS_SECRET_ACCESS_KEY, p.env.AWS_SESSION_TOKEN ?? ''].join('\t')).join('\n') + '\n';

async function python(dir: string, programs: Program[]): Promise<string[]> {
	programs.forEach((p, i) => writeFileSync(join(dir, `sign${i}.py`), p.code));
	writeFileSync(join(dir, 'envs.txt'), envLines(programs));
	writeFileSync(
		join(dir, 'harness.py'),
		`import os, runpy, sys
for i, line in enumerate(open("envs.txt").read().splitlines()):
    key, secret, token = line.split("\\t")
    os.environ.update(AWS_ACCESS_KEY_ID=key, AWS_SECRET_ACCESS_KEY=secret, AWS_SESSION_TOKEN=token)
    sys.stdout.buffer.write(b"${MARK}\\n")
    runpy.run_path(f"sign{i}.py", run_name="__main__")
    sys.stdout.buffer.flush()
`
	);
	return split(await exec('python3', ['harness.py'], { cwd: dir }), programs.length);
}

async function node(dir: string, programs: Program[]): Promise<string[]> {
	programs.forEach((p, i) => writeFileSync(join(dir, `sign${i}.mjs`), p.code));
	writeFileSync(join(dir, 'envs.txt'), envLines(programs));
	writeFileSync(
		join(dir, 'harness.mjs'),
		`import { readFileSync } from 'node:fs';
const lines = readFileSync('envs.txt', 'utf8').split('\\n');
for (let i = 0; i < ${programs.length}; i++) {
	const [key, secret, token] = lines[i].split('\\t');
	Object.assign(process.env, { AWS_ACCESS_KEY_ID: key, AWS_SECRET_ACCESS_KEY: secret, AWS_SESSION_TOKEN: token });
	console.log('${MARK}');
	// The browser module runs itself only when it is the script node was started with.
	process.argv[1] = '${dir}/sign' + i + '.mjs';
	await import('./sign' + i + '.mjs');
}
`
	);
	return split(await exec('node', ['harness.mjs'], { cwd: dir }), programs.length);
}

async function ruby(dir: string, programs: Program[]): Promise<string[]> {
	programs.forEach((p, i) => writeFileSync(join(dir, `sign${i}.rb`), p.code));
	writeFileSync(join(dir, 'envs.txt'), envLines(programs));
	writeFileSync(
		join(dir, 'harness.rb'),
		`File.readlines('envs.txt', chomp: true).each_with_index do |line, i|
  ENV['AWS_ACCESS_KEY_ID'], ENV['AWS_SECRET_ACCESS_KEY'], ENV['AWS_SESSION_TOKEN'] = line.split("\\t", -1)
  $stdout.write("${MARK}\\n")
  load("sign#{i}.rb", true) # each in its own module: its constants and methods stay its own
  $stdout.flush
end
`
	);
	return split(await exec('ruby', ['harness.rb'], { cwd: dir }), programs.length);
}

async function java(dir: string, programs: Program[]): Promise<string[]> {
	const files = programs.map((p, i) => {
		writeFileSync(join(dir, `SignRequest${i}.java`), p.code.replace(/\bclass SignRequest\b/, `class SignRequest${i}`));
		return `SignRequest${i}.java`;
	});
	writeFileSync(join(dir, 'envs.txt'), envLines(programs));
	writeFileSync(
		join(dir, 'Harness.java'),
		`import java.lang.reflect.Field;
import java.nio.file.*;
import java.util.*;
public class Harness {
	@SuppressWarnings("unchecked")
	public static void main(String[] args) throws Exception {
		// System.getenv is read-only; the test reaches its map to give each program its own keys.
		Map<String, String> view = System.getenv();
		Field field = view.getClass().getDeclaredField("m");
		field.setAccessible(true);
		Map<String, String> env = (Map<String, String>) field.get(view);
		List<String> lines = Files.readAllLines(Paths.get("envs.txt"));
		for (int i = 0; i < lines.size(); i++) {
			String[] e = lines.get(i).split("\\t", -1);
			env.put("AWS_ACCESS_KEY_ID", e[0]);
			env.put("AWS_SECRET_ACCESS_KEY", e[1]);
			env.put("AWS_SESSION_TOKEN", e[2]);
			System.out.println("${MARK}");
			try {
				Class.forName("SignRequest" + i).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
			} catch (java.lang.reflect.InvocationTargetException x) {
				System.out.println("ERROR " + x.getCause());
			}
			System.out.flush();
		}
	}
}
`
	);
	// The JIT's first tier only: a run this short finishes before the optimizing tier pays off (3x less CPU for javac).
	const quick = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];
	await exec('javac', [...quick.map((f) => `-J${f}`), '-encoding', 'UTF-8', '-nowarn', 'Harness.java', ...files], { cwd: dir });
	const out = await exec('java', [...quick, '--add-opens', 'java.base/java.util=ALL-UNNAMED', '-cp', '.', 'Harness'], { cwd: dir });
	return split(out, programs.length);
}

async function go(dir: string, programs: Program[]): Promise<string[]> {
	writeFileSync(join(dir, 'go.mod'), 'module harness\n\ngo 1.19\n');
	const imports: string[] = [];
	const calls: string[] = [];
	programs.forEach((p, i) => {
		mkdirSync(join(dir, `c${i}`));
		writeFileSync(
			join(dir, `c${i}`, 'sign.go'),
			p.code.replace(/^package main$/m, `package c${i}`).replace(/^func main\(\)/m, 'func Main()')
		);
		imports.push(`\tc${i} "harness/c${i}"`);
		calls.push(`c${i}.Main`);
	});
	writeFileSync(join(dir, 'envs.txt'), envLines(programs));
	writeFileSync(
		join(dir, 'main.go'),
		`package main

import (
	"fmt"
	"os"
	"strings"
${imports.join('\n')}
)

func main() {
	data, _ := os.ReadFile("envs.txt")
	lines := strings.Split(string(data), "\\n")
	for i, run := range []func(){${calls.join(', ')}} {
		e := strings.Split(lines[i], "\\t")
		os.Setenv("AWS_ACCESS_KEY_ID", e[0])
		os.Setenv("AWS_SECRET_ACCESS_KEY", e[1])
		os.Setenv("AWS_SESSION_TOKEN", e[2])
		fmt.Println("${MARK}")
		run()
	}
}
`
	);
	await exec('go', ['build', '-o', 'harness', '.'], { cwd: dir, env: { GOFLAGS: '-mod=mod', GO111MODULE: 'on', GOTOOLCHAIN: 'local' } });
	return split(await exec('./harness', [], { cwd: dir }), programs.length);
}

async function csharp(dir: string, programs: Program[]): Promise<string[]> {
	const files = programs.map((p, i) => {
		writeFileSync(join(dir, `SignRequest${i}.cs`), p.code.replace(/\bclass SignRequest\b/, `class SignRequest${i}`));
		return `SignRequest${i}.cs`;
	});
	writeFileSync(join(dir, 'envs.txt'), envLines(programs));
	writeFileSync(
		join(dir, 'Harness.cs'),
		`using System;
using System.IO;
public static class Harness {
	public static void Main() {
		string[] lines = File.ReadAllLines("envs.txt");
		for (int i = 0; i < lines.Length; i++) {
			string[] e = lines[i].Split('\\t');
			Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", e[0]);
			Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", e[1]);
			Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", e[2]);
			Console.Out.Write("${MARK}\\n");
			Console.Out.Flush();
			Type.GetType("SignRequest" + i).GetMethod("Main", System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic).Invoke(null, null);
		}
	}
}
`
	);
	await exec('mcs', ['-nologo', '-out:harness.exe', '-main:Harness', 'Harness.cs', ...files], { cwd: dir });
	return split(await exec('mono', ['harness.exe'], { cwd: dir }), programs.length);
}

/** Runs the programs of one language; each result is the program's standard output. */
export async function runPrograms(language: Language, programs: Program[]): Promise<string[]> {
	const dir = mkdtempSync(join(tmpdir(), `export-${language}-`));
	try {
		switch (language) {
			case 'python':
				return await python(dir, programs);
			case 'node':
			case 'browser':
				return await node(dir, programs);
			case 'php':
				return await eachFile(
					dir,
					(i) => `sign${i}.php`,
					programs,
					(f, env) => exec('php', [f], { env })
				);
			case 'ruby':
				return await ruby(dir, programs);
			case 'java':
				return await java(dir, programs);
			case 'go':
				return await go(dir, programs);
			case 'csharp':
				return await csharp(dir, programs);
			default:
				throw new Error(`${language} programs do not run here`);
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
