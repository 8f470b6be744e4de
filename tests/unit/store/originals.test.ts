import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createOriginalsStore, mimeTypeFor } from "../../../src/store/originals.js";

describe("originals store (content-addressed, under the store folder)", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "nhatthe-originals-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("stores bytes at originals/<sha[0:2]>/<sha> with a small record, once per content", async () => {
    const store = createOriginalsStore(dir);
    const bytes = new TextEncoder().encode("Nghị quyết số 18-NQ/TW");
    const sha = createHash("sha256").update(bytes).digest("hex");
    const meta = await store.put(bytes, { fileName: "nq-18.txt" });
    expect(meta).toMatchObject({
      sha256: sha,
      fileName: "nq-18.txt",
      mimeType: "text/plain",
      size: bytes.length,
    });
    expect(await readFile(join(dir, "originals", sha.slice(0, 2), sha))).toEqual(Buffer.from(bytes));
    const again = await store.put(bytes, { fileName: "ban-sao.txt", mimeType: "text/plain" });
    expect(again.storedAt).toBe(meta.storedAt);
    const got = await store.get(sha);
    expect(got?.meta.fileName).toBe("ban-sao.txt");
    expect(Buffer.compare(got!.bytes, Buffer.from(bytes))).toBe(0);
    // No temporary files are left behind.
    expect((await readdir(join(dir, "originals", sha.slice(0, 2)))).sort()).toEqual([sha, `${sha}.json`]);
    expect(await store.has(sha)).toBe(true);
    expect(await store.remove(sha)).toBe(true);
    expect(await store.get(sha)).toBeNull();
    expect(await store.remove(sha)).toBe(false);
  });

  it("refuses anything that is not a sha256 as an address", async () => {
    const store = createOriginalsStore(dir);
    expect(await store.get("../../etc/passwd")).toBeNull();
    expect(await store.has("abc")).toBe(false);
    expect(await store.remove("../x")).toBe(false);
  });

  it("knows the MIME types of the formats it keeps", () => {
    expect(mimeTypeFor("a.PDF")).toBe("application/pdf");
    expect(mimeTypeFor("a.docx")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(mimeTypeFor("a.md")).toBe("text/markdown");
    expect(mimeTypeFor("noext")).toBe("application/octet-stream");
  });
});
