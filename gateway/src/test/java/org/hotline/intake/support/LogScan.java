package org.hotline.intake.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hotline.dedup.text.IdNumbers;
import org.hotline.intake.privacy.PersonalNumbers;

/**
 * Looks for phone and ID numbers in the logs a test run wrote ({@code target/test-logs}, one file
 * per JVM: the test JVM and every gateway it started as a child). A mobile or a landline with its
 * area code counts in any shape; an ID-number shape counts when its check character is right, so
 * that long digit runs of other kinds do not. A hit is reported by file, line and kind with the
 * number masked: the report must not leak what it found.
 *
 * <p>Run by {@code SuiteLogsCheck} after the gateway's tests, and by {@code .ci/run} over every
 * module's logs: {@code java -cp gateway/target/test-classes:gateway/target/classes:
 * dedup/target/classes org.hotline.intake.support.LogScan DIR...}; exit status 1 on a hit, 2 when
 * there was no log to scan.
 */
public final class LogScan {
  private LogScan() {}

  /** One number found: where, what kind, and the number masked. */
  public record Hit(Path file, int line, PersonalNumbers.Kind kind, String masked) {
    @Override
    public String toString() {
      return file + ":" + line + ": " + kind.name().toLowerCase() + " " + masked;
    }
  }

  /** The hits in one piece of text. */
  public static List<Hit> scan(Path file, List<String> lines) {
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      for (PersonalNumbers.Found n : PersonalNumbers.find(lines.get(i))) {
        if (n.kind() != PersonalNumbers.Kind.ID || IdNumbers.isValid(n.digits())) {
          hits.add(new Hit(file, i + 1, n.kind(), n.masked()));
        }
      }
    }
    return hits;
  }

  /** The log files under {@code dir} (none when it does not exist). */
  public static List<Path> logs(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /** The hits in every log file under {@code dir}. */
  public static List<Hit> scan(Path dir) throws IOException {
    List<Hit> hits = new ArrayList<>();
    for (Path file : logs(dir)) {
      // Malformed bytes are replaced, not fatal: a log may hold a client's bad UTF-8.
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      hits.addAll(scan(file, text.lines().toList()));
    }
    return hits;
  }

  public static void main(String[] args) throws IOException {
    int files = 0;
    List<Hit> hits = new ArrayList<>();
    for (String dir : args) {
      files += logs(Path.of(dir)).size();
      hits.addAll(scan(Path.of(dir)));
    }
    hits.forEach(h -> System.err.println("personal data in a log: " + h));
    if (files == 0) {
      System.err.println("log scan: no log files under " + String.join(", ", args));
      System.exit(2);
    }
    System.out.println("log scan: " + files + " files, " + hits.size() + " phone or ID numbers");
    System.exit(hits.isEmpty() ? 0 : 1);
  }
}
