import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PolicyFormat } from '@lib/persistence';
import { validateBody } from '../body-validator.util';
import { CurrentActor, Roles, type Actor } from '../auth/roles.decorator';
import { expectedVersionOf } from '../expected-version.util';
import {
  POLICY_ACTIVATE_SCHEMA,
  POLICY_DRAFT_SCHEMA,
  POLICY_SIMULATE_SCHEMA,
  POLICY_STEP_SCHEMA,
} from '../request-schemas';
import { ImpactService } from './impact.service';
import { PoliciesService } from './policies.service';
import { PolicyActivationService } from './policy-activation.service';
import { PolicyReconciliationService } from './policy-reconciliation.service';

interface DraftBody {
  format: PolicyFormat;
  content: string;
  expectedVersion?: number;
}
interface StepBody {
  expectedVersion?: number;
  reason?: string;
}
interface ActivateBody {
  expectedVersion?: number;
  at?: string;
}

/** A YAML body (`Content-Type: application/yaml`) is the policy text itself. */
function draftOf(body: unknown): DraftBody {
  if (typeof body === 'string') {
    return { format: 'yaml', content: body };
  }
  return validateBody<DraftBody>(POLICY_DRAFT_SCHEMA, body);
}

@ApiTags('policies')
@ApiBearerAuth()
@Controller('policies')
export class PoliciesController {
  constructor(
    private readonly policies: PoliciesService,
    private readonly activation: PolicyActivationService,
    private readonly impact: ImpactService,
    private readonly reconciliation: PolicyReconciliationService,
  ) {}

  @Get('publication')
  @Roles('dpo', 'auditor')
  @ApiOperation({
    summary:
      'Whether the policies topic shows the active version: the last check (at start, after a failed publish)',
  })
  publication() {
    return this.reconciliation.status();
  }

  @Post('versions/:id/simulate')
  @HttpCode(200)
  @Roles('dpo', 'auditor')
  @ApiOperation({
    summary:
      'Impact simulation: replay the last N hours of raw detections under this version and the active one (emits nothing)',
  })
  @ApiBody({ schema: POLICY_SIMULATE_SCHEMA })
  simulate(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    const b = validateBody<{ hours: number; sample?: number }>(POLICY_SIMULATE_SCHEMA, body);
    return this.impact.simulate({ actor, versionId: id, hours: b.hours, sample: b.sample });
  }

  @Post('versions')
  @Roles('dpo')
  @ApiOperation({ summary: 'Create a draft (YAML body, or JSON {format, content})' })
  @ApiConsumes('application/json', 'application/yaml')
  @ApiBody({ schema: POLICY_DRAFT_SCHEMA })
  create(@CurrentActor() actor: Actor, @Body() body: unknown) {
    return this.policies.createDraft({ actor, ...draftOf(body) });
  }

  @Get('versions')
  @Roles('dpo', 'auditor')
  list(@Query('policyId') policyId?: string) {
    return this.policies.list(policyId);
  }

  @Get('active')
  @Roles('dpo', 'auditor')
  active() {
    return this.policies.active();
  }

  @Get('diff')
  @Roles('dpo', 'auditor')
  @ApiOperation({ summary: 'Semantic diff between two versions; relaxing changes flagged' })
  diff(@Query('from') from: string, @Query('to') to: string) {
    return this.policies.diff(from ?? '', to ?? '');
  }

  @Get('versions/:id')
  @Roles('dpo', 'auditor')
  get(@Param('id') id: string) {
    return this.policies.get(id);
  }

  @Put('versions/:id')
  @Roles('dpo')
  @ApiOperation({ summary: 'Update a draft; If-Match or expectedVersion required (409 if stale)' })
  @ApiConsumes('application/json', 'application/yaml')
  @ApiBody({ schema: POLICY_DRAFT_SCHEMA })
  update(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch?: string,
  ) {
    const draft = draftOf(body);
    const expectedRowVersion = expectedVersionOf({
      ifMatch,
      bodyVersion: draft.expectedVersion,
      required: true,
    }) as number;
    return this.policies.updateDraft({
      actor,
      versionId: id,
      expectedRowVersion,
      format: draft.format,
      content: draft.content,
    });
  }

  @Post('versions/:id/submit')
  @HttpCode(200)
  @Roles('dpo')
  @ApiBody({ schema: POLICY_STEP_SCHEMA, required: false })
  submit(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.step(actor, id, 'submit', body, ifMatch);
  }

  @Post('versions/:id/approve')
  @HttpCode(200)
  @Roles('dpo')
  @ApiOperation({ summary: 'Approve (four eyes: never by the author, 403)' })
  @ApiBody({ schema: POLICY_STEP_SCHEMA, required: false })
  approve(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.step(actor, id, 'approve', body, ifMatch);
  }

  @Post('versions/:id/reject')
  @HttpCode(200)
  @Roles('dpo')
  @ApiBody({ schema: POLICY_STEP_SCHEMA, required: false })
  reject(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.step(actor, id, 'reject', body, ifMatch);
  }

  @Post('versions/:id/activate')
  @HttpCode(200)
  @Roles('dpo')
  @ApiOperation({
    summary: 'Activate now (sign, publish, then mark active) or at a later time (`at`)',
  })
  @ApiBody({ schema: POLICY_ACTIVATE_SCHEMA, required: false })
  async activate(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch?: string,
  ) {
    const b = validateBody<ActivateBody>(POLICY_ACTIVATE_SCHEMA, body);
    const outcome = await this.activation.activate({
      actorId: actor.userId,
      versionId: id,
      expectedRowVersion: expectedVersionOf({
        ifMatch,
        bodyVersion: b.expectedVersion,
        required: false,
      }),
      at: b.at,
    });
    return outcome.kind === 'activated'
      ? { outcome: outcome.kind, version: outcome.version, sequence: outcome.bundle.sequence }
      : { outcome: outcome.kind, version: outcome.version };
  }

  @Post('versions/:id/rollback')
  @Roles('dpo')
  @ApiOperation({ summary: 'New submitted version restoring an earlier approved one' })
  @ApiBody({ schema: POLICY_STEP_SCHEMA, required: false })
  rollback(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    validateBody<StepBody>(POLICY_STEP_SCHEMA, body);
    return this.policies.rollback({ actor, versionId: id });
  }

  private step(
    actor: Actor,
    versionId: string,
    action: 'submit' | 'approve' | 'reject',
    body: unknown,
    ifMatch: string | undefined,
  ) {
    const b = validateBody<StepBody>(POLICY_STEP_SCHEMA, body);
    return this.policies.step({
      actor,
      versionId,
      action,
      reason: b.reason,
      expectedRowVersion: expectedVersionOf({
        ifMatch,
        bodyVersion: b.expectedVersion,
        required: false,
      }),
    });
  }
}
