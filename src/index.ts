// Generated L1 bindings for the pinned tencentcloud provider (schema/), as a jsii submodule.
export * as providers from './providers/tencentcloud';
