// Generated L1 bindings for the pinned tencentcloud provider (schema/), as a jsii submodule.
export * as providers from './providers/tencentcloud';

// Registry constructs (L2).
export * from './registry/tcr-action';
export * from './registry/tcr-billing';
export * from './registry/tcr-grantee';
export * from './registry/tcr-instance';
export * from './registry/tcr-instance-type';
export * from './registry/tcr-namespace';
export * from './registry/tcr-service-account';
export * from './registry/validity';
export * from './registry/vulnerability-severity';

// CAM access (L2): the TCR API catalog as enum-like values, policies, and CAM principals as grantees.
export { TcrResourceLevel } from './cam/catalog';
export * from './cam/tcr-grant-scope';
export * from './cam/tcr-api';
export * from './cam/tcr-policy-statement';
export * from './cam/tcr-policy-document';
export * from './cam/tcr-policy';
export * from './cam/tcr-managed-policy';
export * from './cam/cam-principal';
export * from './cam/cam-user';
export * from './cam/cam-group';
export * from './cam/cam-role';

// Credential constructs: registry credentials delivered to a secret store at deploy time, never to state.
export * from './credentials/delivered-credential';
export * from './credentials/instance-token';
export * from './credentials/permission-statement';
export * from './credentials/secret-store';
export * from './credentials/service-account-credentials';
export * from './credentials/token-type';
