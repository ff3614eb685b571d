import type { EventLoopTurns } from './event-loop-turns';
import type { BatchResult, InboundBatch, OutboundRecord } from './kafka.types';

// Records per handler call by default: a few milliseconds of the governor's CPU.
const DEFAULT_SLICE_RECORDS = 100;

/**
 * Runs a batch handler on slices of a chunk, each slice holding the event-loop turn, and merges
 * the results in order. A 1,000-record chunk is tens of milliseconds of CPU; in one piece it would
 * hold up every other partition's network callbacks (the next step of their transactions) for
 * that long. Handlers must not keep state across calls within a chunk: each slice is a batch.
 * A handler that does its work off the main thread takes the whole chunk at once
 * (`sliceRecords: Infinity`) and takes no turn: it holds the main thread only to post the chunk
 * and read the result, and waiting for it must not keep other partitions' chunks from the worker.
 */
export async function handleInSlices(args: {
  invoke: (input: InboundBatch) => Promise<BatchResult>;
  input: InboundBatch;
  turns: EventLoopTurns;
  priority: number;
  sliceRecords?: number;
}): Promise<BatchResult> {
  const { input } = args;
  const size = args.sliceRecords ?? DEFAULT_SLICE_RECORDS;
  if (size === Infinity) {
    return args.invoke(input);
  }
  const records: OutboundRecord[] = [];
  const onCommit: Array<() => void> = [];
  for (let start = 0; start < input.records.length; start += size) {
    const slice = input.records.slice(start, start + size);
    await args.turns.acquire(args.priority);
    let result: BatchResult;
    try {
      result = await args.invoke({ ...input, records: slice });
    } finally {
      args.turns.release();
    }
    for (const record of result.records) {
      records.push(record);
    }
    if (result.onCommit) {
      onCommit.push(result.onCommit);
    }
  }
  return { records, onCommit: () => onCommit.forEach((commit) => commit()) };
}
