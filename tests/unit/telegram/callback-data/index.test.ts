import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  auditPageData,
  CALLBACK_DATA_LIMIT,
  CALLBACK_PREFIXES,
  type CallbackPrefix,
  callbackPrefixOf,
  callbackTrigger,
  docsData,
  feedbackCallbackData,
  feedbackReasonData,
  officialData,
  parseAuditPage,
  parseDocsData,
  parseFeedbackCallback,
  parseFeedbackReason,
  parseOfficialData,
  parseReviewData,
  parseSourceCallback,
  parseUploadChoice,
  reviewData,
  sourceCallbackData,
  uploadChoiceData,
} from "../../../../src/telegram/callback-data/index.js";

/** One sample of every kind of button data, with the parser that owns it. */
const samples: Array<{ data: string; parse: (data: string) => unknown }> = [
  { data: sourceCallbackData("0123456789abcdef0123456789abcdef", 3), parse: parseSourceCallback },
  { data: feedbackCallbackData(42, "down"), parse: parseFeedbackCallback },
  { data: feedbackReasonData(42, "outdated"), parse: parseFeedbackReason },
  { data: uploadChoiceData({ action: "replace", id: "abc", index: 1 }), parse: parseUploadChoice },
  { data: docsData({ action: "page", page: 2, filter: { type: "all" } }), parse: parseDocsData },
  { data: auditPageData(4), parse: parseAuditPage },
  { data: reviewData({ action: "page", page: 1 }), parse: parseReviewData },
  { data: officialData({ action: "edit", id: 7 }), parse: parseOfficialData },
];
const parsers = samples.map((s) => s.parse);

describe("callback data, one registry", () => {
  it("gives every button's data a registered prefix, within Telegram's 64 bytes", () => {
    for (const { data } of samples) {
      expect(callbackPrefixOf(data), data).not.toBeNull();
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(CALLBACK_DATA_LIMIT);
    }
    // Every registered prefix is used by some button.
    const used = new Set(samples.map((s) => callbackPrefixOf(s.data)));
    expect([...used].sort()).toEqual(Object.keys(CALLBACK_PREFIXES).sort());
  });

  it("has each kind of data read by its own parser only", () => {
    for (const { data, parse } of samples) {
      expect(parse(data), data).not.toBeNull();
      for (const other of parsers) if (other !== parse) expect(other(data), `${data} read twice`).toBeNull();
    }
  });

  it("knows no prefix it does not register", () => {
    expect(callbackPrefixOf("zz:1")).toBeNull();
    expect(callbackPrefixOf("constructor:1")).toBeNull();
  });
});

describe("callback triggers", () => {
  it("catch the data of their own prefix only", () => {
    for (const prefix of Object.keys(CALLBACK_PREFIXES) as CallbackPrefix[]) {
      const caught = samples.filter((s) => callbackTrigger(prefix).test(s.data));
      expect(caught.length, prefix).toBeGreaterThan(0);
      for (const { data } of caught) expect(callbackPrefixOf(data)).toBe(prefix);
    }
  });

  it("are how the bot's features listen to buttons: no prefix spelled in a feature", () => {
    const dir = "src/bot/features";
    const spelled = readdirSync(dir)
      .filter((name) => name.endsWith(".ts"))
      .filter((name) => /\.action\(\s*(?:\/|["'`])/.test(readFileSync(join(dir, name), "utf8")));
    expect(spelled).toEqual([]);
  });
});
