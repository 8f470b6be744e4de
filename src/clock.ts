/** Time as a dependency, so schedules and rate limits can be tested with a fake clock. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
