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

// Credential constructs: registry credentials delivered to a secret store at deploy time, never to state.
export * from './credentials/delivered-credential';
export * from './credentials/instance-token';
export * from './credentials/permission-statement';
export * from './credentials/secret-store';
export * from './credentials/service-account-credentials';
export * from './credentials/token-type';
