package org.hotline.intake.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.hotline.intake.sla.WorkingCalendar;
import org.hotline.intake.support.BoardFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("GET /v1/board, the status board's data")
class BoardEndpointTest {
  private static final String SIMING = "厦门市思明区中山路88号";
  private static final String HULI = "厦门市湖里区五缘湾道15号";
  private static final String JIMEI = "厦门市集美区集美学村嘉庚路3号";
  private static final List<String> MERCHANTS = new ArrayList<>();

  private static BoardFixture board;
  private static List<String> huli;
  private static List<String> jimei;
  private static JsonObject snapshot;
  private static String body;

  @BeforeAll
  static void fill() throws Exception {
    board = BoardFixture.start();
    huli = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      huli.add(post("湖里某眼镜店" + i, HULI, "配的眼镜度数不对，要求重配被拒绝。"));
    }
    jimei = List.of(post("集美某奶茶店", JIMEI, "奶茶里有异物，要求退款。"), post("集美某书店", JIMEI, "买到盗版书，要求退货。"));
    // Five people, one stall, one matter: a group complaint, escalated at five.
    for (int i = 0; i < 5; i++) {
      post("曾厝垵某海鲜排档", SIMING, "国庆期间在该店吃海鲜，称重时缺斤少两，多收了200元，要求退款。");
    }
    // Two people, one grill, one matter, then one taken out of the group: one person is no group.
    String xiangan = "厦门市翔安区马巷镇巷南路1号";
    post("翔安某烧烤店", xiangan, "烤串明码标价十元，结账按二十元收，多收了100元。");
    board.unlink(post("翔安某烧烤店", xiangan, "烤串明码标价十元，结账按二十元收，多收了100元。"));
    board.acceptOne("350203");
    board.updateItem("due_at = now() - interval '1 hour'", huli.get(0));
    board.updateItem("due_at = now() + interval '1 hour'", huli.get(1));
    board.updateItem("state = 'stuck'", jimei.get(0));
    board.updateItem("enqueued_at = now() - interval '5 hours'", jimei.get(1));
    // Every change above is visible once the last one is.
    snapshot =
        board.awaitBoard(
            b ->
                field(b, "350203", "handling").getLong("value") == 1
                    && field(b, "350211", "oldest_age_seconds").getLong("value") >= 5 * 3600
                    && field(b, "350211", "stuck").getLong("value") == 1
                    && field(b, "350206", "breached").getLong("value") == 1
                    && field(b, "350206", "at_risk").getLong("value") == 1);
    body = snapshot.encode();
  }

  private static String post(String merchant, String address, String content) throws Exception {
    MERCHANTS.add(merchant);
    return board.complaint(merchant, address, content);
  }

  @AfterAll
  static void stop() throws Exception {
    board.close();
  }

  private static JsonObject row(JsonObject b, String queue) {
    for (Object o : b.getJsonArray("queues")) {
      JsonObject r = (JsonObject) o;
      if (queue.equals(r.getString("queue"))) {
        return r;
      }
    }
    throw new AssertionError("no row for " + queue + " in " + b);
  }

  private static JsonObject field(JsonObject b, String queue, String field) {
    return row(b, queue).getJsonObject(field);
  }

  @Test
  @DisplayName("has one row per district, named, then triage and transfer, idle ones green")
  void rows() {
    JsonArray queues = snapshot.getJsonArray("queues");
    List<String> codes = new ArrayList<>();
    queues.forEach(q -> codes.add(((JsonObject) q).getString("queue")));
    assertThat(codes)
        .containsExactly(
            "350203", "350205", "350206", "350211", "350212", "350213", "triage", "transfer");
    assertThat(row(snapshot, "350206").getString("name")).isEqualTo("湖里区");
    assertThat(row(snapshot, "350213").getString("name")).isEqualTo("翔安区");
    assertThat(row(snapshot, "350205").getString("status")).isEqualTo("green");
    assertThat(field(snapshot, "350205", "waiting").getLong("value")).isZero();
    assertThat(row(snapshot, "triage").getString("kind")).isEqualTo("triage");
  }

  @Test
  @DisplayName("a breached item turns its queue red; an item due within a working day is at risk")
  void breach() {
    JsonObject r = row(snapshot, "350206");
    assertThat(r.getJsonObject("waiting").getLong("value")).isEqualTo(3);
    assertThat(r.getJsonObject("breached").getLong("value")).isEqualTo(1);
    assertThat(r.getJsonObject("breached").getString("status")).isEqualTo("red");
    assertThat(r.getJsonObject("breached").getString("target")).isEqualTo("0");
    assertThat(r.getJsonObject("at_risk").getLong("value")).isEqualTo(1);
    assertThat(r.getJsonObject("at_risk").getString("status")).isEqualTo("amber");
    assertThat(r.getString("status")).isEqualTo("red");
    assertThat(snapshot.getString("status")).isEqualTo("red");
  }

  @Test
  @DisplayName("a stuck item and a waiting item older than 4 hours make a queue amber")
  void amber() {
    JsonObject r = row(snapshot, "350211");
    assertThat(r.getJsonObject("stuck").getLong("value")).isEqualTo(1);
    assertThat(r.getJsonObject("stuck").getString("status")).isEqualTo("amber");
    assertThat(r.getJsonObject("waiting").getLong("value")).isEqualTo(1);
    assertThat(r.getJsonObject("oldest_age_seconds").getLong("value"))
        .isGreaterThanOrEqualTo(5 * 3600);
    assertThat(r.getJsonObject("oldest_age_seconds").getString("status")).isEqualTo("amber");
    assertThat(r.getJsonObject("breached").getLong("value")).isZero();
    assertThat(r.getString("status")).isEqualTo("amber");
  }

  @Test
  @DisplayName("counts every record taken in the last 15 minutes, per minute")
  void intake() {
    JsonObject intake = snapshot.getJsonObject("intake");
    assertThat(intake.getJsonArray("per_minute")).hasSize(15);
    long sum =
        intake.getJsonArray("per_minute").stream().mapToLong(n -> ((Number) n).longValue()).sum();
    assertThat(sum).isEqualTo(intake.getLong("total")).isEqualTo(12);
  }

  @Test
  @DisplayName(
      "shows the group complaint in progress, escalated, in 思明, and not a group left with one")
  void groups() {
    JsonObject groups = snapshot.getJsonObject("groups");
    assertThat(groups.getLong("active")).isEqualTo(1);
    assertThat(groups.getLong("escalated")).isEqualTo(1);
    JsonObject g = groups.getJsonArray("shown").getJsonObject(0);
    assertThat(g.getBoolean("escalated")).isTrue();
    assertThat(g.getInteger("size")).isEqualTo(5);
    assertThat(g.getString("name")).isEqualTo("思明区");
    assertThat(groups.getJsonArray("shown")).hasSize(1);
  }

  @Test
  @DisplayName("counts an accepted item as in handling, no longer waiting, and green while on time")
  void handling() {
    JsonObject r = row(snapshot, "350203");
    assertThat(r.getJsonObject("waiting").getLong("value")).isEqualTo(4);
    assertThat(r.getJsonObject("handling").getLong("value")).isEqualTo(1);
    assertThat(r.getJsonObject("handling").getString("status")).isEqualTo("green");
  }

  @Test
  @DisplayName("warns that next year's holiday calendar is missing")
  void banner() {
    JsonObject banner = snapshot.getJsonObject("calendar").getJsonObject("banner");
    assertThat(banner).isNotNull();
    int year = banner.getInteger("missing_year");
    assertThat(WorkingCalendar.bundled().covers(year)).isFalse();
    assertThat(banner.getString("message")).contains(Integer.toString(year));
  }

  @Test
  @DisplayName("holds no personal data: no name, phone, merchant, content or record id")
  void noPersonalData() {
    // A phone's last four digits (0001…) can occur by chance in a timestamp's fraction of a
    // second, so that check reads the body with its timestamps blanked out.
    String untimed = body.replaceAll("\"\\d{4}-\\d{2}-\\d{2}T[^\"]*\"", "\"<time>\"");
    assertThat(untimed).contains("\"refreshed_at\":\"<time>\"");
    for (int n = 1; n <= board.posted(); n++) {
      assertThat(body).doesNotContain(BoardFixture.complainantName(n));
      assertThat(body).doesNotContain(BoardFixture.phone(n));
      assertThat(untimed).doesNotContain(BoardFixture.phone(n).substring(7));
    }
    MERCHANTS.forEach(m -> assertThat(body).doesNotContain(m));
    assertThat(body).doesNotContain("中山路", "五缘湾", "眼镜", "海鲜", "board-");
    huli.forEach(id -> assertThat(body).doesNotContain(id));
  }

  @Test
  @DisplayName("needs no key, and is not cached")
  void open() throws Exception {
    HttpResponse<String> r = board.get("/v1/board");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(r.headers().firstValue("cache-control")).hasValue("no-store");
  }

  @Test
  @DisplayName("GET / is the page, with its script and style from the gateway itself")
  void page() throws Exception {
    HttpResponse<String> page = board.get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.headers().firstValue("content-security-policy"))
        .hasValueSatisfying(c -> assertThat(c).contains("default-src 'none'"));
    assertThat(page.body())
        .contains("/board/board.js", "/board/board.css")
        .doesNotContain("http://", "https://");
    assertThat(board.get("/board/board.js").body()).contains("/v1/board");
    assertThat(board.get("/board/board.css").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("is in the OpenAPI document, with the page")
  void documented() throws Exception {
    JsonObject paths = new JsonObject(board.get("/openapi.json").body()).getJsonObject("paths");
    assertThat(paths.fieldNames()).contains("/", "/v1/board");
    assertThat(paths.getJsonObject("/v1/board").getJsonObject("get").getJsonArray("security"))
        .isEmpty();
  }
}
