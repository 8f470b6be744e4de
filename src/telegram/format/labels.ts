/**
 * The Vietnamese words the message formatters use. Kept together so wording is changed
 * in one place (and can move into the bot's messages module as one block).
 */
export const FORMAT_LABELS = {
  sourcesHeading: "📚 Nguồn",
  pageOf: (page: number, pages: number) => `Trang ${page}/${pages}`,
  previousPage: "◀ Trang trước",
  nextPage: "Trang sau ▶",
  helpful: "👍 Hữu ích",
  notHelpful: "👎 Chưa đúng",
} as const;
