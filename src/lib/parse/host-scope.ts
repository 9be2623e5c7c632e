import { serviceFor } from '../sigv4/index.ts';

/**
 * Best guess of region and service (the signing name) from an AWS host name or URL, used only when
 * nothing in the text names them (a curl command with --aws-sigv4 "aws:amz", a request without
 * Authorization). The service registry knows each host's signing name; an AWS host it does not
 * know gives its label as the guess, and other hosts give nothing.
 */
export function scopeFromHost(hostOrUrl: string): { region?: string; service?: string } {
	const inferred = serviceFor(hostOrUrl);
	return {
		...(inferred.region !== undefined ? { region: inferred.region } : {}),
		...(inferred.signingName !== undefined ? { service: inferred.signingName } : {})
	};
}
