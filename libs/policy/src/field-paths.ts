/**
 * Containers whose children are separate categories of data (every attribute group, present and
 * future; plate and face match together). Listing one whole would grant all of them at once, so a
 * purpose must name the group or identifier it needs: `attributes.vehicle`, `identifiers.plate`.
 */
const TOO_BROAD: ReadonlySet<string> = new Set(['attributes', 'identifiers']);

export function isTooBroadFieldPath(path: string): boolean {
  return TOO_BROAD.has(path);
}

/** Real-time face matching results: only a purpose resting on a judicial authorisation may list them. */
export function isFaceMatchPath(path: string): boolean {
  return path === 'identifiers.faceMatch' || path.startsWith('identifiers.faceMatch.');
}
