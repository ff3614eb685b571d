import { Controller, Get, Inject } from '@nestjs/common';
import { IngressService, type IngressTally } from './ingress.service';
import { INGRESS } from './tokens';

@Controller('health')
export class IngestHealthController {
  constructor(@Inject(INGRESS) private readonly ingress: IngressService) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Counts only: payloads received, events published, repeats folded, dead letters, images. */
  @Get('stats')
  stats(): Readonly<IngressTally> {
    return this.ingress.stats();
  }
}
