/** Real documents for the ingestion tests: small copies kept under tests/fixtures/corpus. */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const FIXTURES = new URL("../../fixtures/corpus/", import.meta.url);
const CORPUS = new URL("../../../data/corpus/", import.meta.url);

/** The seed news article on the Đức Thọ pilot, as text. */
export const SEED = "000_08832cb532241238.txt";

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, FIXTURES)));
}

export function fixtureText(name: string): string {
  return new TextDecoder().decode(fixtureBytes(name));
}

/** A file of the default corpus folder, or null when the checkout has none. */
export function corpusPath(name: string): string | null {
  const path = fileURLToPath(new URL(name, CORPUS));
  return existsSync(path) ? path : null;
}
