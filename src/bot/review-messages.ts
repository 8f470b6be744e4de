/**
 * Vietnamese strings of the feedback loop (issue 21): why a 👎, the review queue, official
 * answers, and /thongke's chart. Part of the bot's messages module (messages.ts
 * re-exports them beside the other strings), in a file of its own only for its size.
 * Strings that go out with HTML parse mode are marked "HTML": values put into them must
 * already be escaped by the caller.
 */

/**
 * Strings of the feedback loop (issue 21): why a 👎, the admins' review queue
 * (/danhgia) and the unit's official answers (/traloi_chinhthuc). Values put into HTML
 * strings must be escaped by the caller.
 */
export const reviewMessages = {
  /** The reason buttons' labels, by stored code. */
  reasons: {
    wrong_source: "Sai nguồn",
    off_question: "Không trả lời câu hỏi",
    incomplete: "Thiếu thông tin",
    outdated: "Đã lỗi thời",
    other: "Khác",
  },
  noReason: "chưa chọn lý do",
  askReason: "Cảm ơn góp ý 👎. Câu trả lời chưa đúng ở điểm nào? Chọn một lý do:",
  /** HTML. */
  reasonSaved: (reason: string) =>
    `Đã ghi lý do: <b>${reason}</b>. Nếu muốn, hãy trả lời (reply) tin nhắn này để ghi thêm ý kiến; quản trị viên sẽ xem lại.`,
  reasonSavedShort: "Đã ghi lý do, cảm ơn bạn.",
  reasonNotYours: "Chỉ người đã bấm 👎 mới chọn được lý do.",
  voteChanged: "Bạn đã đổi đánh giá thành 👍 nên lý do không còn được ghi.",
  commentSaved: "Đã ghi ý kiến của bạn, cảm ơn. Quản trị viên sẽ xem lại câu trả lời này.",
  commentEmpty: "Ý kiến trống, chưa ghi gì. Hãy trả lời tin nhắn hỏi lý do bằng vài chữ.",

  queuePrivateOnly:
    "Danh sách cần xem lại có câu hỏi và ý kiến của cán bộ: xin vui lòng dùng /danhgia trong chat riêng với bot.",
  /** HTML. */
  queueEmpty:
    "✅ Không có gì cần xem lại: chưa có câu trả lời bị 👎, câu hỏi bị từ chối hay câu trả lời chính thức cần kiểm tra.",
  /** HTML. */
  queueHeading: (page: number, pages: number) => `🗂 <b>Cần xem lại</b> (${page}/${pages}, mới nhất trước)`,
  /** HTML. */
  downItem: (o: {
    when: string;
    downs: number;
    question: string;
    answer: string;
    sources: string[];
    reasons: string[];
    comments: string[];
  }) =>
    [
      `👎 <b>Câu trả lời bị đánh giá chưa đúng</b> – ${o.downs} lượt, gần nhất ${o.when}`,
      "",
      `<b>Câu hỏi:</b> ${o.question}`,
      `<b>Câu trả lời:</b> ${o.answer}`,
      `<b>Nguồn:</b> ${o.sources.length > 0 ? o.sources.join("; ") : "(không có)"}`,
      `<b>Lý do:</b> ${o.reasons.join(", ")}`,
      ...(o.comments.length > 0 ? [`<b>Ý kiến:</b>`, ...o.comments.map((c) => `• ${c}`)] : []),
    ].join("\n"),
  /** HTML. */
  declinedItem: (o: { when: string; count: number; question: string }) =>
    [
      `❔ <b>Câu hỏi bot không trả lời được</b> – ${o.count} lần, gần nhất ${o.when}`,
      "",
      `<b>Câu hỏi:</b> ${o.question}`,
    ].join("\n"),
  /** HTML. */
  officialItem: (o: { question: string; problems: string[] }) =>
    [
      "⚠️ <b>Câu trả lời chính thức dẫn tài liệu đã thay đổi</b>",
      "",
      `<b>Câu hỏi:</b> ${o.question}`,
      ...o.problems.map((p) => `• ${p}`),
      "Hãy sửa hoặc gỡ câu trả lời chính thức này; bấm “Đã xem” nếu nội dung vẫn đúng.",
    ].join("\n"),
  /** HTML. */
  docRemoved: (title: string) => `<b>${title}</b>: đã bị xóa khỏi kho`,
  /** HTML. */
  docReplaced: (title: string, version: number) =>
    `<b>${title}</b>: đã được thay thế (nay là phiên bản ${version})`,
  buttonReviewed: "✓ Đã xem",
  buttonSources: "📄 Xem nguồn",
  buttonMakeOfficial: "⭐ Trả lời chính thức",
  buttonApprove: "✅ Duyệt câu trả lời này",
  buttonEdit: "✏️ Sửa",
  buttonRemove: "🗑 Gỡ",
  previous: "◀ Trước",
  next: "Sau ▶",
  reviewedDone: "Đã đánh dấu là đã xem.",
  itemGone: "Mục này không còn trong danh sách cần xem lại.",
  noSources: "Câu trả lời này không dẫn nguồn nào.",

  /** HTML. */
  draftPrompt: (question: string) =>
    [
      "⭐ <b>Soạn câu trả lời chính thức</b>",
      `<b>Câu hỏi:</b> ${question}`,
      "",
      "Hãy <b>trả lời (reply) tin nhắn này</b> bằng nội dung câu trả lời chính thức.",
      "Muốn dẫn tài liệu, thêm một dòng cuối: <code>Nguồn: 18-NQ/TW; 178/2024/NĐ-CP</code> (số hiệu hoặc mã tài liệu).",
    ].join("\n"),
  /** HTML. */
  editPrompt: (question: string, answer: string) =>
    [
      "✏️ <b>Sửa câu trả lời chính thức</b>",
      `<b>Câu hỏi:</b> ${question}`,
      `<b>Hiện tại:</b> ${answer}`,
      "",
      "Hãy <b>trả lời (reply) tin nhắn này</b> bằng nội dung mới (có thể thêm dòng <code>Nguồn: ...</code>).",
    ].join("\n"),
  /** HTML. */
  officialSaved: (id: number, sources: string[]) =>
    `✅ Đã lưu câu trả lời chính thức #${id}.${sources.length > 0 ? `\nTài liệu dẫn: ${sources.join("; ")}` : ""}\nTừ nay câu hỏi tương tự sẽ được trả lời bằng nội dung này trước.`,
  /** HTML. */
  officialUpdated: (id: number) => `✅ Đã cập nhật câu trả lời chính thức #${id}.`,
  /** HTML. */
  officialRemoved: (id: number) =>
    `🗑 Đã gỡ câu trả lời chính thức #${id}. Câu hỏi tương tự sẽ được trả lời từ tài liệu như trước.`,
  officialGone: "Câu trả lời chính thức này không còn.",
  officialUnavailable: "Bản chạy này của bot không lưu câu trả lời chính thức.",
  officialEventsEmpty: "Chưa có thay đổi nào về câu trả lời chính thức.",
  /** HTML. */
  officialEventsHeading: (total: number) =>
    `📝 <b>Nhật ký câu trả lời chính thức</b>: ${total} thay đổi (mới nhất trước)`,
  /** HTML: the sources of a voted-down answer, with a button each. */
  sourcesOf: (question: string, lines: string[]) => [`<b>Câu hỏi:</b> ${question}`, ...lines].join("\n"),
  /** HTML. */
  unknownSources: (refs: string[]) =>
    `Không tìm thấy tài liệu: ${refs.join("; ")}. Chưa lưu gì; hãy kiểm tra số hiệu (xem /tailieu) rồi trả lời lại tin nhắn soạn thảo.`,
  emptyOfficial: "Nội dung câu trả lời trống, chưa lưu gì.",
  officialTooLong: (max: number) => `Câu trả lời chính thức dài quá ${max} ký tự, chưa lưu gì.`,
  /** HTML. */
  officialUsage: [
    "Cách dùng <code>/traloi_chinhthuc</code>:",
    "• trả lời (reply) một câu trả lời của bot bằng <code>/traloi_chinhthuc</code> để soạn câu trả lời chính thức cho câu hỏi đó;",
    "• <code>/traloi_chinhthuc câu hỏi</code> để soạn cho một câu hỏi mới;",
    "• <code>/traloi_chinhthuc</code> không kèm gì để xem, sửa, gỡ các câu trả lời chính thức;",
    "• trong /danhgia, bấm “⭐ Trả lời chính thức”.",
  ].join("\n"),
  /** HTML. */
  officialListHeading: (total: number, page: number, pages: number) =>
    `⭐ <b>Câu trả lời chính thức</b>: ${total}${pages > 1 ? ` (trang ${page}/${pages})` : ""}`,
  /** HTML. */
  officialListLine: (o: { id: number; question: string; answer: string; date: string; author: string }) =>
    `<b>#${o.id}</b> ${o.question}\n   ${o.answer}\n   <i>${o.author}, ${o.date}</i>`,
  officialListEmpty: "Chưa có câu trả lời chính thức nào.",
  officialAuthor: (id: number | null) => (id === null ? "dòng lệnh" : `quản trị viên ${id}`),
  /** HTML; the first line of an official answer shown to a cadre. */
  officialHeading: (date: string) => `⭐ <b>Câu trả lời chính thức của đơn vị</b> (cập nhật ${date})`,
  /** HTML; audit lines. */
  officialEvent: (action: "added" | "edited" | "removed" | "sources_checked", id: number) =>
    action === "added"
      ? `⭐ Thêm trả lời chính thức #${id}`
      : action === "edited"
        ? `✏️ Sửa trả lời chính thức #${id}`
        : action === "removed"
          ? `🗑 Gỡ trả lời chính thức #${id}`
          : `✓ Kiểm tra nguồn trả lời chính thức #${id}`,
} as const;

