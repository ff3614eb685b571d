import { Controller, HttpException, HttpStatus, Inject, Post, Req, Res } from '@nestjs/common';
import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import { AdapterFormat, type AdapterPart } from '@lib/adapters';
import { IngressService } from './ingress.service';
import { INGEST_CONFIG, INGRESS } from './tokens';
import type { IngestConfig } from './ingest.config';

interface Reply {
  status(code: number): Reply;
  json(body: unknown): void;
}

const XML = /^(application|text)\/xml\b/i;
const JSON_TYPE = /^application\/json\b/i;
const MULTIPART = /^multipart\/form-data\b/i;

/**
 * Hikvision ISAPI notifications (`/ISAPI/Event/notification/httpHosts` points here): an
 * EventNotificationAlert in XML or JSON, alone or as one part of a multipart/form-data body whose
 * other parts are the JPEGs it names. 200 once the events are on the raw topic; 400 with every
 * reason when the alert cannot be read (it is dead-lettered, bytes and all); 413 over the size
 * limit; 415 for any other content type.
 */
@Controller('isapi')
export class HikvisionController {
  constructor(
    @Inject(INGRESS) private readonly ingress: IngressService,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
  ) {}

  @Post('events')
  async receive(@Req() req: IncomingMessage, @Res() res: Reply): Promise<void> {
    const contentType = req.headers['content-type'] ?? '';
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > this.config.maxPayloadBytes) {
      throw new HttpException(tooLarge(this.config.maxPayloadBytes), HttpStatus.PAYLOAD_TOO_LARGE);
    }
    let alert: { bytes: Buffer; contentType: string } | null;
    let parts: AdapterPart[] = [];
    if (MULTIPART.test(contentType)) {
      const body = await readMultipart(req, contentType, this.config.maxPayloadBytes);
      alert = body.alert;
      parts = body.images;
    } else if (XML.test(contentType) || JSON_TYPE.test(contentType)) {
      alert = { bytes: await readBody(req, this.config.maxPayloadBytes), contentType };
    } else {
      req.resume();
      throw new HttpException(
        {
          error: 'unsupported_media_type',
          es: 'Se espera XML, JSON o multipart/form-data (ISAPI EventNotificationAlert).',
          en: 'Expected XML, JSON or multipart/form-data (ISAPI EventNotificationAlert).',
        },
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      );
    }
    if (alert === null) {
      throw new HttpException(
        {
          error: 'no_alert_part',
          es: 'El cuerpo multipart no trae la parte XML o JSON con la alerta.',
          en: 'The multipart body has no XML or JSON alert part.',
        },
        HttpStatus.BAD_REQUEST,
      );
    }
    const outcome = await this.ingress.accept(
      {
        format: AdapterFormat.Hikvision,
        channel: '/isapi/events',
        payload: alert.bytes,
        contentType: alert.contentType,
        parts,
      },
      { transport: 'http', channel: '/isapi/events' },
    );
    if (outcome.issues) {
      res.status(HttpStatus.BAD_REQUEST).json({
        error: 'unreadable_alert',
        es: 'La alerta no se pudo leer; quedó en la cola de mensajes fallidos con cada motivo.',
        en: 'The alert could not be read; it was dead-lettered with every reason.',
        issues: outcome.issues,
      });
      return;
    }
    res
      .status(HttpStatus.OK)
      .json({ published: outcome.published, duplicates: outcome.duplicates });
  }
}

function tooLarge(limit: number) {
  return {
    error: 'payload_too_large',
    es: `El cuerpo supera el límite de ${limit} bytes.`,
    en: `The body is over the limit of ${limit} bytes.`,
  };
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      throw new HttpException(tooLarge(limit), HttpStatus.PAYLOAD_TOO_LARGE);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The alert part (first XML or JSON part) and the image parts of a multipart body. */
function readMultipart(
  req: IncomingMessage,
  contentType: string,
  limit: number,
): Promise<{ alert: { bytes: Buffer; contentType: string } | null; images: AdapterPart[] }> {
  return new Promise((resolve, reject) => {
    let alert: { bytes: Buffer; contentType: string } | null = null;
    const images: AdapterPart[] = [];
    let size = 0;
    let failed = false;
    const fail = (error: HttpException) => {
      if (!failed) {
        failed = true;
        req.unpipe();
        req.resume();
        reject(error);
      }
    };
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { ...req.headers, 'content-type': contentType },
        limits: { fileSize: limit, files: 16, fields: 16, fieldSize: limit },
      });
    } catch {
      reject(
        new HttpException(
          {
            error: 'malformed_multipart',
            es: 'Cuerpo multipart mal formado.',
            en: 'Malformed multipart body.',
          },
          HttpStatus.BAD_REQUEST,
        ),
      );
      return;
    }
    const take = (name: string, filename: string | undefined, type: string, bytes: Buffer) => {
      size += bytes.length;
      if (size > limit) {
        fail(new HttpException(tooLarge(limit), HttpStatus.PAYLOAD_TOO_LARGE));
        return;
      }
      const isAlert =
        XML.test(type) || JSON_TYPE.test(type) || /\.(xml|json)$/i.test(filename ?? name);
      if (isAlert && alert === null) {
        alert = { bytes, contentType: type };
      } else {
        images.push({ name, ...(filename ? { filename } : {}), contentType: type, bytes });
      }
    };
    parser.on('file', (field, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () =>
        fail(new HttpException(tooLarge(limit), HttpStatus.PAYLOAD_TOO_LARGE)),
      );
      stream.on('close', () => take(field, info.filename, info.mimeType, Buffer.concat(chunks)));
    });
    parser.on('field', (name, value, info) =>
      take(name, undefined, info.mimeType, Buffer.from(value, 'utf8')),
    );
    parser.on('error', () =>
      fail(
        new HttpException(
          {
            error: 'malformed_multipart',
            es: 'Cuerpo multipart mal formado.',
            en: 'Malformed multipart body.',
          },
          HttpStatus.BAD_REQUEST,
        ),
      ),
    );
    parser.on('close', () => {
      if (!failed) {
        resolve({ alert, images });
      }
    });
    req.pipe(parser);
  });
}
