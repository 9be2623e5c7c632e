import type { ShellWord } from './shell-words.ts';

/** Options that take an argument (long and short names); everything else is a flag. */
export const WITH_ARG = new Set(
	(
		'request header data data-ascii data-raw data-binary data-urlencode json form form-string user aws-sigv4 url user-agent referer cookie ' +
		'upload-file range output write-out proxy proxy-user connect-timeout max-time retry retry-delay retry-max-time cacert capath cert key ' +
		'cert-type key-type resolve connect-to cookie-jar limit-rate max-redirs proto proto-redir speed-time speed-limit time-cond interface ' +
		'dns-servers trace trace-ascii stderr config oauth2-bearer request-target quote variable continue-at max-filesize netrc-file ' +
		'output-dir create-file-mode local-port ciphers tls-max pinnedpubkey ech unix-socket abstract-unix-socket preproxy proxy-header ' +
		'expect100-timeout happy-eyeballs-timeout-ms keepalive-time hostpubmd5 engine dump-header etag-save etag-compare url-query'
	).split(' ')
);
export const SHORT_WITH_ARG: Record<string, string> = {
	X: 'request',
	H: 'header',
	d: 'data',
	F: 'form',
	u: 'user',
	A: 'user-agent',
	e: 'referer',
	b: 'cookie',
	T: 'upload-file',
	r: 'range',
	o: 'output',
	w: 'write-out',
	x: 'proxy',
	U: 'proxy-user',
	m: 'max-time',
	c: 'cookie-jar',
	y: 'speed-time',
	Y: 'speed-limit',
	z: 'time-cond',
	E: 'cert',
	K: 'config',
	Q: 'quote',
	C: 'continue-at',
	D: 'dump-header'
};
export const SHORT_FLAGS: Record<string, string> = {
	G: 'get',
	I: 'head',
	v: 'verbose',
	L: 'location',
	k: 'insecure',
	s: 'silent',
	S: 'show-error',
	i: 'include',
	g: 'globoff'
};

export interface CurlOption {
	name: string;
	value?: string;
	word: ShellWord;
	valueWord?: ShellWord;
}

/**
 * A word that is itself an option where a value was expected ("-X --user …") is read as a missing
 * value: curl would take it literally, but then the next word (a --user secret) would become the URL.
 */
export function isOption(word: string): boolean {
	const long = /^--([a-z][\w.-]*)/.exec(word);
	if (long)
		return WITH_ARG.has(long[1]!) || /^(verbose|silent|show-error|location|insecure|include|get|head|compressed|globoff)$/.test(long[1]!);
	return /^-[A-Za-z]/.test(word) && (word[1]! in SHORT_WITH_ARG || word[1]! in SHORT_FLAGS);
}
