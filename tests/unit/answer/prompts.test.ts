import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { answerMessages } from "../../../src/answer/messages.js";
import {
  fillTemplate,
  loadPrompts,
  NOT_FOUND_ANSWER,
  PROMPT_SPECS,
  type Prompts,
  PromptTemplateError,
  parsePrompts,
  templateSlots,
} from "../../../src/answer/prompts.js";

async function shippedTexts(): Promise<Record<keyof Prompts, string>> {
  const out = {} as Record<keyof Prompts, string>;
  for (const [key, spec] of Object.entries(PROMPT_SPECS) as Array<[keyof Prompts, { file: string }]>) {
    out[key] = await readFile(join("prompts", spec.file), "utf8");
  }
  return out;
}

describe("loadPrompts", () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it("loads the shipped templates with exactly their slots", async () => {
    const prompts = await loadPrompts();
    for (const [key, spec] of Object.entries(PROMPT_SPECS) as Array<
      [keyof Prompts, { slots: readonly string[] }]
    >) {
      expect(templateSlots(prompts[key]).sort()).toEqual([...spec.slots].sort());
    }
    expect(prompts.answerSystem).toContain("{{not_found}}");
  });

  it("reports a missing file", async () => {
    dir = await mkdtemp(join(tmpdir(), "prompts-"));
    await expect(loadPrompts(dir)).rejects.toThrow(/answer\.system\.txt: cannot be read/);
  });

  it("reports a missing slot and an unknown slot, all at once", async () => {
    dir = await mkdtemp(join(tmpdir(), "prompts-"));
    const texts = await shippedTexts();
    for (const [key, spec] of Object.entries(PROMPT_SPECS) as Array<[keyof Prompts, { file: string }]>) {
      await writeFile(join(dir, spec.file), texts[key]);
    }
    await writeFile(join(dir, "answer.user.txt"), texts.answerUser.replace("{{passages}}", "{{pasages}}"));
    const error = await loadPrompts(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PromptTemplateError);
    const problems = (error as PromptTemplateError).problems.join("\n");
    expect(problems).toContain("answer.user.txt: missing slot {{passages}}");
    expect(problems).toContain("answer.user.txt: unknown slot {{pasages}}");
  });

  it("rejects stray braces that are not a slot", async () => {
    const texts = await shippedTexts();
    expect(() => parsePrompts({ ...texts, digestSummary: `${texts.digestSummary} {{ 1 }}` })).toThrow(
      /stray/,
    );
  });
});

describe("fillTemplate", () => {
  it("fills every slot, tolerating spaces inside braces", () => {
    expect(fillTemplate("Hỏi: {{question}} / {{ question }}", { question: "A" })).toBe("Hỏi: A / A");
  });

  it("throws when a slot has no value", () => {
    expect(() => fillTemplate("{{a}} {{b}}", { a: "x" })).toThrow(/\{\{b\}\}/);
  });

  it("never re-interprets braces or $-patterns inside values", () => {
    const out = fillTemplate("{{a}}|{{b}}", { a: "{{b}} $& $1", b: "B" });
    expect(out).toBe("{{b}} $& $1|B");
  });

  it("inserts any value verbatim (property)", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(fillTemplate("<{{a}}|{{b}}>", { a, b })).toBe(`<${a}|${b}>`);
      }),
    );
  });

  it("exports the fixed not-found sentence, the same as the extractive decline", () => {
    expect(NOT_FOUND_ANSWER).toBe(answerMessages.notFound);
    expect(NOT_FOUND_ANSWER).toMatch(/^Không tìm thấy trong tài liệu/);
  });
});
