import { edit, EXAMPLE_CREDENTIALS, needsSecret, type Case } from '../case/index.ts';
import { stringOption, type CliArgs } from './cli-args.ts';

type KeyField = 'accessKeyId' | 'secretAccessKey' | 'sessionToken';

const SOURCES: Record<KeyField, [flag: string, env: string]> = {
	accessKeyId: ['--access-key-id', 'AWS_ACCESS_KEY_ID'],
	secretAccessKey: ['--secret-access-key', 'AWS_SECRET_ACCESS_KEY'],
	sessionToken: ['--session-token', 'AWS_SESSION_TOKEN']
};

/** A key as given, and where: a flag, or an environment variable. */
export interface GivenKey {
	value: string;
	from: string;
}

export type GivenKeys = Partial<Record<KeyField, GivenKey>>;

/** The keys the flags and the environment give; a flag wins over its variable, an empty value counts as none. */
export function givenKeys(args: CliArgs, env: CliIoEnv): GivenKeys {
	const out: GivenKeys = {};
	for (const field of Object.keys(SOURCES) as KeyField[]) {
		const [flag, name] = SOURCES[field];
		const fromFlag = stringOption(args, flag.slice(2));
		if (fromFlag) out[field] = { value: fromFlag, from: flag };
		else if (env[name]) out[field] = { value: env[name]!, from: name };
	}
	return out;
}

type CliIoEnv = Readonly<Record<string, string | undefined>>;

/** Where the secret the case signs with came from, in a few words, or undefined when there is none. */
export type SecretSource = string | undefined;

/**
 * Signing (sign, presign): the given keys sign, as the user's signer would with them. A key ID
 * given without its secret pairs with the input's secret only if that is the example's for it.
 */
export function keysForSigning(c: Case, keys: GivenKeys): { case: Case; secretFrom: SecretSource } {
	let next = c;
	if (keys.accessKeyId) next = edit(next, { accessKeyId: keys.accessKeyId.value });
	// The example's key ID stands in the case by default: it signs only when the input names it.
	else if (next.origins.accessKeyId === undefined) next = { ...next, accessKeyId: '' };
	if (keys.secretAccessKey) next = { ...next, secretAccessKey: keys.secretAccessKey.value };
	else if (next.accessKeyId !== EXAMPLE_CREDENTIALS.accessKeyId || next.origins.accessKeyId === undefined)
		next = { ...next, secretAccessKey: '' };
	if (keys.sessionToken) next = { ...next, sessionToken: keys.sessionToken.value };
	return { case: next, secretFrom: secretSource(next, keys) };
}

/**
 * Checking: the input says which key signed it. A secret from a flag is used as given; one from
 * the environment only when AWS_ACCESS_KEY_ID is unset or names that same key, so the keys of the
 * shell are never blamed for a request another key signed.
 */
export function keysForChecking(c: Case, keys: GivenKeys): { case: Case; secretFrom: SecretSource; note?: string } {
	const secret = keys.secretAccessKey;
	if (!secret) return { case: c, secretFrom: secretSource(c, keys) };
	const theirs = c.accessKeyId.trim();
	const envKey = keys.accessKeyId;
	if (secret.from.startsWith('--') || !envKey || theirs === '' || envKey.value === theirs) {
		let next: Case = { ...c, secretAccessKey: secret.value };
		if (keys.sessionToken && (c.sessionToken ?? '') === '') next = { ...next, sessionToken: keys.sessionToken.value };
		if (theirs === '' && envKey) next = edit(next, { accessKeyId: envKey.value });
		return { case: next, secretFrom: secretSource(next, keys) };
	}
	const note = `${envKey.from} names ${envKey.value}, but the input was signed with ${theirs}: its secret is not used. Pass --secret-access-key to use it anyway.`;
	return { case: c, secretFrom: secretSource(c, keys), note };
}

function secretSource(c: Case, keys: GivenKeys): SecretSource {
	if (needsSecret(c)) return undefined;
	if (keys.secretAccessKey && c.secretAccessKey === keys.secretAccessKey.value) return keys.secretAccessKey.from;
	if (c.secretAccessKey === EXAMPLE_CREDENTIALS.secretAccessKey)
		return `AWS's published example secret (for ${EXAMPLE_CREDENTIALS.accessKeyId})`;
	return 'the input';
}

/** What is missing to sign, with where to give it, or undefined when the keys are complete. */
export function missingKeys(c: Case): { message: string; fix: string } | undefined {
	const missing: KeyField[] = [];
	if (c.accessKeyId.trim() === '') missing.push('accessKeyId');
	if (needsSecret(c)) missing.push('secretAccessKey');
	if (missing.length === 0) return undefined;
	const names = { accessKeyId: 'access key ID', secretAccessKey: 'secret access key', sessionToken: 'session token' };
	return {
		message: `No ${missing.map((f) => names[f]).join(' and no ')} to sign with.`,
		fix: `Set ${missing.map((f) => SOURCES[f][1]).join(' and ')} in the environment (or pass ${missing.map((f) => SOURCES[f][0]).join(' and ')}); add AWS_SESSION_TOKEN for temporary credentials.`
	};
}
