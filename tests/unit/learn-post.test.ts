import { describe, expect, it } from 'vitest';
import { buildPostSteps, postPaneTexts } from '../../src/lib/learn/post-steps.ts';
import { FINDING_CODES } from '../../src/lib/findings/index.ts';
import { signPostPolicy } from '../../src/lib/sigv4/index.ts';
import { DEFAULT_PARAMS, DEFAULT_POST_POLICY } from '../../src/lib/case/examples.ts';

describe('learning a POST policy upload', () => {
	it('walks from the policy to the form fields without drifting from the signer', async () => {
		const post = await signPostPolicy({ policy: DEFAULT_POST_POLICY, fields: [['key', 'uploads/a.jpg']] }, DEFAULT_PARAMS);
		const steps = buildPostSteps(post, DEFAULT_POST_POLICY);
		const panes = postPaneTexts(post);
		const output = (id: string) => steps.find((s) => s.id === id)!.output;
		expect(output('post-policy')).toBe(post.policyJson);
		expect(output('post-base64')).toBe(Buffer.from(post.policyJson).toString('base64'));
		expect(output('post-base64')).toBe(post.stringToSign);
		expect(output('signature')).toBe(post.signature);
		expect(output('k-signing')).toBe(post.keyChain.kSigning);
		expect(new Set(steps.map((s) => s.id)).size).toBe(steps.length);
		for (const step of steps) {
			const pane = step.highlight?.pane ?? 'stringToSign';
			// Each POST output stands once in its pane: the highlight is exactly where.
			const start = panes[pane].indexOf(step.output);
			expect(start, step.id).toBeGreaterThanOrEqual(0);
			expect(step.highlight, step.id).toEqual({ pane, start, end: start + step.output.length });
			expect(step.docUrl).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
			for (const code of step.mistakes) expect(FINDING_CODES).toHaveProperty(code);
		}
		expect(JSON.stringify(steps)).not.toContain(DEFAULT_PARAMS.credentials.secretAccessKey);
	});
});
