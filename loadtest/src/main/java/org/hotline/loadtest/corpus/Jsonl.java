package org.hotline.loadtest.corpus;

import java.io.IOException;
import java.io.Writer;

/** The corpus file: one filing and its truth a line. Bodies are already JSON, written as is. */
final class Jsonl {
  private Jsonl() {}

  static void write(Iterable<Filing> filings, Writer out) throws IOException {
    StringBuilder sb = new StringBuilder(2048);
    for (Filing f : filings) {
      sb.setLength(0);
      sb.append("{\"seq\":").append(f.seq());
      sb.append(',');
      Json.string(sb, "channel").append(':');
      Json.string(sb, f.channel());
      Json.field(sb, "source_id", f.sourceId());
      sb.append(",\"body\":").append(f.body());
      Truth t = f.truth();
      sb.append(",\"truth\":{");
      Json.field(sb, "person", t.person());
      Json.field(sb, "matter", t.matter());
      Json.field(sb, "grievance", t.grievance());
      sb.append(",\"group\":");
      nullable(sb, t.group());
      sb.append(",\"district\":");
      nullable(sb, t.district());
      sb.append(",\"transfer_to\":");
      nullable(sb, t.transferTo());
      sb.append(",\"retry_of\":").append(t.retryOf()).append("}}\n");
      out.append(sb);
    }
    out.flush();
  }

  private static void nullable(StringBuilder sb, String s) {
    if (s == null) {
      sb.append("null");
    } else {
      Json.string(sb, s);
    }
  }
}
