// A language whose runtime is missing is not skipped: its test fails and names the Debian package.
import { describe, expect, it } from 'vitest';
import { missingRuntime } from './runners.ts';

describe('missing runtimes', () => {
	it('are named with the command that installs them', () => {
		expect(missingRuntime('go', '/nonexistent')).toBe('go not found: install with  apt-get install -y golang-go  (.ci/run does so on CI)');
		expect(missingRuntime('csharp', '/nonexistent')).toContain('apt-get install -y mono-mcs');
	});

	it('are not reported when the commands are on the PATH', () => {
		expect(missingRuntime('node')).toBeUndefined();
	});
});
