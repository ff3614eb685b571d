import { EventLoopTurns } from './event-loop-turns';

const nextIteration = () => new Promise((resolve) => setImmediate(resolve));

describe(EventLoopTurns.name, () => {
  it('should hand the turn to the lowest priority first, then in arrival order', async () => {
    const turns = new EventLoopTurns(1_000);
    await turns.acquire(0);
    const order: string[] = [];
    const wait = (label: string, priority: number) =>
      turns.acquire(priority).then(() => {
        order.push(label);
        turns.release();
      });
    const all = Promise.all([wait('c', 3), wait('a1', 1), wait('b', 2), wait('a2', 1)]);
    turns.release();
    await all;
    expect(order).toEqual(['a1', 'a2', 'b', 'c']);
  });

  it('should run slices back to back while the budget lasts', async () => {
    const turns = new EventLoopTurns(60_000);
    await turns.acquire(0); // the first turn starts a run
    turns.release();
    let ioRan = false;
    setImmediate(() => (ioRan = true));
    for (let i = 0; i < 5; i++) {
      await turns.acquire(i);
      turns.release();
    }
    expect(ioRan).toBe(false);
  });

  it('should let the event loop run between slices once the budget is spent', async () => {
    const turns = new EventLoopTurns(0);
    await turns.acquire(0);
    let ioRan = false;
    setImmediate(() => (ioRan = true));
    const second = turns.acquire(1).then(() => ioRan);
    turns.release();
    await expect(second).resolves.toBe(true);
    turns.release();
  });

  it('should not grant a held turn to anyone else', async () => {
    const turns = new EventLoopTurns(60_000);
    await turns.acquire(0);
    let granted = false;
    const other = turns.acquire(0).then(() => (granted = true));
    await nextIteration();
    await nextIteration();
    expect(granted).toBe(false);
    turns.release();
    await other;
    expect(granted).toBe(true);
    turns.release();
  });
});
