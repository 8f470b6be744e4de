import { Cron } from "croner";
import { describe, expect, it } from "vitest";
import {
  addDays,
  dailyCronPattern,
  formatClockTime,
  formatLocalDateTime,
  localDateOf,
  parseClockTime,
  startOfLocalDay,
  weekdayOf,
  zonedTimeToEpoch,
} from "../../../src/digest/local-time.js";

const HCM = "Asia/Ho_Chi_Minh";

describe("local dates", () => {
  it("puts an instant on the local day of the zone, not the UTC day", () => {
    // 2025-03-06 17:00 UTC is midnight of the 7th in Hanoi / Ho Chi Minh City (UTC+7).
    const t = Date.UTC(2025, 2, 6, 17, 0);
    expect(localDateOf(t, HCM)).toBe("2025-03-07");
    expect(localDateOf(t, "UTC")).toBe("2025-03-06");
    expect(localDateOf(t - 1, HCM)).toBe("2025-03-06");
  });

  it("computes a 00:10 local time as 17:10 UTC of the previous UTC day", () => {
    const t = zonedTimeToEpoch("2025-03-07", { hour: 0, minute: 10 }, HCM);
    expect(new Date(t).toISOString()).toBe("2025-03-06T17:10:00.000Z");
    expect(localDateOf(t, HCM)).toBe("2025-03-07");
    expect(formatLocalDateTime(t, HCM)).toBe("07/03/2025 00:10");
  });

  it("agrees with croner's own time zone arithmetic for a daily pattern", () => {
    for (const time of [
      { hour: 0, minute: 10 },
      { hour: 7, minute: 30 },
      { hour: 23, minute: 55 },
    ]) {
      const job = new Cron(dailyCronPattern(time), { timezone: HCM, paused: true });
      const from = new Date(Date.UTC(2025, 2, 6, 12, 0));
      const next = job.nextRun(from)!;
      job.stop();
      const date = localDateOf(next.getTime(), HCM);
      expect(next.getTime()).toBe(zonedTimeToEpoch(date, time, HCM));
    }
  });

  it("handles daylight-saving gaps and overlaps (first instant after a gap, earlier of two)", () => {
    const ny = "America/New_York";
    // 2025-03-09 02:30 does not exist in New York (clocks jump 02:00 → 03:00 EDT).
    const gap = zonedTimeToEpoch("2025-03-09", { hour: 2, minute: 30 }, ny);
    expect(new Date(gap).toISOString()).toBe("2025-03-09T07:30:00.000Z");
    // 2025-11-02 01:30 happens twice; the earlier one is EDT (UTC-4).
    const twice = zonedTimeToEpoch("2025-11-02", { hour: 1, minute: 30 }, ny);
    expect(new Date(twice).toISOString()).toBe("2025-11-02T05:30:00.000Z");
    expect(zonedTimeToEpoch("2025-07-01", { hour: 7, minute: 30 }, ny)).toBe(Date.UTC(2025, 6, 1, 11, 30));
  });

  it("does calendar arithmetic and weekdays on local dates", () => {
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-01-01", -1)).toBe("2024-12-31");
    expect(weekdayOf("2025-03-07")).toBe(5); // a Friday
    expect(startOfLocalDay("2025-03-07", HCM)).toBe(Date.UTC(2025, 2, 6, 17, 0));
  });

  it("reads the usual ways of writing a time of day", () => {
    expect(parseClockTime("07:30")).toEqual({ hour: 7, minute: 30 });
    expect(parseClockTime("7:30")).toEqual({ hour: 7, minute: 30 });
    expect(parseClockTime("7h30")).toEqual({ hour: 7, minute: 30 });
    expect(parseClockTime("7h")).toEqual({ hour: 7, minute: 0 });
    expect(parseClockTime("0010")).toEqual({ hour: 0, minute: 10 });
    expect(parseClockTime("24:00")).toBeNull();
    expect(parseClockTime("7:60")).toBeNull();
    expect(parseClockTime("7")).toBeNull();
    expect(parseClockTime("sáng")).toBeNull();
    expect(formatClockTime({ hour: 0, minute: 10 })).toBe("00:10");
    expect(dailyCronPattern({ hour: 0, minute: 10 })).toBe("10 0 * * *");
  });
});
