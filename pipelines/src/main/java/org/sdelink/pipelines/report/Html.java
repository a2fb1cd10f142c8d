package org.sdelink.pipelines.report;

import com.google.common.html.HtmlEscapers;
import java.util.Base64;
import java.util.List;

/** The small pieces of HTML the dashboard is made of: one stylesheet inline, no scripts but the council selector. */
final class Html {
  static final String STYLE = String.join("",
      "*{box-sizing:border-box}",
      "body{font-family:'DejaVu Sans',Arial,sans-serif;margin:0;color:#212b32;background:#f0f4f5;font-size:16px}",
      "header{background:#005eb8;color:#fff;padding:14px 28px}",
      "header h1{margin:0;font-size:26px}header p{margin:4px 0 0;font-size:15px}",
      "nav{background:#fff;border-bottom:1px solid #d8dde0;padding:0 28px;display:flex;flex-wrap:wrap;",
      "align-items:center;gap:4px}",
      "nav a{display:inline-block;padding:12px 14px;color:#005eb8;text-decoration:none;font-weight:bold;",
      "border-bottom:4px solid transparent}",
      "nav a.current{border-bottom-color:#005eb8;color:#212b32}",
      "nav form{margin-left:auto;padding:8px 0}nav select{font-size:15px;padding:4px}",
      "main{max-width:1100px;margin:0 auto;padding:16px 28px 48px}",
      "section{background:#fff;border:1px solid #d8dde0;margin:18px 0;padding:16px 20px}",
      "h2{margin:0 0 8px;font-size:21px}h3{font-size:18px}",
      "p.lead{color:#4c6272;margin:4px 0 12px}",
      "img{max-width:100%;height:auto;display:block;margin:8px 0}",
      ".banner{padding:10px 16px;margin:16px 0 0;border-left:8px solid}",
      ".banner.internal{background:#fde8e6;border-color:#d5281b}",
      ".banner.councils{background:#e8f1fa;border-color:#005eb8}",
      ".cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}",
      ".card{background:#fff;border:1px solid #d8dde0;border-top:5px solid #005eb8;padding:10px 16px;min-width:200px}",
      ".card .value{font-size:28px;font-weight:bold}.card .label{color:#4c6272;font-size:14px}",
      "table{border-collapse:collapse;margin:8px 0;font-size:14px}",
      "th,td{border:1px solid #d8dde0;padding:4px 8px;text-align:left;vertical-align:top}",
      "th{background:#e8edee}td.n{text-align:right;font-variant-numeric:tabular-nums}",
      "tr.total td{font-weight:bold;background:#f7f9fa}",
      "td.good{background:#e6f4ea}td.poor{background:#fde8e6}",
      ".scroll{overflow-x:auto}",
      "a.csv{font-size:14px}details summary{cursor:pointer;color:#005eb8;margin:6px 0}",
      "p.note{color:#4c6272;font-size:14px}p.warning{background:#fff4e5;border-left:6px solid #ed8b00;",
      "padding:8px 12px}",
      "dl dt{font-weight:bold;margin-top:10px}dl dd{margin-left:16px}");

  private Html() {}

  static String esc(String text) {
    return HtmlEscapers.htmlEscaper().escape(text == null ? "" : text);
  }

  static String page(String title, String header, String subtitle, String nav, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + esc(title) + "</title><style>" + STYLE + "</style></head><body>\n"
        + "<header><h1>" + esc(header) + "</h1><p>" + esc(subtitle) + "</p></header>\n"
        + nav + "\n<main>\n" + body + "</main></body></html>\n";
  }

  static String image(byte[] png, String alt) {
    return "<img alt=\"" + esc(alt) + "\" src=\"data:image/png;base64,"
        + Base64.getEncoder().encodeToString(png) + "\">\n";
  }

  static String card(String value, String label) {
    return "<div class=\"card\"><div class=\"value\">" + esc(value) + "</div><div class=\"label\">" + esc(label)
        + "</div></div>";
  }

  static String cards(List<String> cards) {
    return "<div class=\"cards\">" + String.join("", cards) + "</div>\n";
  }
}
