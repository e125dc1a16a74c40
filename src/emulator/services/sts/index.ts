/** STS 2018-08-13: the caller-identity model and its handler. */
export { stsService } from './handlers';
export { callerIdentity } from './model';
export type { CallerIdentity } from './model';
