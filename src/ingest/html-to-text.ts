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

/** The text under a node, `<br>` as a newline; iterative, whatever the nesting depth. */
function textOf(node: DomNode): string {
  let out = "";
  const stack: DomNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === "text") out += n.data ?? "";
    else if (n.name === "br") out += "\n";
    else {
      const children = n.children ?? [];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return out;
}

/** A node still to visit, with the builder it writes to; or work to do once its children are done. */
type Frame = { node: DomNode; out: TextBuilder } | { after: () => void };

/**
 * Writes the text of a tree, element by element. An explicit stack instead of recursion:
 * the depth of the input must not decide the depth of the call stack.
 */
function walk(root: DomNode, rootOut: TextBuilder): void {
  const stack: Frame[] = [{ node: root, out: rootOut }];
  const pushChildren = (children: readonly DomNode[], out: TextBuilder) => {
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, out });
  };
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if ("after" in frame) {
      frame.after();
      continue;
    }
    const { node, out } = frame;
    if (node.type === "text") {
      out.inline((node.data ?? "").replace(/\s+/g, " "));
      continue;
    }
    if (node.type !== "tag" && node.type !== "root") continue;
    const name = node.name ?? "";
    const children = node.children ?? [];
    const heading = /^h([1-6])$/.exec(name);
    if (heading) {
      const text = collapse(textOf(node));
      if (text) out.block(`${"#".repeat(Number(heading[1]))} ${text}`);
      continue;
    }
    if (name === "br") {
      out.lineBreak();
      continue;
    }
    if (name === "pre") {
      out.block(textOf(node).replace(/\s+$/g, ""));
      continue;
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
      continue;
    }
    if (name === "ul" || name === "ol") {
      out.flush();
      let n = Number(node.attribs?.start ?? "1");
      if (!Number.isFinite(n)) n = 1;
      // Planned in document order, pushed in reverse so that they run in order.
      const planned: Frame[] = [];
      for (const child of children) {
        if (child.type !== "tag" || child.name !== "li") {
          planned.push({ node: child, out });
          continue;
        }
        const marker = name === "ol" ? `${n++}. ` : "- ";
        const inner = new TextBuilder();
        for (const c of child.children ?? []) planned.push({ node: c, out: inner });
        planned.push({
          after: () => {
            const text = inner.result();
            if (text) out.block(`${marker}${text}`);
          },
        });
      }
      planned.push({ after: () => out.flush() });
      for (let i = planned.length - 1; i >= 0; i--) stack.push(planned[i]!);
      continue;
    }
    const isBlock = BLOCK.has(name) || name === "td" || name === "th";
    if (isBlock) {
      out.flush();
      stack.push({ after: () => out.flush() });
    }
    pushChildren(children, out);
  }
}

/** Elements that are never pushed on the open-element stack (void) or close themselves implicitly. */
const NOT_NESTING = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
  "p",
  "li",
  "dt",
  "dd",
  "tr",
  "td",
  "th",
  "option",
  "optgroup",
  "thead",
  "tbody",
  "tfoot",
  "colgroup",
  "caption",
  "rp",
  "rt",
]);
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "noscript"]);

/**
 * The deepest nesting of elements in an HTML text, counted by a linear scan that stops
 * as soon as it passes `limit` (the HTML parser's cost grows with depth times size, and
 * 100,000 nested `<div>` took it minutes). Implicitly closed elements (`<p>`, `<li>`, ...)
 * are not counted, so sloppy but ordinary pages are not mistaken for deep ones.
 */
export function htmlDepthExceeds(html: string, limit: number): boolean {
  const open: string[] = [];
  let i = html.indexOf("<");
  while (i >= 0 && i < html.length) {
    const next = html.charCodeAt(i + 1);
    if (next === 33 /* ! */) {
      const end = html.startsWith("<!--", i) ? html.indexOf("-->", i + 4) : html.indexOf(">", i);
      if (end < 0) break;
      i = html.indexOf("<", end);
      continue;
    }
    const closing = next === 47; /* / */
    const nameStart = closing ? i + 2 : i + 1;
    let nameEnd = nameStart;
    while (nameEnd < html.length && /[A-Za-z0-9:-]/.test(html[nameEnd]!)) nameEnd++;
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    const tagEnd = html.indexOf(">", nameEnd);
    if (tagEnd < 0) break;
    if (name.length > 0 && !NOT_NESTING.has(name)) {
      if (closing) {
        const at = open.lastIndexOf(name);
        if (at >= 0) open.length = at;
      } else if (html[tagEnd - 1] !== "/") {
        if (RAW_TEXT.has(name)) {
          const closer = new RegExp(`</${name}`, "gi");
          closer.lastIndex = tagEnd;
          const close = closer.exec(html)?.index ?? -1;
          if (close < 0) break;
          i = html.indexOf("<", close + 2);
          continue;
        }
        open.push(name);
        if (open.length > limit) return true;
      }
    }
    i = html.indexOf("<", tagEnd);
  }
  return false;
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
