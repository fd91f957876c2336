package org.hotline.intake.routing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the statistical township list ({@code code,name,areaCode,…}, as published with the division
 * codes). Only three columns matter, found by header name so that a later edition with other
 * columns still loads. Names never contain a comma, so a plain split is enough.
 */
final class TownshipFile {
  /** One township-level unit: its 9-digit code, official name and district code. */
  record Township(String code, String name, String district) {}

  private TownshipFile() {}

  static List<Township> read(InputStream in) throws IOException {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String header = r.readLine();
      if (header == null) {
        throw new IOException("township file is empty");
      }
      List<String> cols = split(stripBom(header));
      int code = column(cols, "code");
      int name = column(cols, "name");
      int area = column(cols, "areaCode");
      List<Township> out = new ArrayList<>();
      String line;
      int lineNo = 1;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        List<String> f = split(line);
        if (f.size() <= Math.max(code, Math.max(name, area))) {
          throw new IOException("township file line " + lineNo + " has too few columns");
        }
        out.add(new Township(f.get(code), f.get(name), f.get(area)));
      }
      return out;
    }
  }

  private static int column(List<String> header, String name) throws IOException {
    int i = header.indexOf(name);
    if (i < 0) {
      throw new IOException("township file has no " + name + " column");
    }
    return i;
  }

  private static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    for (String f : line.split(",", -1)) {
      String t = f.strip();
      if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
        t = t.substring(1, t.length() - 1);
      }
      out.add(t);
    }
    return out;
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }
}
