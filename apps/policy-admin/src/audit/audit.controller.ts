import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequiresScope, Roles, type Actor } from '../auth/roles.decorator';
import { validateBody } from '../body-validator.util';
import { EMPTY_SCHEMA } from '../request-schemas';
import { AuditService } from './audit.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller()
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('audit')
  @Roles('auditor', 'dpo', 'admin')
  list(@Query('targetType') targetType?: string, @Query('targetId') targetId?: string) {
    return this.audit.list({ targetType, targetId });
  }

  /** Exchanges a token for who it belongs to; audited as a login. Read scope suffices. */
  @Post('auth/login')
  @HttpCode(200)
  @Roles('dpo', 'auditor', 'admin')
  @RequiresScope('read')
  @ApiBody({ schema: EMPTY_SCHEMA, required: false })
  async login(@CurrentActor() actor: Actor, @Body() body: unknown) {
    validateBody(EMPTY_SCHEMA, body);
    await this.audit.record({
      actorId: actor.userId,
      action: 'auth.login',
      target: { type: 'api_token', id: actor.tokenId },
      details: { role: actor.role },
    });
    return {
      userId: actor.userId,
      displayName: actor.displayName,
      role: actor.role,
      tokenExpiresAt: actor.tokenExpiresAt,
    };
  }
}
