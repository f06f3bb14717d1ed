/**
 * The server's logger (pino). Secrets never reach the log, at any level: the calendar feed's
 * secret address (`/api/calendar/cal_....ics`), API tokens (`hmp_...`) and secret-looking query
 * parameters are replaced in every logged URL, and credential headers and password fields are
 * censored wherever they are logged.
 */
import { pino, type Logger } from 'pino';

const secretParams = /([?&](?:token|secret|key|password|code|access_token|api_key)=)[^&#]*/gi;

/**
 * A URL as it may be logged: secrets replaced by `[redacted]`.
 *
 * @example
 * redactUrl('/api/calendar/cal_abc123.ics'); // '/api/calendar/[redacted]'
 */
export function redactUrl(url: string): string {
  return url
    .replace(/(\/api\/calendar\/)[^?#]*/i, '$1[redacted]')
    .replace(/\b(cal|hmp)_[A-Za-z0-9_-]+/g, '$1_[redacted]')
    .replace(secretParams, '$1[redacted]');
}

interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** Fastify's request serializer with the URL redacted (the Host header is not logged: it is the client's word). */
export function requestSerializer(req: LoggedRequest): Record<string, unknown> {
  return {
    method: req.method,
    url: typeof req.url === 'string' ? redactUrl(req.url) : req.url,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

/** The server's logger at `level`, with the redacting serializers. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { app: 'pathways' },
    serializers: { req: requestSerializer },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'headers.authorization',
        'headers.cookie',
        '*.password',
        '*.currentPassword',
        '*.newPassword',
        'password',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
