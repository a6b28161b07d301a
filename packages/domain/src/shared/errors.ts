/** The closed list of error codes the system answers with. */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'PASSWORD_CHANGE_REQUIRED',
  'NOT_FOUND',
  'CONFLICT',
  'STALE_VERSION',
  'INVALID_STATE',
  'DEADLINE_PASSED',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA',
  'INTERNAL',
] as const;

/** One of the closed error codes. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** HTTP status for each error code. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STALE_VERSION: 409,
  INVALID_STATE: 409,
  DEADLINE_PASSED: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA: 415,
  INTERNAL: 500,
};

/** An error a person can act on: a code from the closed list and a Chinese message saying how to fix it. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** The JSON body of every error answer. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** Default Chinese messages for the codes that carry no specific text. */
export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION: '提交的内容不符合要求，请检查后重试',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '您没有执行此操作的权限',
  PASSWORD_CHANGE_REQUIRED: '请先修改初始密码后再继续操作',
  NOT_FOUND: '您要找的内容不存在或您无权查看',
  CONFLICT: '操作与现有数据冲突，请刷新后重试',
  STALE_VERSION: '该内容已被他人修改，请重新加载后再保存（您输入的内容不会丢失）',
  INVALID_STATE: '当前状态下不能执行此操作',
  DEADLINE_PASSED: '已超过截止时间',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  PAYLOAD_TOO_LARGE: '上传的内容过大',
  UNSUPPORTED_MEDIA: '不支持的文件类型',
  INTERNAL: '系统内部错误，请稍后重试；如多次出现请联系系统管理员',
};
