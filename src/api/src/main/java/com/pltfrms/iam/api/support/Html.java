package com.pltfrms.iam.api.support;

/**
 * Escaping for HTML text and double-quoted attribute values (OWASP's rule #1 and #2): the five
 * characters that can end a text run or an attribute become character references, and control
 * characters other than tab, line feed and carriage return are dropped. Every value a page reflects
 * passes through here; nothing is ever written raw.
 */
public final class Html {

  private Html() {}

  public static String escape(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (c >= 0x20 && c != 0x7F || c == '\t' || c == '\n' || c == '\r') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
