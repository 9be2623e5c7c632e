// One test per login-token finding code: each token is made right but for the one mistake, pasted
// as a user would, and analysed against a fixed clock. Sources of the rules: src/lib/sigv4/auth-token.ts.
import { describe, expect, it } from 'vitest';
import { analyze, edit, exampleCase, importPaste } from '../../src/lib/case/index.ts';
import { AUTH_TOKEN_CODES } from './auth-token-codes.ts';
import { base64UrlNoPad, buildAuthToken, presignUrl, type AuthTokenInput } from '../../src/lib/sigv4/index.ts';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const datetime = '20261206T110000Z';
const SOON = '2026-12-06T11:00:30Z';
const RDS_HOST = 'db.abc.us-west-2.rds.amazonaws.com';

async function token(input: Partial<AuthTokenInput> & Pick<AuthTokenInput, 'kind'>): Promise<string> {
	return (await buildAuthToken({ credentials, region: 'us-west-2', datetime, ...input })).token;
}

async function findings(text: string, now = SOON, secret = true) {
	const c = importPaste(exampleCase(), text).case;
	const a = await analyze(secret ? edit(c, { secretAccessKey: credentials.secretAccessKey }) : c, { now });
	return a;
}

const codes = (a: { findings: { code: string; severity: string }[] }) => a.findings.map((f) => `${f.code}:${f.severity}`);

