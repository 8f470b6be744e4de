import { describe, expect, it } from "vitest";
import { IngestError } from "../../../src/errors.js";
import { fetchLink, isPrivateAddress, parseLink } from "../../../src/ingest/fetch-link.js";

describe("admins' links", () => {
  it("takes only a bare http(s) URL", () => {
    expect(parseLink(" https://baochinhphu.vn/ke-hoach.htm ")?.hostname).toBe("baochinhphu.vn");
    expect(parseLink("xem https://baochinhphu.vn/a")).toBeNull();
    expect(parseLink("ftp://example.com/a.pdf")).toBeNull();
    expect(parseLink("Nghị định 178 áp dụng cho ai?")).toBeNull();
  });

  it("knows loopback, private, link-local and mapped addresses", () => {
    for (const a of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.9",
      "192.168.1.1",
      "169.254.169.254",
      "0.0.0.0",
      "::1",
      "fd00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
    ])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ["8.8.8.8", "203.162.4.191", "2001:4860:4860::8888"])
      expect(isPrivateAddress(a), a).toBe(false);
  });

  it("refuses credentials in the URL and a private address literal before connecting", async () => {
    const limits = { maxBytes: 1024, timeoutMs: 1000, allowHosts: [] };
    const credentials = await fetchLink("http://user:secret@example.com/a", limits).catch((e: unknown) => e);
    expect((credentials as IngestError).code).toBe("link_invalid");
    expect(JSON.stringify((credentials as IngestError).context)).not.toContain("secret");
    const metadata = await fetchLink("http://169.254.169.254/latest/meta-data", limits).catch(
      (e: unknown) => e,
    );
    expect(metadata).toBeInstanceOf(IngestError);
    expect((metadata as IngestError).code).toBe("link_private");
  });
});
