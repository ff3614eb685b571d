import {
  AdapterFormat,
  type AdapterInput,
  type AdapterOptions,
  type AdapterResult,
} from './adapter.types';
import { resolveCamera } from './canonical.util';
import { Fields, isRecord } from './fields.util';
import { ruleEventItems } from './onvif-event';
import { sceneItems } from './onvif-scene';
import { decodeJson, schemaIssue, unsupported } from './payload.util';

/**
 * ONVIF JSON over MQTT (formats.md §3): `<prefix>/onvif-mj/VideoAnalytics/<profile>/<module>`
 * scene descriptions and `<prefix>/onvif-ej/<topic>[/&<source values>…]` rule events.
 */
export function normaliseOnvif(input: AdapterInput, options: AdapterOptions): AdapterResult {
  const scene = /^(.+?)\/onvif-mj\/VideoAnalytics\/([^/]+)(?:\/([^/]+))?\/?$/.exec(input.channel);
  const rule = /^(.+?)\/onvif-ej\/(.+)$/.exec(input.channel);
  if (scene === null && rule === null) {
    return unsupported(
      'MQTT topic is neither <prefix>/onvif-mj/VideoAnalytics/… nor <prefix>/onvif-ej/…',
    );
  }
  if (input.payload.length === 0) {
    // an empty retained payload deletes a property (Core, AddEventBroker)
    return { ok: true, items: [], ignored: 'property-deleted' };
  }
  const decoded = decodeJson(input.payload);
  if (!decoded.ok) {
    return decoded;
  }
  if (!isRecord(decoded.value)) {
    return schemaIssue('payload must be a JSON object');
  }
  const fields = new Fields();
  if (scene !== null) {
    const [, prefix, profile, module] = scene;
    const camera = resolveCamera(
      AdapterFormat.Onvif,
      { deviceId: prefix, channel: profile },
      options,
    );
    if (camera === undefined) {
      return unsupported('topic prefix and profile do not lead to a valid camera id');
    }
    const items = sceneItems(decoded.value, { fields, camera, topic: input.channel, module });
    return fields.failed
      ? { ok: false, issues: fields.issues }
      : { ok: true, items, ignored: items.length === 0 ? 'no-objects' : undefined };
  }
  const [, prefix, rest] = rule as RegExpExecArray;
  const segments = rest.split('/');
  const firstSource = segments.findIndex((segment) => segment.startsWith('&'));
  const eventTopic = (firstSource < 0 ? segments : segments.slice(0, firstSource)).join('/');
  const sourceValues =
    firstSource < 0 ? [] : segments.slice(firstSource).map((s) => s.replace(/^&/, ''));
  const source = isRecord(decoded.value.Source) ? decoded.value.Source : {};
  const videoSource = fields.optText(source, 'VideoSource', '/Source') ?? sourceValues[0];
  const camera = resolveCamera(
    AdapterFormat.Onvif,
    { deviceId: prefix, channel: videoSource },
    options,
  );
  if (camera === undefined) {
    return unsupported('topic prefix and video source do not lead to a valid camera id');
  }
  const { items, ignored } = ruleEventItems(decoded.value, {
    fields,
    camera,
    eventTopic,
    sourceValues,
  });
  return fields.failed ? { ok: false, issues: fields.issues } : { ok: true, items, ignored };
}
