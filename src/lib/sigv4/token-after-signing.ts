import { tokenPlacementFor } from './service-registry.ts';
import type { AuthMode, SigningParams } from './types.ts';

/**
 * Whether the session token is left out of the signature and appended to the presigned URL after
 * it. The caller's signSessionToken decides when given; otherwise the service registry does: AWS IoT
 * Core's MQTT over WebSockets (iotdevicegateway) wants it after signing (IoT developer guide,
 * iam-users-groups-roles.html; aws-c-auth#34), every other service signs it. Header mode always signs it unless told not to.
 */
export function tokenAfterSigning(params: Pick<SigningParams, 'service' | 'signSessionToken'>, mode: AuthMode): boolean {
	if (params.signSessionToken !== undefined) return !params.signSessionToken;
	return mode === 'query' && tokenPlacementFor(params.service.trim().toLowerCase()) === 'after-signing';
}
