/**
 * A CAM policy statement the deploying principal needs, as plain data (`effect`, `action`, `resource` as in a CAM
 * policy document). Render it with the CAM constructs or into a `tencentcloud_cam_policy` document.
 */
export interface CredentialPermissionStatement {
  /** Always `allow`. */
  readonly effect: string;
  /** CAM action names, e.g. `tcr:CreateInstanceToken`, sorted. */
  readonly actions: string[];
  /** Six-segment resource descriptions, e.g. `qcs::tcr:ap-guangzhou:uin/:instance/tcr-xxxxxxxx`. */
  readonly resources: string[];
}
