package org.sdelink.policies.review;

import com.google.common.collect.ImmutableList;
import com.google.common.escape.Escaper;
import com.google.common.html.HtmlEscapers;
import java.util.ArrayList;
import java.util.List;

/** A simple document (headings, paragraphs, lists, tables, commands) rendered as self-contained HTML or Markdown. */
final class ReportDocument {
  private static final Escaper HTML = HtmlEscapers.htmlEscaper();
  private static final String CSS = String.join("\n",
      "body{font-family:system-ui,-apple-system,'Segoe UI',Arial,sans-serif;font-size:16px;line-height:1.5;"
          + "color:#1d1d1d;max-width:1100px;margin:2em auto;padding:0 1em}",
      "h1{font-size:1.7em;border-bottom:3px solid #005eb8;padding-bottom:.3em}",
      "h2{font-size:1.35em;margin-top:2em;border-bottom:1px solid #ccc}",
      "h3{font-size:1.1em;margin-top:1.5em}",
      "table{border-collapse:collapse;width:100%;margin:.8em 0}",
      "th,td{border:1px solid #bbb;padding:.35em .6em;text-align:left;vertical-align:top}",
      "th{background:#e8edf4}",
      "tr.direct td{background:#fdf2f2}",
      "tr.changed td{background:#fff7e0}",
      "tr.leftout td{background:#fdecea;font-weight:600}",
      "nav{background:#f3f6fa;padding:.4em 1em;margin:1em 0}",
      "nav ol{margin:.3em 0}",
      "p.warning{background:#fdecea;border-left:5px solid #c0392b;padding:.6em .8em}",
      "p.ok{background:#eaf6ec;border-left:5px solid #2e7d32;padding:.6em .8em}",
      "p.note{background:#f3f6fa;border-left:5px solid #005eb8;padding:.6em .8em}",
      "pre{background:#f4f4f4;padding:.6em .8em;overflow-x:auto}",
      "code{font-family:Consolas,'Liberation Mono',monospace}");

  sealed interface Block permits Heading, Paragraph, Bullets, Table, Command {}

  record Heading(int level, String text) implements Block {}

  /** {@code style} is {@code ""}, {@code ok}, {@code warning} or {@code note}. */
  record Paragraph(String text, String style) implements Block {}

  record Bullets(ImmutableList<String> items) implements Block {}

  /** {@code rowStyles} holds one CSS class (or {@code ""}) per row. */
  record Table(ImmutableList<String> header, ImmutableList<ImmutableList<String>> rows,
      ImmutableList<String> rowStyles) implements Block {}

  record Command(String text) implements Block {}

  private final String title;
  private final List<Block> blocks = new ArrayList<>();

  ReportDocument(String title) {
    this.title = title;
  }

  ReportDocument heading(int level, String text) {
    blocks.add(new Heading(level, text));
    return this;
  }

  ReportDocument paragraph(String text) {
    return paragraph(text, "");
  }

  ReportDocument paragraph(String text, String style) {
    blocks.add(new Paragraph(text, style));
    return this;
  }

  ReportDocument bullets(List<String> items) {
    blocks.add(new Bullets(ImmutableList.copyOf(items)));
    return this;
  }

  ReportDocument table(List<String> header, List<List<String>> rows, List<String> rowStyles) {
    ImmutableList.Builder<ImmutableList<String>> copy = ImmutableList.builder();
    rows.forEach(r -> copy.add(ImmutableList.copyOf(r)));
    blocks.add(new Table(ImmutableList.copyOf(header), copy.build(), ImmutableList.copyOf(rowStyles)));
    return this;
  }

  ReportDocument command(String text) {
    blocks.add(new Command(text));
    return this;
  }

  String toHtml() {
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(HTML.escape(title)).append("</title>\n<style>\n").append(CSS)
        .append("\n</style>\n</head>\n<body>\n<h1>").append(HTML.escape(title)).append("</h1>\n");
    int section = 0;
    boolean contents = false;
    for (Block block : blocks) {
      if (block instanceof Heading h) {
        if (!contents) {
          contents = true;
          out.append(contentsHtml());
        }
        int level = Math.min(6, h.level() + 1);
        out.append("<h").append(level);
        if (h.level() == 1) {
          out.append(" id=\"s").append(++section).append('"');
        }
        out.append('>').append(HTML.escape(h.text())).append("</h").append(level).append(">\n");
      } else if (block instanceof Paragraph p) {
        out.append(p.style().isEmpty() ? "<p>" : "<p class=\"" + p.style() + "\">").append(HTML.escape(p.text()))
            .append("</p>\n");
      } else if (block instanceof Bullets b) {
        out.append("<ul>\n");
        b.items().forEach(i -> out.append("<li>").append(HTML.escape(i)).append("</li>\n"));
        out.append("</ul>\n");
      } else if (block instanceof Table t) {
        out.append("<table>\n<thead><tr>");
        t.header().forEach(h -> out.append("<th scope=\"col\">").append(HTML.escape(h)).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < t.rows().size(); r++) {
          String style = t.rowStyles().get(r);
          out.append(style.isEmpty() ? "<tr>" : "<tr class=\"" + style + "\">");
          t.rows().get(r).forEach(c -> out.append("<td>").append(HTML.escape(c)).append("</td>"));
          out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
      } else if (block instanceof Command c) {
        out.append("<pre><code>").append(HTML.escape(c.text())).append("</code></pre>\n");
      }
    }
    return out.append("</body>\n</html>\n").toString();
  }

  /** A list of the top-level sections, linked to their headings within the page. */
  private String contentsHtml() {
    StringBuilder nav = new StringBuilder("<nav>\n<p><strong>Contents</strong></p>\n<ol>\n");
    int section = 0;
    for (Block block : blocks) {
      if (block instanceof Heading h && h.level() == 1) {
        nav.append("<li><a href=\"#s").append(++section).append("\">").append(HTML.escape(h.text()))
            .append("</a></li>\n");
      }
    }
    return nav.append("</ol>\n</nav>\n").toString();
  }

  String toMarkdown() {
    StringBuilder out = new StringBuilder("# ").append(inline(title)).append("\n");
    for (Block block : blocks) {
      out.append('\n');
      if (block instanceof Heading h) {
        out.append("#".repeat(Math.min(6, h.level() + 1))).append(' ').append(inline(h.text())).append('\n');
      } else if (block instanceof Paragraph p) {
        String prefix = p.style().equals("warning") ? "> **Warning:** " : p.style().equals("ok") ? "> " : "";
        out.append(prefix).append(inline(p.text())).append('\n');
      } else if (block instanceof Bullets b) {
        b.items().forEach(i -> out.append("- ").append(inline(i)).append('\n'));
      } else if (block instanceof Table t) {
        out.append(row(t.header())).append('\n');
        out.append("|").append(" --- |".repeat(t.header().size())).append('\n');
        t.rows().forEach(r -> out.append(row(r)).append('\n'));
      } else if (block instanceof Command c) {
        out.append("```\n").append(c.text()).append("\n```\n");
      }
    }
    return out.toString();
  }

  private static String row(List<String> cells) {
    StringBuilder out = new StringBuilder("|");
    cells.forEach(c -> out.append(' ').append(inline(c).replace("|", "\\|")).append(" |"));
    return out.toString();
  }

  /** Markdown text with line breaks flattened and the characters Markdown or HTML would interpret escaped. */
  private static String inline(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '\\', '*', '_', '`', '[', ']', '#' -> out.append('\\').append(c);
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '\r', '\n' -> out.append(' ');
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
