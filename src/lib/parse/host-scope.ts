import { serviceFor } from '../sigv4/index.ts';

/**
 * Best guess of region and service (the signing name) from an AWS host name or URL, used only when
 * nothing in the text names them (a curl command with --aws-sigv4 "aws:amz", a request without
 * Authorization). The service registry knows each host's signing name; an AWS host it does not
 * know gives its label as the guess, and other hosts give nothing. Without `guesses`, only what
 * the registry knows: a known signing name, a region the host names (or its endpoint fixes).
 */
export function scopeFromHost(hostOrUrl: string, opts: { guesses?: boolean } = {}): { region?: string; service?: string } {
	const inferred = serviceFor(hostOrUrl);
	const guesses = opts.guesses ?? true;
	const region = guesses || inferred.regionFrom !== 'guess' ? inferred.region : undefined;
	const service = guesses || inferred.known ? inferred.signingName : undefined;
	return { ...(region !== undefined ? { region } : {}), ...(service !== undefined ? { service } : {}) };
}
