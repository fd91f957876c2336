package org.hotline.intake.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.hotline.intake.support.BoardFixture;
import org.hotline.intake.support.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The board as a person sees it, in headless Chromium: the page loads, its script polls the JSON
 * and draws the rows. Skipped, saying why, only when Chromium is not installed ({@code .ci/run}
 * installs it). The screenshot is kept as {@code target/board.png}.
 */
@DisplayName("GET / in headless Chromium")
class BoardPageTest {
  static final Path SCREENSHOT = Path.of("target", "board.png");
  private static final int WIDTH = 1920;
  private static final int HEIGHT = 1080;

  private static Chromium chromium;
  private static BoardFixture board;
  private static String dom;

  @BeforeAll
  static void load() throws Exception {
    chromium = Chromium.find();
    assumeTrue(
        chromium != null,
        "headless Chromium is not installed (/usr/bin/chromium): apt-get install -y chromium");
    board = BoardFixture.start();
    String breached = null;
    for (int i = 0; i < 3; i++) {
      String id = board.complaint("湖里某眼镜店" + i, "厦门市湖里区五缘湾道15号", "配的眼镜度数不对，要求重配被拒绝。");
      breached = breached == null ? id : breached;
    }
    String atRisk = board.complaint("集美某奶茶店", "厦门市集美区集美学村嘉庚路3号", "奶茶里有异物，要求退款。");
    board.complaint("集美某书店", "厦门市集美区集美学村嘉庚路9号", "买到盗版书，要求退货。");
    board.complaint("海沧某超市", "厦门市海沧区海沧大道100号", "过期食品仍在销售，要求赔偿。");
    String stuck = board.complaint("同安某家具城", "厦门市同安区祥平街道城南路8号", "家具送货后发现开裂，商家拒绝退换。");
    for (int i = 0; i < 6; i++) {
      board.complaint("曾厝垵某海鲜排档", "厦门市思明区曾厝垵", "国庆期间在该店吃海鲜，称重时缺斤少两，多收了200元，要求退款。");
    }
    board.complaint("某网店", "厦门市软件园", "收到的商品与描述不符，要求退货。");
    board.updateItem("due_at = now() - interval '1 hour'", breached);
    board.updateItem("due_at = now() + interval '1 hour'", atRisk);
    board.updateItem("state = 'stuck'", stuck);
    board.awaitBoard(b -> b.encode().contains("\"stuck\":{\"value\":1"));
    dom = chromium.dumpDom(board.uri("/"), WIDTH, HEIGHT);
    chromium.screenshot(board.uri("/"), WIDTH, HEIGHT, SCREENSHOT);
  }

  @AfterAll
  static void stop() throws Exception {
    if (board != null) {
      board.close();
    }
  }

  /** The status and text of one figure, as drawn by the page's script. */
  private static String[] cell(String queue, String field) {
    Matcher m =
        Pattern.compile(
                "<td data-queue=\""
                    + queue
                    + "\" data-field=\""
                    + field
                    + "\" data-status=\"(\\w+)\"><span class=\"v\">([^<]*)</span>")
            .matcher(dom);
    assertThat(m.find()).as("a %s cell for %s in the page", field, queue).isTrue();
    return new String[] {m.group(1), m.group(2)};
  }

  @Test
  @DisplayName("names every district, triage and transfer")
  void names() {
    assertThat(dom).contains("思明区", "海沧区", "湖里区", "集美区", "同安区", "翔安区", "分流", "转办");
  }

  @Test
  @DisplayName("shows 湖里's breach in red, with an icon and a word, not colour alone")
  void breach() {
    assertThat(cell("350206", "breached")).containsExactly("red", "✖ 1");
    assertThat(cell("350206", "waiting")).containsExactly("green", "✔ 3");
    assertThat(dom)
        .containsPattern(
            "<td class=\"q\" data-status=\"red\">湖里区<span class=\"code\">350206</span>")
        .contains("✖ 超期 Late");
  }

  @Test
  @DisplayName("shows 集美's item at risk and 同安's stuck item in amber")
  void amber() {
    assertThat(cell("350211", "at_risk")).containsExactly("amber", "▲ 1");
    assertThat(cell("350212", "stuck")).containsExactly("amber", "▲ 1");
  }

  @Test
  @DisplayName("shows the intake of the last 15 minutes and the escalated group complaint")
  void intakeAndGroups() {
    assertThat(dom).containsPattern("<span id=\"intake-total\">14</span>");
    assertThat(dom)
        .containsPattern(
            "<svg id=\"spark\"[^>]*>(<rect [^>]*><title>[^<]*</title></rect>){15}</svg>");
    assertThat(dom).containsPattern("<span id=\"groups-active\">1</span>");
    assertThat(dom).contains("✖ 已升级 escalated · 思明区 · 6 complaints");
  }

  @Test
  @DisplayName("shows the missing-calendar banner")
  void banner() {
    assertThat(dom).containsPattern("<div id=\"banner\" class=\"banner\">⚠ \\d{4}年节假日安排未加载");
    assertThat(dom).contains("holiday calendar is not loaded");
  }

  @Test
  @DisplayName("looks red and amber in the screenshot")
  void screenshot() throws Exception {
    BufferedImage png = ImageIO.read(SCREENSHOT.toFile());
    assertThat(png.getWidth()).isGreaterThanOrEqualTo(WIDTH);
    assertThat(pixels(png, 0xC62828)).as("red pixels").isGreaterThan(2000);
    assertThat(pixels(png, 0xFFB300)).as("amber pixels").isGreaterThan(2000);
  }

  private static int pixels(BufferedImage img, int rgb) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) {
          n++;
        }
      }
    }
    return n;
  }
}
