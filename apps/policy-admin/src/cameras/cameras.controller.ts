import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CameraFields } from '@lib/persistence';
import { AdminError, AdminErrorCode } from '../admin.error';
import { CurrentActor, Roles, type Actor } from '../auth/roles.decorator';
import { invalidBody, validateBody, type JsonSchema } from '../body-validator.util';
import { expectedVersionOf } from '../expected-version.util';
import { CAMERA_SCHEMA, CAMERA_UPDATE_SCHEMA, POLICY_STEP_SCHEMA } from '../request-schemas';
import { checkCameraCsv, checkCameraRows, normalise } from './camera-import.util';
import { cameraVendorIssues } from './camera-vendor.util';
import { CamerasService } from './cameras.service';

@ApiTags('cameras')
@ApiBearerAuth()
@Controller('cameras')
export class CamerasController {
  constructor(private readonly cameras: CamerasService) {}

  @Get()
  @Roles('dpo', 'auditor')
  list() {
    return this.cameras.list();
  }

  @Get(':id')
  @Roles('dpo', 'auditor')
  get(@Param('id') id: string) {
    return this.cameras.get(id);
  }

  @Post()
  @Roles('dpo')
  @ApiBody({ schema: CAMERA_SCHEMA })
  create(@CurrentActor() actor: Actor, @Body() body: unknown) {
    const camera = validateCamera<CameraFields>(CAMERA_SCHEMA, body);
    return this.cameras.create(actor, normalise(camera));
  }

  @Post('import')
  @Roles('dpo')
  @ApiOperation({
    summary: 'Bulk import, all or nothing: a JSON array of cameras or CSV (text/csv)',
  })
  @ApiConsumes('application/json', 'text/csv')
  import(@CurrentActor() actor: Actor, @Body() body: unknown) {
    if (typeof body === 'string') {
      return this.cameras.import(actor, checkCameraCsv(body));
    }
    if (!Array.isArray(body)) {
      throw new AdminError({
        code: AdminErrorCode.InvalidBody,
        es: 'Se esperaba un arreglo JSON de cámaras o un CSV (text/csv).',
        en: 'Expected a JSON array of cameras or CSV (text/csv).',
      });
    }
    return this.cameras.import(actor, checkCameraRows(body));
  }

  @Put(':id')
  @Roles('dpo')
  @ApiOperation({ summary: 'Update; If-Match or expectedVersion required (409 if stale)' })
  @ApiBody({ schema: CAMERA_UPDATE_SCHEMA })
  update(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch?: string,
  ) {
    const { expectedVersion, ...fields } = validateCamera<
      Omit<CameraFields, 'cameraId'> & { expectedVersion?: number }
    >(CAMERA_UPDATE_SCHEMA, body);
    const { cameraId: _id, ...normalised } = normalise({ ...fields, cameraId: id });
    return this.cameras.update({
      actor,
      cameraId: id,
      expectedRowVersion: expectedVersionOf({
        ifMatch,
        bodyVersion: expectedVersion,
        required: true,
      }) as number,
      fields: normalised,
    });
  }

  @Post(':id/retire')
  @HttpCode(200)
  @Roles('dpo')
  @ApiBody({ schema: POLICY_STEP_SCHEMA, required: false })
  retire(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch?: string,
  ) {
    const b = validateBody<{ expectedVersion?: number }>(POLICY_STEP_SCHEMA, body);
    return this.cameras.update({
      actor,
      cameraId: id,
      expectedRowVersion: expectedVersionOf({
        ifMatch,
        bodyVersion: b.expectedVersion,
        required: true,
      }) as number,
      retired: true,
    });
  }
}

/** The body checked against the schema, then its vendor reference; 400 naming every problem. */
function validateCamera<T extends Partial<CameraFields>>(schema: JsonSchema, body: unknown): T {
  const camera = validateBody<T>(schema, body);
  const issues = cameraVendorIssues(camera);
  if (issues.length > 0) {
    throw invalidBody(issues);
  }
  return camera;
}
