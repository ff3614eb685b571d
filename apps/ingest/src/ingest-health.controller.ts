import { Controller, Get, Inject } from '@nestjs/common';
import { CameraResolverService, type CameraResolverStats } from './camera-resolver.service';
import { IngressService, type IngressTally } from './ingress.service';
import { CAMERAS, INGRESS } from './tokens';

@Controller('health')
export class IngestHealthController {
  constructor(
    @Inject(INGRESS) private readonly ingress: IngressService,
    @Inject(CAMERAS) private readonly cameras: CameraResolverService,
  ) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Counts only: payloads received, events published, repeats folded, dead letters, images, and
   * vendor references resolved to registry cameras or not.
   */
  @Get('stats')
  stats(): Readonly<IngressTally> & { cameras: CameraResolverStats } {
    return { ...this.ingress.stats(), cameras: this.cameras.stats() };
  }
}
