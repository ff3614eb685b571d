import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import type { Authorisation } from '@lib/persistence';
import { CurrentActor, Roles, type Actor } from '../auth/roles.decorator';
import { validateBody } from '../body-validator.util';
import { AUTHORISATION_SCHEMA, AUTHORISATION_USE_SCHEMA, EMPTY_SCHEMA } from '../request-schemas';
import { AuthorisationRegisterService } from './authorisation-register.service';
import { AuthorisationsService } from './authorisations.service';

@ApiTags('authorisations')
@ApiBearerAuth()
@Controller('authorisations')
export class AuthorisationsController {
  constructor(
    private readonly authorisations: AuthorisationsService,
    private readonly publication: AuthorisationRegisterService,
  ) {}

  @Post()
  @Roles('dpo')
  @ApiBody({ schema: AUTHORISATION_SCHEMA })
  register(@CurrentActor() actor: Actor, @Body() body: unknown) {
    return this.authorisations.register({
      actorId: actor.userId,
      body: validateBody<
        Pick<
          Authorisation,
          'issuer' | 'caseRef' | 'purposes' | 'scope' | 'validFrom' | 'validUntil'
        >
      >(AUTHORISATION_SCHEMA, body),
    });
  }

  @Get()
  @Roles('dpo', 'auditor')
  list() {
    return this.authorisations.list();
  }

  /** Whether the governors were sent the register the database holds (declared before :id). */
  @Get('register')
  @Roles('dpo', 'auditor')
  registerStatus() {
    return this.publication.status();
  }

  @Get(':id')
  @Roles('dpo', 'auditor')
  get(@Param('id') id: string) {
    return this.authorisations.get(id);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Roles('dpo')
  @ApiBody({ schema: EMPTY_SCHEMA, required: false })
  revoke(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    validateBody(EMPTY_SCHEMA, body);
    return this.authorisations.revoke(actor.userId, id);
  }

  @Post(':id/uses')
  @Roles('dpo')
  @ApiBody({ schema: AUTHORISATION_USE_SCHEMA, required: false })
  use(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    const b = validateBody<{ cameraId?: string; reference?: string }>(
      AUTHORISATION_USE_SCHEMA,
      body,
    );
    return this.authorisations.recordUse({ authorisationId: id, usedBy: actor.userId, ...b });
  }
}
