package org.hotline.loadtest.corpus;

/** JSON text written by hand: bodies are built at thousands a second, without a tree. */
final class Json {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Json() {}

  /** Appends {@code s} as a JSON string literal, quotes included. */
  static StringBuilder string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"');
  }

  /** Appends {@code ,"name":"value"}, or nothing when value is null. */
  static void field(StringBuilder sb, String name, String value) {
    if (value == null) {
      return;
    }
    if (sb.charAt(sb.length() - 1) != '{') {
      sb.append(',');
    }
    string(sb, name).append(':');
    string(sb, value);
  }
}
