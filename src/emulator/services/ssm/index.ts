/** Secrets Manager (ssm 2019-09-23): model (state and rules) and handlers. */
export { ssmService } from './handlers';
export { DEFAULT_VERSION_ID, SsmModel, ssmState } from './model';
export type { SecretStatus, SsmSecretRecord, SsmState, SsmTag, SsmVersionRecord } from './model';
