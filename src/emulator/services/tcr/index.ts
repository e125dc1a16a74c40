/** TCR Enterprise (tcr 2019-09-24): model (state and rules), handlers, views and the registry login check. */
export { tcrService } from './handlers';
export {
  generateServiceAccountPassword, tcrState, TcrModel,
} from './model';
export type {
  SecretDigest, TcrImageRecord, TcrInstanceRecord, TcrNamespaceRecord, TcrPermissionRecord, TcrSecurityPolicyRecord,
  TcrServiceAccountRecord, TcrState, TcrTag, TcrTokenRecord,
} from './model';
export { verifyRegistryLogin } from './registry-login';
export type { RegistryLoginResult } from './registry-login';
export { REGISTRY_DOMAIN_SUFFIX } from '../../../validation/name-rules';
