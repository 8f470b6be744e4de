import { describe, expect, it } from "vitest";
import { sha256, sha256Bytes } from "../../src/hash.js";

describe("sha256", () => {
  it("is SHA-256 in lowercase hex, the same for text and its UTF-8 bytes", () => {
    // The published digest of the empty input and of "abc" (FIPS 180-2).
    expect(sha256("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256(new TextEncoder().encode("Nghị quyết"))).toBe(sha256("Nghị quyết"));
  });

  it("gives the same digest as base64url and as bytes", () => {
    const hex = sha256("Đức Thọ");
    expect(Buffer.from(sha256("Đức Thọ", "base64url"), "base64url").toString("hex")).toBe(hex);
    expect(sha256("Đức Thọ", "base64url")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sha256Bytes("Đức Thọ").toString("hex")).toBe(hex);
  });
});
