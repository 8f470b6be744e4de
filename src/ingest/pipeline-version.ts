/**
 * Version of what ingestion stores for a file: parsing, cleaning, chunking and term
 * analysis. Bump it with any change that would store different passages or terms for
 * the same bytes; the corpus sync then indexes every corpus file again (once), where a
 * content hash alone would call them unchanged and leave passages cut, or terms
 * analyzed, the old way (terms that queries of the new version no longer produce).
 *
 * 2: reference sections (Chú thích, Tham khảo ...) and Wikipedia edit links dropped.
 * 3: footnote marks ("[12]") dropped; a news article's closing credit is not a passage;
 *    in bigrams, numbers from 1 to 10 beside a word read as words ("2 cấp" = "hai cấp"),
 *    and "số" before a number is also skipped ("Nghị quyết số 18" = "Nghị quyết 18");
 *    phrase aliases ("đồng thời là" also as "kiêm"); lone Markdown headings dropped; Qdrant
 *    stores bigrams with their own saturation (DEFAULT_BIGRAM_K1); an abbreviation glued to
 *    its number ("NQ18") reads as both.
 * 4: "vừa là", "vừa làm" also indexed as "kiêm".
 * 5: a news article is filed under the number it reports issued ("ký ban hành Kế hoạch
 *    số 47-KH/BCĐ"), not the first it mentions.
 * 6: a document's number, date and issuer come only from its own header ("Số: ...", a
 *    legal database's "Số hiệu:" table), its title or the document a news lead reports
 *    issued, never from a number or date it quotes ("thực hiện Kết luận số 126-KL/TW",
 *    "theo Nghị quyết 1669/...", "Căn cứ ..."); titles stop before the issuer line and the
 *    "Căn cứ" lines.
 * 7: more abbreviations expanded (BCHQS, CHQS, DQTV, DTTS, ĐVSNCL, CQCM, NLĐ, PCT, HTX).
 * 8: what a document says about others and itself (amends, replaces, repeals, guides, in
 *    force from) read and kept with it (`DocumentRecord.relations`).
 * 9: PDF pages without a text layer read by OCR (a PDF mixing text and scanned pages
 *    gains the scanned pages' text, its passages "Trang N"); RTF read as text, no longer
 *    as its markup; Word 97-2003 .doc read.
 * 10: more abbreviations expanded (TGDV, BTGDV for the merged Ban Tuyên giáo và Dân vận;
 *    HNTW for Hội nghị Trung ương).
 * 11: a sentence hard-wrapped over lines (a PDF's text) is never cut between passages.
 * 12: GĐ, PGĐ, TGĐ expanded (giám đốc), only as written with "Đ" ("GD" is giáo dục).
 * 13: ministries' fields expanded (TTTT, KHCN, KHĐT, TNMT, NNPTNT, LĐTBXH, VHTTDL, GTVT),
 *    and VHNT, CNTT, CCCD.
 * 14: a hard-wrapped line ending in a closing quote goes on into a next line that opens
 *    lower case ("Thay thế cụm từ “Ban Dân tộc”\nthành “Sở Nội vụ”").
 * 15: "Nghị định này có hiệu lực ..." in a page's quotation of an article ("Căn cứ khoản 2
 *    Điều 24 Nghị định 178/2024/NĐ-CP quy định như sau:") reported as the quoted decree's start.
 * 16: UV, BT (upper case), PBT and PTT expanded (ủy viên, bí thư, phó bí thư, phó thủ tướng).
 * 17: "CT" before a body or a place ("CT UBND", "CT xã") read as chủ tịch, not chỉ thị.
 * 18: Markdown emphasis read across the lines of a paragraph and a table's lone "|" lines
 *    dropped (a legal database's copy of a decree header: "**ỦY BAN NHÂN" / "DÂN **"), so
 *    its title, date and opening passages are the decree's; "BAN HÀNH ..." is no issuer; a
 *    kind line must agree with the number's kind code; a page's own headline outranks a
 *    kind line quoted below it.
 * 19: NOXH, GCN, QSDĐ, GPMB, QLDA, THCS, THPT expanded.
 * 20: a line announcing a list ("... quy định như sau:") opens the passage its list is in,
 *    never ends the one before it.
 */
export const INGEST_PIPELINE = 20;