/** Strings of /thongke's chart and its caption (the numbers stay in the caption). */
export const statsMessages = {
  pngWritten: (path: string) => `Đã ghi biểu đồ vào ${path}`,
  chart: (days: number, first: string, last: string) => ({
    title: `Câu hỏi ${days} ngày gần nhất (${first} – ${last})`,
    answered: "Trả lời được",
    declined: "Không tìm được câu trả lời",
    down: "Tỉ lệ bị đánh giá “Chưa đúng” (trục phải)",
    topDocuments: "Tài liệu được trích dẫn nhiều nhất",
    hours: "Giờ cao điểm (số câu hỏi theo giờ)",
    none: "(chưa có)",
  }),
  /** HTML; at most 1024 visible characters (a photo caption), titles already escaped and cut. */
  caption: (s: {
    days: number;
    total: number;
    declined: number;
    downVoted: number;
    up: number;
    down: number;
    busiestHour: number | null;
    topDocuments: Array<{ title: string; count: number }>;
    llm?: { promptTokens: number; completionTokens: number; costUsd: number };
  }) => {
    const percent = (n: number) =>
      `${(s.total === 0 ? 0 : Math.round((n / s.total) * 1000) / 10).toLocaleString("vi-VN")}%`;
    return [
      `<b>Thống kê ${s.days} ngày gần nhất</b>`,
      `Câu hỏi: ${s.total.toLocaleString("vi-VN")}; không tìm được câu trả lời: ${s.declined.toLocaleString("vi-VN")} (${percent(s.declined)}); bị 👎: ${s.downVoted.toLocaleString("vi-VN")} (${percent(s.downVoted)})`,
      `Đánh giá: 👍 ${s.up} · 👎 ${s.down}`,
      ...(s.busiestHour === null ? [] : [`Giờ cao điểm: ${s.busiestHour}h–${s.busiestHour + 1}h`]),
      "<b>Trích dẫn nhiều nhất</b>",
      ...(s.topDocuments.length === 0
        ? ["(chưa có)"]
        : s.topDocuments.map((d, i) => `${i + 1}. ${d.title} – ${d.count} lần`)),
      ...(s.llm && s.llm.promptTokens + s.llm.completionTokens > 0
        ? [
            `Mô hình ngôn ngữ: ${s.llm.promptTokens.toLocaleString("vi-VN")} token vào, ` +
              `${s.llm.completionTokens.toLocaleString("vi-VN")} token ra, ước tính ${s.llm.costUsd.toFixed(4)} USD`,
          ]
        : []),
    ].join("\n");
  },
} as const;