describe('login token findings', () => {
	it('a right EKS and RDS token, with the secret: no finding, and verified', async () => {
		for (const text of [
			`${await token({ kind: 'eks', clusterName: 'demo' })} --cluster-name demo`,
			await token({ kind: 'rds', host: RDS_HOST, port: 5432, dbUser: 'app' })
		]) {
			const a = await findings(text);
			expect(codes(a)).toEqual([]);
			expect(a.verdict?.kind).toBe('correct');
		}
	});

	it('without the secret, a right token is never called correct', async () => {
		const a = await findings(await token({ kind: 'rds', host: RDS_HOST, port: 5432, dbUser: 'app' }), SOON, false);
		expect(a.verdict?.kind).not.toBe('correct');
	});

	it('eks-token-cluster-unsigned: x-k8s-aws-id left out of X-Amz-SignedHeaders', async () => {
		const trace = await presignUrl(
			{
				method: 'GET',
				url: 'https://sts.us-west-2.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15',
				headers: [['x-k8s-aws-id', 'demo']]
			},
			{ credentials, region: 'us-west-2', service: 'sts', datetime, expiresIn: 60, signedHeaders: ['host'] }
		);
		const a = await findings(`k8s-aws-v1.${base64UrlNoPad(trace.signedUrl!)}\ncluster-name: demo`);
		expect(codes(a)).toContain('eks-token-cluster-unsigned:error');
	});

	it('eks-token-cluster-name: unknown (a warning that asks for it), or an ARN (an error)', async () => {
		const eks = await token({ kind: 'eks', clusterName: 'demo' });
		expect(codes(await findings(eks))).toContain('eks-token-cluster-name:warning');
		const arn = await token({ kind: 'eks', clusterName: 'arn:aws:eks:us-west-2:111122223333:cluster/demo' });
		const a = await findings(`aws eks get-token --cluster-name arn:aws:eks:us-west-2:111122223333:cluster/demo\n${arn}`);
		expect(codes(a)).toContain('eks-token-cluster-name:error');
		expect(a.findings.find((f) => f.code === 'eks-token-cluster-name')?.fix).toContain('"demo"');
		// With the secret, a name the token was not signed for: the two inputs it can be, said as such.
		const other = await findings(`${eks}\n--cluster-name other`);
		expect(codes(other)).toEqual(expect.arrayContaining(['signature-mismatch:error', 'eks-token-cluster-name:warning']));
		expect(other.findings.find((f) => f.code === 'eks-token-cluster-name')?.message).toContain('another cluster name');
		expect(other.verdict?.kind).not.toBe('correct');
	});

	it('auth-token-expires-too-long: EKS over 60 warns, over 900 is refused; RDS over 900 is refused', async () => {
		expect(codes(await findings(`${await token({ kind: 'eks', clusterName: 'demo', expiresIn: 900 })} -i demo`))).toContain(
			'auth-token-expires-too-long:warning'
		);
		expect(codes(await findings(`${await token({ kind: 'eks', clusterName: 'demo', expiresIn: 3600 })} -i demo`))).toContain(
			'auth-token-expires-too-long:error'
		);
		expect(codes(await findings(await token({ kind: 'rds', host: RDS_HOST, port: 5432, dbUser: 'app', expiresIn: 3600 })))).toContain(
			'auth-token-expires-too-long:error'
		);
		// Aurora DSQL allows up to a week.
		expect(codes(await findings(await token({ kind: 'dsql', host: 'abc.dsql.us-west-2.on.aws', expiresIn: 3600 })))).toEqual([]);
	});

	it('auth-token-wrong-service: an RDS token signed as rds instead of rds-db', async () => {
		const trace = await presignUrl(
			{ method: 'GET', url: `https://${RDS_HOST}:5432/?Action=connect&DBUser=app`, headers: [] },
			{ credentials, region: 'us-west-2', service: 'rds', datetime, expiresIn: 900 }
		);
		const a = await findings(trace.signedUrl!.replace('https://', ''));
		expect(codes(a)).toContain('auth-token-wrong-service:error');
		expect(a.findings.find((f) => f.code === 'auth-token-wrong-service')?.message).toContain('rds-db');
	});

	it('auth-token-scheme-included: an RDS token pasted with https://', async () => {
		const rds = await token({ kind: 'rds', host: RDS_HOST, port: 5432, dbUser: 'app' });
		expect(codes(await findings(rds))).not.toContain('auth-token-scheme-included:error');
		const a = await findings(`https://${rds}`);
		expect(codes(a)).toContain('auth-token-scheme-included:error');
	});

	it('auth-token-expired: EKS 15 minutes after X-Amz-Date (not 60 s), RDS after X-Amz-Expires, by the page clock', async () => {
		const eks = `${await token({ kind: 'eks', clusterName: 'demo' })} -i demo`;
		expect(codes(await findings(eks, '2026-12-06T11:10:00Z'))).toEqual([]);
		const late = await findings(eks, '2026-12-06T11:16:00Z');
		expect(codes(late)).toContain('auth-token-expired:error');
		expect(late.findings.find((f) => f.code === 'auth-token-expired')?.message).toContain("this page's clock");
		expect(codes(late)).not.toContain('presign-expired:error');
		const rds = await token({ kind: 'rds', host: RDS_HOST, port: 5432, dbUser: 'app' });
		expect(codes(await findings(rds, '2026-12-06T11:15:01Z'))).toContain('auth-token-expired:error');
		expect(codes(await findings(rds, '2026-12-06T10:40:00Z'))).toContain('auth-token-expired:error');
	});

	it('auth-token-region-mismatch: the CLI example signs a us-west-2 host for us-east-1', async () => {
		const a = await findings(await token({ kind: 'rds', host: RDS_HOST, port: 3306, dbUser: 'jane_doe', region: 'us-east-1' }));
		expect(codes(a)).toContain('auth-token-region-mismatch:error');
		const sts = await findings(
			`${await token({ kind: 'eks', clusterName: 'demo', host: 'sts.amazonaws.com', region: 'us-west-2' })} -i demo`
		);
		expect(sts.findings.find((f) => f.code === 'auth-token-region-mismatch')?.message).toContain('us-east-1');
	});
});

describe('every login-token code', () => {
	it('has its test above', async () => {
		const { readFileSync } = await import('node:fs');
		const source = readFileSync(new URL(import.meta.url), 'utf8');
		for (const code of AUTH_TOKEN_CODES) expect(source).toContain(`it('${code}:`);
	});
});
