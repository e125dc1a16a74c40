/**
 * The tfplugin6 messages the stand-in handles, under the names terraform-plugin-go gives them: one request and one
 * response type per RPC, aliased from the types proto-loader generates into proto-types/ (never edited by hand).
 * Requests are the permissive shapes (what a client may send; the server decodes with defaults, so every field is
 * there at run time), responses what the handlers build.
 */
import type { _tfplugin6_ApplyResourceChange_Request, _tfplugin6_ApplyResourceChange_Response } from './proto-types/tfplugin6/ApplyResourceChange';
import type { AttributePath as _AttributePath } from './proto-types/tfplugin6/AttributePath';
import type { _tfplugin6_ConfigureProvider_Request, _tfplugin6_ConfigureProvider_Response } from './proto-types/tfplugin6/ConfigureProvider';
import type { Diagnostic as _Diagnostic } from './proto-types/tfplugin6/Diagnostic';
import type { DynamicValue as _DynamicValue } from './proto-types/tfplugin6/DynamicValue';
import type { _tfplugin6_GetFunctions_Request, _tfplugin6_GetFunctions_Response } from './proto-types/tfplugin6/GetFunctions';
import type { _tfplugin6_GetProviderSchema_Request, _tfplugin6_GetProviderSchema_Response } from './proto-types/tfplugin6/GetProviderSchema';
import type { _tfplugin6_ImportResourceState_Request, _tfplugin6_ImportResourceState_Response } from './proto-types/tfplugin6/ImportResourceState';
import type { _tfplugin6_PlanResourceChange_Request, _tfplugin6_PlanResourceChange_Response } from './proto-types/tfplugin6/PlanResourceChange';
import type { _tfplugin6_ReadDataSource_Request, _tfplugin6_ReadDataSource_Response } from './proto-types/tfplugin6/ReadDataSource';
import type { _tfplugin6_ReadResource_Request, _tfplugin6_ReadResource_Response } from './proto-types/tfplugin6/ReadResource';
import type { Schema as _Schema, _tfplugin6_Schema_Block } from './proto-types/tfplugin6/Schema';
import type { _tfplugin6_StopProvider_Request, _tfplugin6_StopProvider_Response } from './proto-types/tfplugin6/StopProvider';
import type { _tfplugin6_UpgradeResourceState_Request, _tfplugin6_UpgradeResourceState_Response } from './proto-types/tfplugin6/UpgradeResourceState';
import type { _tfplugin6_ValidateDataResourceConfig_Request, _tfplugin6_ValidateDataResourceConfig_Response } from './proto-types/tfplugin6/ValidateDataResourceConfig';
import type { _tfplugin6_ValidateEphemeralResourceConfig_Request, _tfplugin6_ValidateEphemeralResourceConfig_Response } from './proto-types/tfplugin6/ValidateEphemeralResourceConfig';
import type { _tfplugin6_ValidateProviderConfig_Request, _tfplugin6_ValidateProviderConfig_Response } from './proto-types/tfplugin6/ValidateProviderConfig';
import type { _tfplugin6_ValidateResourceConfig_Request, _tfplugin6_ValidateResourceConfig_Response } from './proto-types/tfplugin6/ValidateResourceConfig';
export type { ProtoGrpcType as Tfplugin6Package } from './proto-types/tfplugin6';
export type { ProtoGrpcType as GoPluginPackage } from './proto-types/go-plugin';
export type { ProtoGrpcType as HealthPackage } from './proto-types/health';
export type { ProviderHandlers } from './proto-types/tfplugin6/Provider';

export type Diagnostic = _Diagnostic;
export type DynamicValue = _DynamicValue;
export type AttributePath = _AttributePath;
export type Schema = _Schema;
export type SchemaBlock = _tfplugin6_Schema_Block;
export type GetProviderSchemaRequest = _tfplugin6_GetProviderSchema_Request;
export type GetProviderSchemaResponse = _tfplugin6_GetProviderSchema_Response;
export type ValidateProviderConfigRequest = _tfplugin6_ValidateProviderConfig_Request;
export type ValidateProviderConfigResponse = _tfplugin6_ValidateProviderConfig_Response;
export type ValidateResourceConfigRequest = _tfplugin6_ValidateResourceConfig_Request;
export type ValidateResourceConfigResponse = _tfplugin6_ValidateResourceConfig_Response;
export type ValidateDataResourceConfigRequest = _tfplugin6_ValidateDataResourceConfig_Request;
export type ValidateDataResourceConfigResponse = _tfplugin6_ValidateDataResourceConfig_Response;
export type ValidateEphemeralResourceConfigRequest = _tfplugin6_ValidateEphemeralResourceConfig_Request;
export type ValidateEphemeralResourceConfigResponse = _tfplugin6_ValidateEphemeralResourceConfig_Response;
export type UpgradeResourceStateRequest = _tfplugin6_UpgradeResourceState_Request;
export type UpgradeResourceStateResponse = _tfplugin6_UpgradeResourceState_Response;
export type ConfigureProviderRequest = _tfplugin6_ConfigureProvider_Request;
export type ConfigureProviderResponse = _tfplugin6_ConfigureProvider_Response;
export type ReadResourceRequest = _tfplugin6_ReadResource_Request;
export type ReadResourceResponse = _tfplugin6_ReadResource_Response;
export type PlanResourceChangeRequest = _tfplugin6_PlanResourceChange_Request;
export type PlanResourceChangeResponse = _tfplugin6_PlanResourceChange_Response;
export type ApplyResourceChangeRequest = _tfplugin6_ApplyResourceChange_Request;
export type ApplyResourceChangeResponse = _tfplugin6_ApplyResourceChange_Response;
export type ImportResourceStateRequest = _tfplugin6_ImportResourceState_Request;
export type ImportResourceStateResponse = _tfplugin6_ImportResourceState_Response;
export type ReadDataSourceRequest = _tfplugin6_ReadDataSource_Request;
export type ReadDataSourceResponse = _tfplugin6_ReadDataSource_Response;
export type GetFunctionsRequest = _tfplugin6_GetFunctions_Request;
export type GetFunctionsResponse = _tfplugin6_GetFunctions_Response;
export type StopProviderRequest = _tfplugin6_StopProvider_Request;
export type StopProviderResponse = _tfplugin6_StopProvider_Response;
