/** CAM 2019-01-16: model (policies, attachments, the policies that apply to a caller) and handlers. */
export { camService } from './handlers';
export { attachmentCount, CamModel, camOf, camPolicySource, policiesFor } from './model';
export type { CamState, PrincipalKind, StoredPolicy } from './model';
export { PrincipalsModel, principalsOf } from './principals';
export type { GroupProfile, PrincipalsState, RoleProfile, UserProfile } from './principals';
