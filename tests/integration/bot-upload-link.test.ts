import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotMessage, UserClient } from "../../src/emulator/index.js";
import { ingestMessages } from "../../src/ingest/messages.js";
import { buildPdf } from "../unit/ingest/builders.js";
import { ADMIN, type BotHarness, CADRE, startBotHarness } from "./bot-harness.js";

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Kế hoạch 31-KH/UBND</title></head><body>
<header><nav>Trang chủ | Tin tức | Văn bản</nav></header>
<article><h1>Kế hoạch thực hiện nhất thể hóa chức danh ở tỉnh Tây Hòa</h1>
<p>Số: 31-KH/UBND</p>
<p>Tỉnh Tây Hòa đặt mục tiêu đến năm 2026 có 73 xã thực hiện mô hình Bí thư đảng ủy đồng thời là Chủ tịch Ủy ban nhân dân xã.</p>
<p>Các huyện rà soát đội ngũ cán bộ, báo cáo Sở Nội vụ trước ngày 30 tháng 6.</p></article>
<footer>Cổng thông tin điện tử tỉnh Tây Hòa</footer></body></html>`;

const PDF_PAGE = [
  "HUYỆN ỦY ĐÔNG SƠN",
  "Số: 45-BC/HU",
  "BÁO CÁO",
  "Kết quả sắp xếp bộ máy của huyện Đông Sơn",
  "Sau sắp xếp, huyện Đông Sơn giảm được 27 đầu mối phòng, ban và 9 cấp phó.",
];

describe("an admin sends a link instead of a file", () => {
  let h: BotHarness;
  let admin: UserClient;
  let lan: UserClient;
  let server: Server;
  let base = "";
  let port = 0;
  let pdf: Uint8Array;

  beforeAll(async () => {
    pdf = await buildPdf([PDF_PAGE]);
    server = createServer((req, res) => {
      if (req.url === "/ke-hoach-31") {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(PAGE);
      } else if (req.url === "/files/bao-cao-45.pdf") {
        res.writeHead(200, { "content-type": "application/pdf" });
        res.end(pdf);
      } else if (req.url === "/chuyen-huong") {
        res.writeHead(302, { location: `http://localhost:${port}/ke-hoach-31` });
        res.end();
      } else if (req.url === "/qua-lon") {
        res.writeHead(200, { "content-type": "text/plain" });
        // No Content-Length: the limit is found while reading.
        const chunk = Buffer.alloc(1024 * 1024, 0x61);
        let sent = 0;
        const write = () => {
          while (sent < 25 && res.write(chunk)) sent++;
          if (sent >= 25) res.end();
          else res.once("drain", write);
        };
        write();
        res.on("error", () => undefined);
      } else if (req.url === "/cham") {
        // Never answers: the fetch's deadline ends it.
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
    h = await startBotHarness({ corpusDir: false, links: { timeoutMs: 1_500 } });
    admin = h.user(ADMIN);
    lan = h.user(CADRE);
  });
  afterAll(async () => {
    await h?.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  async function sendLink(url: string): Promise<BotMessage> {
    await admin.sendText(url);
    return admin.waitForBotMessage((m) => !m.plainText.startsWith("⏳"), 30_000);
  }

  it("a page of a portal: fetched, carded, kept, answerable with a citation", async () => {
    const card = await sendLink(`${base}/ke-hoach-31`);
    expect(card.plainText).toContain("Đã thêm tài liệu vào kho");
    expect(card.plainText).toContain("Số: 31-KH/UBND");
    const [doc] = await h.engine.store.findByNumber("31-KH/UBND");
    expect(doc?.source).toBe("127.0.0.1_ke-hoach-31.html");
    expect(await h.app.corpus?.original(doc!)).toBeTruthy();
    await lan.sendText(
      "Tỉnh Tây Hòa đặt mục tiêu bao nhiêu xã thực hiện mô hình Bí thư đồng thời là Chủ tịch?",
    );
    const answer = await lan.waitForBotMessage(undefined, 20_000);
    expect(answer.plainText).toContain("73 xã");
    expect(answer.plainText).toContain("📚 Nguồn");
  });

  it("a link to a PDF: read like an uploaded PDF; the same link again is 'already there'", async () => {
    const card = await sendLink(`${base}/files/bao-cao-45.pdf`);
    expect(card.plainText).toContain("Số: 45-BC/HU");
    expect(card.plainText).toContain("Tệp: bao-cao-45.pdf");
    await lan.sendText("Huyện Đông Sơn giảm được bao nhiêu đầu mối phòng, ban?");
    const answer = await lan.waitForBotMessage(undefined, 20_000);
    expect(answer.plainText).toContain("27 đầu mối");
    const again = await sendLink(`${base}/files/bao-cao-45.pdf`);
    expect(again.plainText).toContain("đã có trong kho");
  });

  it("refuses an unlisted private address, a redirect to one, a too-large body and a timeout; nothing stored", async () => {
    const before = await h.engine.store.stats();
    const cases: Array<{ url: string; code: string; text: string }> = [
      { url: "http://10.20.30.40/van-ban", code: "link_private", text: ingestMessages.linkPrivate },
      { url: `http://localhost:${port}/ke-hoach-31`, code: "link_private", text: ingestMessages.linkPrivate },
      { url: `${base}/chuyen-huong`, code: "link_private", text: ingestMessages.linkPrivate },
      { url: `${base}/qua-lon`, code: "link_too_large", text: "quá lớn (giới hạn 20 MB)" },
      { url: `${base}/cham`, code: "link_timeout", text: "không trả lời kịp" },
    ];
    for (const c of cases) {
      const reply = await sendLink(c.url);
      expect(reply.plainText, c.url).toContain("Không thêm được tệp");
      expect(reply.plainText, c.url).toContain(c.text);
      expect(reply.plainText, c.url).toContain("Kho tài liệu không thay đổi");
      const logged = h.logs.filter((l) => l.msg === "upload refused").at(-1);
      expect(logged, c.url).toMatchObject({ code: c.code });
    }
    expect((await h.engine.store.stats()).documents).toBe(before.documents);
  });

  it("a cadre's link is a question, not an upload", async () => {
    const before = await h.engine.store.stats();
    await lan.sendText(`${base}/ke-hoach-31`);
    await lan.waitForBotMessage(undefined, 20_000);
    expect((await h.engine.store.stats()).documents).toBe(before.documents);
  });
});
