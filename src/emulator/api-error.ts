/**
 * An error answered in Tencent Cloud API 3.0 shape:
 * `{"Response":{"Error":{"Code":code,"Message":message},"RequestId":...}}` with HTTP 200.
 */
export class ApiError extends Error {
  constructor(public readonly code: string, message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

export function missingParameter(field: string): ApiError {
  return new ApiError('MissingParameter', `The request is missing a required parameter \`${field}\`.`);
}
