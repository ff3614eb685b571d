/**
 * A minimal valid policy document as plain data; tests clone it and break one thing at a time.
 */
export function validPolicyDoc(): Record<string, unknown> {
  return {
    apiVersion: 'tamiz/v1',
    kind: 'Policy',
    metadata: { id: 'test-policy', version: '1', jurisdiction: 'PE' },
    retention: { metadata: 'PT72H', alerts: 'P30D' },
    purposes: [
      {
        id: 'delito-en-flagrancia',
        title: { es: 'Delito en flagrancia', en: 'Crime in progress' },
        legalBasis: { kind: 'law', citation: 'DL 1218 art. 1' },
        analytics: ['fight', 'intrusion'],
        humanReview: 'required',
        priority: 'high',
        recipients: ['central-serenazgo'],
        fields: ['occurredAt', 'cameraId', 'analyticType', 'attributes.person.clothing'],
      },
      {
        id: 'vehiculo-requisitoriado',
        title: { es: 'Vehículo requisitoriado', en: 'Wanted vehicle' },
        legalBasis: { kind: 'law', citation: 'DL 1218 art. 1' },
        analytics: ['plate-watchlist-hit'],
        objectClasses: ['vehicle'],
        humanReview: 'required',
        priority: 'high',
        recipients: ['central-serenazgo'],
        fields: ['occurredAt', 'identifiers.plate', 'attributes.vehicle'],
      },
    ],
  };
}

type Edit = (doc: unknown) => void;

/** Sets the value at a JSON Pointer (parents must exist): `set('/purposes/0/when', 'x')`. */
export function set(pointer: string, value: unknown): Edit {
  return (doc) => {
    const { parent, key } = locate(doc, pointer);
    parent[key] = value;
  };
}

/** Removes the value at a JSON Pointer: `unset('/metadata/id')`. */
export function unset(pointer: string): Edit {
  return (doc) => {
    const { parent, key } = locate(doc, pointer);
    delete parent[key];
  };
}

function locate(doc: unknown, pointer: string): { parent: Record<string, unknown>; key: string } {
  const tokens = pointer
    .split('/')
    .slice(1)
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node = doc as Record<string, unknown>;
  for (const token of tokens.slice(0, -1)) {
    node = node[token] as Record<string, unknown>;
  }
  return { parent: node, key: tokens[tokens.length - 1] };
}
