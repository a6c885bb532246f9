/** An error that becomes a vLLM-shaped JSON error response: `{"error":{message,type,param,code}}`. */
export class SimHttpError extends Error {
  override readonly name: string = 'SimHttpError';
  readonly status: number;
  readonly type: string;

  constructor(status: number, type: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.status = status;
    this.type = type;
  }

  toBody(): { error: { message: string; type: string; param: null; code: number } } {
    return { error: { message: this.message, type: this.type, param: null, code: this.status } };
  }
}

/** 400: the request body is not valid JSON or a field has the wrong type or value. */
export class BadRequestError extends SimHttpError {
  override readonly name = 'BadRequestError';

  constructor(message: string, options?: ErrorOptions) {
    super(400, 'BadRequestError', message, options);
  }
}

/** 404: the requested model is not served. */
export class NotFoundError extends SimHttpError {
  override readonly name = 'NotFoundError';

  constructor(message: string, options?: ErrorOptions) {
    super(404, 'NotFoundError', message, options);
  }
}
