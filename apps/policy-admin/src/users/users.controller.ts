import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import type { TokenScope, UserRole } from '@lib/persistence';
import { CurrentActor, Roles, type Actor } from '../auth/roles.decorator';
import { validateBody } from '../body-validator.util';
import { EMPTY_SCHEMA, TOKEN_SCHEMA, USER_SCHEMA } from '../request-schemas';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post('users')
  @Roles('admin')
  @ApiBody({ schema: USER_SCHEMA })
  create(@CurrentActor() actor: Actor, @Body() body: unknown) {
    return this.users.create(
      actor.userId,
      validateBody<{ displayName: string; role: UserRole }>(USER_SCHEMA, body),
    );
  }

  @Get('users')
  @Roles('admin', 'auditor')
  list() {
    return this.users.list();
  }

  @Post('users/:id/disable')
  @HttpCode(200)
  @Roles('admin')
  @ApiBody({ schema: EMPTY_SCHEMA, required: false })
  disable(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    validateBody(EMPTY_SCHEMA, body);
    return this.users.setDisabled(actor.userId, id, true);
  }

  @Post('users/:id/enable')
  @HttpCode(200)
  @Roles('admin')
  @ApiBody({ schema: EMPTY_SCHEMA, required: false })
  enable(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    validateBody(EMPTY_SCHEMA, body);
    return this.users.setDisabled(actor.userId, id, false);
  }

  @Post('users/:id/tokens')
  @Roles('admin')
  @ApiBody({ schema: TOKEN_SCHEMA, required: false })
  issueToken(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    const b = validateBody<{ scopes?: TokenScope[]; expiresInDays?: number }>(TOKEN_SCHEMA, body);
    return this.users.issueToken({ actorId: actor.userId, userId: id, ...b });
  }

  @Get('users/:id/tokens')
  @Roles('admin', 'auditor')
  listTokens(@Param('id') id: string) {
    return this.users.listTokens(id);
  }

  @Post('tokens/:id/revoke')
  @HttpCode(200)
  @Roles('admin')
  @ApiBody({ schema: EMPTY_SCHEMA, required: false })
  revokeToken(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    validateBody(EMPTY_SCHEMA, body);
    return this.users.revokeToken(actor.userId, id);
  }
}
