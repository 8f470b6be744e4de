import * as cheerio from "cheerio";

/** The parts of a parsed HTML node this module reads (domhandler's shape). */
interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
  parent?: DomNode | null;
}

/** Elements that never hold the article's text. */
const DROP_SELECTOR = [
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "canvas",
  "iframe",
  "object",
  "embed",
  "nav",
  "aside",
  "form",
  "button",
  "input",
  "select",
  "textarea",
  "menu",
  "dialog",
  "[hidden]",
  "[aria-hidden='true']",
].join(",");

/** class/id words of share and print bars, comment boxes, related links, menus, ads. */
const CRUFT_CLASS =
  /(?:^|[\s_-])(?:share|sharing|social|print|comments?|binh-?luan|y-?kien|related|relate|lien-?quan|tin-?khac|breadcrumbs?|menu|navbar|sidebar|advert|ads|banner|popup|cookie|toolbar|tags?|rating|subscribe|newsletter|footer|header)(?:$|[\s_-])/i;

const BLOCK = new Set([
  "address",
  "article",
  "blockquote",
  "center",
  "dd",
  "div",
  "dl",
  "dt",
  "figcaption",
  "figure",
  "hr",
  "li",
  "main",
  "ol",
  "p",
  "pre",
  "section",
  "table",
  "tr",
  "ul",
  "body",
  "html",
  "caption",
]);

/** Accumulates lines; paragraphs are separated by one blank line. */
class TextBuilder {
  private readonly blocks: string[] = [];
  private line = "";

  inline(text: string): void {
    this.line += text;
  }

  /** Ends the current line inside a paragraph (a `<br>`). */
  lineBreak(): void {
    this.line = `${this.line.trimEnd()}\n`;
  }

  /** Ends the current paragraph. */
  flush(): void {
    const text = this.line
      .split("\n")
      .map((l) => l.replace(/\s+/g, " ").trim())
      .filter((l) => l.length > 0)
      .join("\n");
    if (text.length > 0) this.blocks.push(text);
    this.line = "";
  }

  block(text: string): void {
    this.flush();
    if (text.trim().length > 0) this.blocks.push(text);
  }

  result(): string {
    this.flush();
    return this.blocks.join("\n\n");
  }
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function textOf(node: DomNode): string {
  if (node.type === "text") return node.data ?? "";
  if (node.name === "br") return "\n";
  return (node.children ?? []).map(textOf).join("");
}

function walk(node: DomNode, out: TextBuilder): void {
  if (node.type === "text") {
    out.inline((node.data ?? "").replace(/\s+/g, " "));
    return;
  }
  if (node.type !== "tag" && node.type !== "root") return;
  const name = node.name ?? "";
  const children = node.children ?? [];
  const heading = /^h([1-6])$/.exec(name);
  if (heading) {
    const text = collapse(textOf(node));
    if (text) out.block(`${"#".repeat(Number(heading[1]))} ${text}`);
    return;
  }
  if (name === "br") {
    out.lineBreak();
    return;
  }
  if (name === "pre") {
    out.block(textOf(node).replace(/\s+$/g, ""));
    return;
  }
  if (name === "tr") {
    const cells = children
      .filter((c) => c.type === "tag" && (c.name === "td" || c.name === "th"))
      .map((c) => collapse(textOf(c)))
      .filter((c) => c.length > 0);
    if (cells.length > 0) {
      out.inline(cells.join(" | "));
      out.lineBreak();
    }
    return;
  }
  if (name === "ul" || name === "ol") {
    out.flush();
    let n = Number(node.attribs?.start ?? "1");
    if (!Number.isFinite(n)) n = 1;
    for (const child of children) {
      if (child.type !== "tag" || child.name !== "li") {
        walk(child, out);
        continue;
      }
      const marker = name === "ol" ? `${n++}. ` : "- ";
      const inner = new TextBuilder();
      for (const c of child.children ?? []) walk(c, inner);
      const text = inner.result();
      if (text) out.block(`${marker}${text}`);
    }
    out.flush();
    return;
  }
  const isBlock = BLOCK.has(name) || name === "td" || name === "th";
  if (isBlock) out.flush();
  for (const child of children) walk(child, out);
  if (isBlock) out.flush();
}

/** Drops header/footer bars that sit outside the article body. */
function isPageChrome(el: DomNode): boolean {
  for (let p = el.parent; p; p = p.parent) {
    if (p.type === "tag" && (p.name === "article" || p.name === "main")) return false;
  }
  return true;
}

/**
 * Turns an HTML page (or mammoth's HTML of a DOCX) into plain text: scripts, menus,
 * share/print bars, comment sections and related-news boxes are dropped; h1–h6 become
 * Markdown heading lines ("## ..."), list items keep a marker ("- ", "1. "), table rows
 * become "a | b | c" lines. When the body has no h1, the page `<title>` becomes one.
 */
export function htmlToText(html: string): string {
  const $ = cheerio.load(html);
  $(DROP_SELECTOR).remove();
  $("header, footer").each((_, el) => {
    if (isPageChrome(el as unknown as DomNode)) $(el).remove();
  });
  $("[class], [id]").each((_, el) => {
    const attrs = (el as unknown as DomNode).attribs ?? {};
    const name = (el as unknown as DomNode).name ?? "";
    if (name === "html" || name === "body" || name === "article" || name === "main") return;
    const words = `${attrs.class ?? ""} ${attrs.id ?? ""}`;
    const match = CRUFT_CLASS.exec(words);
    if (!match) return;
    // The page's title block, or a section's ("article-header", "section-header"): keep it.
    if ($(el).find("h1").length > 0) return;
    if (/header/i.test(match[0]) && $(el).find("h2, h3, h4, h5, h6").length > 0) return;
    $(el).remove();
  });
  const title = collapse($("head > title").first().text());
  $("head").remove();
  const out = new TextBuilder();
  if (title && $("h1").length === 0) {
    out.block(`# ${title.replace(/\s+[|–—-]\s+[^|–—-]{1,40}$/u, "")}`);
  }
  const root = $.root()[0] as unknown as DomNode;
  walk(root, out);
  return out.result();
}
