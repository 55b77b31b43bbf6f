/**
 * Typed API errors. They cross the transport as plain JSON ({@link ApiErrorBody}) and are rebuilt
 * as {@link ApiError} on the other side; `message` is an i18n key, `params` fill it in.
 */
export type ErrorCode =
  'VALIDATION' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'RULE' | 'UNKNOWN_METHOD' | 'INTERNAL';

export interface FieldIssue {
  /** Path of the field, e.g. ['towerRange'] or ['rows', 3, 'height']. */
  path: (string | number)[];
  /** i18n key, e.g. 'validation.too_small' or 'vegetation.towerRange.format'. */
  message: string;
  params?: Record<string, string | number>;
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  params?: Record<string, string | number>;
  issues?: FieldIssue[];
  /** For CONFLICT: the record as the other person saved it. */
  current?: unknown;
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly params?: Record<string, string | number>;
  readonly issues?: FieldIssue[];
  readonly current?: unknown;

  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.params = body.params;
    this.issues = body.issues;
    this.current = body.current;
  }

  toBody(): ApiErrorBody {
    const body: ApiErrorBody = { code: this.code, message: this.message };
    if (this.params) body.params = this.params;
    if (this.issues) body.issues = this.issues;
    if (this.current !== undefined) body.current = this.current;
    return body;
  }

  static fromBody(body: ApiErrorBody): ApiError {
    return new ApiError(body);
  }
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RULE: 422,
  UNKNOWN_METHOD: 404,
  INTERNAL: 500,
};

export const notFound = (entity: string, id: number | string) =>
  new ApiError({ code: 'NOT_FOUND', message: 'errors.notFound', params: { entity, id: String(id) } });

export const ruleError = (message: string, params?: Record<string, string | number>, path?: string[]) =>
  new ApiError({
    code: 'RULE',
    message,
    params,
    issues: path ? [{ path, message, params }] : undefined,
  });

const I18N_KEY = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_]+)+$/;

/**
 * Zod issues → field issues whose messages are i18n keys: a schema's own key where it gave one,
 * otherwise `validation.<zod code>`, with the bounds as parameters. Core and forms use the same one.
 */
export function fieldIssuesFromZod(
  issues: readonly { path: readonly PropertyKey[]; message: string; code: string }[],
): FieldIssue[] {
  return issues.map((iss) => {
    const params: Record<string, string | number> = {};
    const raw = iss as unknown as Record<string, unknown>;
    for (const k of ['minimum', 'maximum', 'expected', 'format'] as const) {
      const v = raw[k];
      if (typeof v === 'number' || typeof v === 'string') params[k] = v;
      if (typeof v === 'bigint') params[k] = Number(v);
    }
    // A custom issue's own parameters (the month of a day that does not exist).
    if (raw.params && typeof raw.params === 'object')
      for (const [k, v] of Object.entries(raw.params))
        if (typeof v === 'number' || typeof v === 'string') params[k] = v;
    const own = I18N_KEY.test(iss.message);
    // A value outside a fixed list names the list ("应为以下之一：0.4、10、35…"), through the API too.
    const listed = !own && iss.code === 'invalid_value' && Array.isArray(raw.values) && raw.values.length > 0;
    if (listed) params.allowed = (raw.values as unknown[]).map(String).join('、');
    return {
      path: iss.path.map((p) => (typeof p === 'number' ? p : String(p))),
      message: own ? iss.message : listed ? 'validation.one_of' : `validation.${iss.code}`,
      params,
    };
  });
}
