import {
  Catch,
  HttpException,
  Inject,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { HttpResponse } from './http.types';
import { assertUnreachable, type JsonLogger } from '@lib/common';
import { PersistenceError } from '@lib/persistence';
import { AdminError, AdminErrorCode } from './admin.error';
import { LOGGER } from './tokens';

export function httpStatusOf(code: AdminErrorCode): number {
  switch (code) {
    case AdminErrorCode.Unauthenticated:
      return 401;
    case AdminErrorCode.Forbidden:
    case AdminErrorCode.SelfApproval:
      return 403;
    case AdminErrorCode.NotFound:
      return 404;
    case AdminErrorCode.StaleVersion:
    case AdminErrorCode.InvalidState:
    case AdminErrorCode.AlreadyExists:
      return 409;
    case AdminErrorCode.InvalidBody:
    case AdminErrorCode.PolicyInvalid:
    case AdminErrorCode.ImportInvalid:
      return 400;
    case AdminErrorCode.PreconditionRequired:
      return 428;
    case AdminErrorCode.PublishFailed:
      return 503;
    default:
      return assertUnreachable(code);
  }
}

/** Maps every error to `{ code, es, en, issues }`; internals never reach the client. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: JsonLogger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<HttpResponse>();
    if (error instanceof AdminError) {
      response.status(httpStatusOf(error.code)).json({
        code: error.code,
        es: error.es,
        en: error.en,
        ...(error.issues.length > 0 ? { issues: error.issues } : {}),
      });
      return;
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      response.status(status).json({
        code: `http_${status}`,
        es: status === 404 ? 'Recurso no encontrado.' : 'Solicitud rechazada.',
        en: error.message,
      });
      return;
    }
    const retriable = error instanceof PersistenceError && error.retriable;
    this.logger.event('error', 'request failed', {
      error: error instanceof Error ? error.name : 'unknown',
      code: error instanceof PersistenceError ? error.code : undefined,
    });
    response.status(retriable ? 503 : 500).json({
      code: 'admin_internal',
      es: 'Error interno; inténtelo de nuevo o avise al administrador.',
      en: 'Internal error; try again or tell the administrator.',
    });
  }
}
