import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { answerMessages } from "./messages.js";

/**
 * Prompt templates: plain-text files under `prompts/` with named slots (`{{passages}}`),
 * loaded and checked once at start so a broken edit fails loudly instead of sending a
 * half-filled prompt to the model.
 */

/**
 * The fixed sentence the model must write when the passages do not answer: the same
 * words the extractive composer uses when it declines, so a user sees one message.
 */
export const NOT_FOUND_ANSWER: string = answerMessages.notFound;

/** The loaded templates, keyed by use. */
export interface Prompts {
  answerSystem: string;
  answerUser: string;
  followupRewrite: string;
  digestSummary: string;
}

/** Each template's file and the exact set of slots it must contain. */
export const PROMPT_SPECS: Readonly<Record<keyof Prompts, { file: string; slots: readonly string[] }>> = {
  answerSystem: { file: "answer.system.txt", slots: ["not_found"] },
  answerUser: { file: "answer.user.txt", slots: ["history", "passages", "question", "not_found"] },
  followupRewrite: {
    file: "followup-rewrite.txt",
    slots: ["previous_question", "previous_answer", "question"],
  },
  digestSummary: { file: "digest-summary.txt", slots: ["passages", "not_found"] },
};

/** The `prompts/` folder of this package, wherever the code runs from (sources or `dist/`). */
export function defaultPromptsDir(): string {
  const candidates = [
    new URL("../../prompts", import.meta.url),
    new URL("../../../prompts", import.meta.url),
  ].map((u) => fileURLToPath(u));
  return candidates.find((dir) => existsSync(join(dir, PROMPT_SPECS.answerSystem.file))) ?? candidates[0]!;
}

/** Thrown at start when a template file is missing or its slots are wrong. */
export class PromptTemplateError extends Error {
  override readonly name = "PromptTemplateError";
  constructor(readonly problems: string[]) {
    super(`Invalid prompt templates:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

const SLOT = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Slot names used in a template, in order of first use. */
export function templateSlots(template: string): string[] {
  return [...new Set([...template.matchAll(SLOT)].map((m) => m[1]!))];
}

/**
 * Reads every template from `dir` and checks each has exactly its required slots.
 * Throws a PromptTemplateError listing every problem (missing file, missing slot,
 * unknown slot, stray braces).
 */
export async function loadPrompts(dir: string = defaultPromptsDir()): Promise<Prompts> {
  const texts: Partial<Record<keyof Prompts, string>> = {};
  const problems: string[] = [];
  for (const [key, spec] of Object.entries(PROMPT_SPECS) as Array<[keyof Prompts, { file: string }]>) {
    try {
      texts[key] = await readFile(join(dir, spec.file), "utf8");
    } catch (error: unknown) {
      problems.push(
        `${spec.file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      );
    }
  }
  if (problems.length > 0) throw new PromptTemplateError(problems);
  return parsePrompts(texts as Record<keyof Prompts, string>);
}

/** Validates template texts (as `loadPrompts` does, without the files). */
export function parsePrompts(texts: Record<keyof Prompts, string>): Prompts {
  const problems: string[] = [];
  const out = {} as Prompts;
  for (const [key, spec] of Object.entries(PROMPT_SPECS) as Array<
    [keyof Prompts, (typeof PROMPT_SPECS)[keyof Prompts]]
  >) {
    const text = texts[key].replace(/\r\n/g, "\n").trimEnd();
    const used = templateSlots(text);
    for (const slot of spec.slots) {
      if (!used.includes(slot)) problems.push(`${spec.file}: missing slot {{${slot}}}`);
    }
    for (const slot of used) {
      if (!spec.slots.includes(slot)) {
        problems.push(
          `${spec.file}: unknown slot {{${slot}}} (allowed: ${spec.slots.map((s) => `{{${s}}}`).join(", ")})`,
        );
      }
    }
    const stray = text.replace(SLOT, "");
    if (stray.includes("{{") || stray.includes("}}")) {
      problems.push(`${spec.file}: stray "{{" or "}}" that is not a slot such as {{name}}`);
    }
    out[key] = text;
  }
  if (problems.length > 0) throw new PromptTemplateError(problems);
  return out;
}

/**
 * Replaces every `{{slot}}` with its value in one pass: braces inside values are never
 * read as slots. Throws when a slot has no value.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  const missing = templateSlots(template).filter((slot) => !Object.hasOwn(values, slot));
  if (missing.length > 0) {
    throw new Error(`fillTemplate: no value for ${missing.map((s) => `{{${s}}}`).join(", ")}`);
  }
  return template.replace(SLOT, (_match, slot: string) => values[slot]!);
}
