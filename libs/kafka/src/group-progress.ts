import type { Admin } from 'kafkajs';

/**
 * Whether a consumer group has committed offsets up to the end of every partition of `topic`. An
 * empty partition has nothing to consume, and no committed offset to show for it.
 */
export async function groupCaughtUp(args: {
  admin: Admin;
  groupId: string;
  topic: string;
}): Promise<boolean> {
  const ends = await args.admin.fetchTopicOffsets(args.topic);
  const [committed] = await args.admin.fetchOffsets({
    groupId: args.groupId,
    topics: [args.topic],
  });
  return ends.every((end) => {
    if (end.high === end.low) {
      return true;
    }
    const c = committed?.partitions.find((p) => p.partition === end.partition);
    return c !== undefined && BigInt(c.offset) >= BigInt(end.high);
  });
}
