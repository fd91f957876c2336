import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads every Surefire report under the given directories, prints how many tests ran and how many
 * were skipped, lists each skipped test with the reason it gave, and exits 1 when any was skipped
 * other than those named with {@code --allow SimpleClassName#method}. A skipped test is a promise nobody
 * checked on this run: the board's Chromium test and the dashboard's Prometheus test skip only
 * when their tool is missing, so a skip in CI means an install step broke.
 *
 * <p>Run as a source file: {@code java .ci/SkippedTests.java [--allow Class#method]... DIR...}
 */
public final class SkippedTests {
  private SkippedTests() {}

  public static void main(String[] args) throws Exception {
    List<Path> dirs = new ArrayList<>();
    List<String> allowed = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--allow")) {
        allowed.add(args[++i]);
      } else {
        dirs.add(Paths.get(args[i]));
      }
    }
    int tests = 0;
    List<String> skipped = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (Path report : reports(dirs)) {
      String file = report.getFileName().toString();
      String testClass = file.substring("TEST-".length(), file.length() - ".xml".length());
      NodeList cases = parse(report).getElementsByTagName("testcase");
      for (int i = 0; i < cases.getLength(); i++) {
        Element testcase = (Element) cases.item(i);
        tests++;
        NodeList skip = testcase.getElementsByTagName("skipped");
        if (skip.getLength() == 0) {
          continue;
        }
        String id = testClass + "#" + testcase.getAttribute("name");
        String reason = ((Element) skip.item(0)).getAttribute("message");
        boolean ok = allowed.stream().anyMatch(id::endsWith);
        skipped.add(
            id
                + " (\""
                + testcase.getAttribute("classname")
                + "\")"
                + (reason.isEmpty() ? "" : ": " + reason)
                + (ok ? " [allowed]" : ""));
        if (!ok) {
          refused.add(id);
        }
      }
    }
    System.out.printf("ci: %d tests in the Surefire reports, %d skipped%n", tests, skipped.size());
    skipped.forEach(s -> System.out.println("ci:   SKIPPED " + s));
    if (tests == 0) {
      System.out.println("ci: no Surefire report found under " + dirs);
      System.exit(1);
    }
    if (!refused.isEmpty()) {
      System.out.println("ci: FAILED: " + refused.size() + " test(s) skipped; a skip checks nothing");
      System.exit(1);
    }
  }

  private static List<Path> reports(List<Path> dirs) throws IOException {
    List<Path> found = new ArrayList<>();
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.list(dir)) {
        files
            .filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml"))
            .sorted()
            .forEach(found::add);
      }
    }
    return found;
  }

  private static org.w3c.dom.Document parse(Path report) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(report.toFile());
  }
}
