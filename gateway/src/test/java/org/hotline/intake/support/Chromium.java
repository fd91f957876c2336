package org.hotline.intake.support;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium, run as a plain process: {@code --dump-dom} for what the page shows
 * after its script has run, {@code --screenshot} for how it looks. {@code --virtual-time-budget}
 * lets the page's timers and fetches run before either is taken, without waiting in real time for
 * them. Each run gets a new profile directory, so nothing is shared between runs.
 */
public final class Chromium {
  private static final long TIMEOUT_SECONDS = 90;
  private static final int VIRTUAL_TIME_MS = 8000;

  private final Path binary;

  private Chromium(Path binary) {
    this.binary = binary;
  }

  /** Chromium on this machine, or null when it is not installed. */
  public static Chromium find() {
    for (String name : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
      Path p = Path.of(name);
      if (Files.isExecutable(p)) {
        return new Chromium(p);
      }
    }
    return null;
  }

  /** The page's DOM once its script has run. */
  public String dumpDom(URI page, int width, int height) throws Exception {
    return run(page, width, height, "--dump-dom");
  }

  /** A PNG of the page, {@code width} × {@code height} CSS pixels. */
  public void screenshot(URI page, int width, int height, Path png) throws Exception {
    Files.createDirectories(png.toAbsolutePath().getParent());
    Files.deleteIfExists(png);
    run(page, width, height, "--screenshot=" + png.toAbsolutePath(), "--hide-scrollbars");
    if (!Files.isRegularFile(png)) {
      throw new IOException("chromium wrote no screenshot to " + png);
    }
  }

  private String run(URI page, int width, int height, String... what) throws Exception {
    Path profile = Files.createTempDirectory("board-chromium-");
    Path out = Files.createTempFile("board-chromium-", ".out");
    try {
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  binary.toString(),
                  "--headless",
                  "--no-sandbox",
                  "--disable-gpu",
                  "--disable-quic",
                  "--no-first-run",
                  "--disable-background-networking",
                  "--disable-component-update",
                  "--disable-sync",
                  "--user-data-dir=" + profile,
                  "--window-size=" + width + "," + height,
                  "--virtual-time-budget=" + VIRTUAL_TIME_MS));
      cmd.addAll(List.of(what));
      cmd.add(page.toString());
      Process p =
          new ProcessBuilder(cmd)
              .redirectOutput(out.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("chromium did not finish within " + TIMEOUT_SECONDS + " s");
      }
      return Files.readString(out, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(out);
      SharedDatabase.deleteTree(profile);
    }
  }
}
