package org.hotline.intake.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.support.TestGateway.OPERATOR_KEY;
import static org.hotline.intake.support.TestGateway.PHONE_KEY;
import static org.hotline.intake.support.TestGateway.WEB_KEY;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.hotline.intake.support.Rows;
import org.hotline.intake.support.Samples;
import org.hotline.intake.support.SharedDatabase;
import org.hotline.intake.support.TestGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("duplicates and group complaints at intake")
public class DedupIntakeTest {
  static TestGateway gw;

  @BeforeAll
  static void start() throws Exception {
    gw = TestGateway.shared();
  }

  /** A merchant no other test uses: its credit code is its blocking key. */
  public static String newCreditCode() {
    String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    // Registered by the city's bureau (350200): a code of a district's would route the record there
    // when no address says where (Routing, reason credit_code), whatever the test is about.
    StringBuilder sb = new StringBuilder("91350200");
    for (int i = 0; i < 9; i++) {
      sb.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
    }
    return Samples.creditCode(sb.toString());
  }

  static String hoursAgo(int hours) {
    return OffsetDateTime.now(ZoneOffset.ofHours(8))
        .minusHours(hours)
        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX"));
  }

  public static String daysAgo(int days) {
    return LocalDate.now(ZoneOffset.ofHours(8)).minusDays(days).toString();
  }

  public static String newPhone() {
    return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
  }

  /** A valid resident ID number no other test uses: Xiamen's Siming district, born 1990. */
  static String newIdNumber() {
    String body =
        "35020319900307" + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body.charAt(i) - '0') * weights[i];
    }
    return body + "10X98765432".charAt(sum % 11);
  }

  /** The call centre's terse summary of an overcharge at a seafood stall. */
  public static String phoneFiling(String phone, String creditCode) {
    return """
        {"source_id": "%s", "type": "complaint", "received_at": "%s",
         "complainant": {"name": "陈先生", "phone": "%s"},
         "merchant": {"name": "厦门鹭江海鲜大排档有限公司", "credit_code": "%s",
                      "address": "厦门市思明区中山路88号"},
         "content": "来电人反映昨日在该店吃海鲜，称重缺斤少两，多收费用300元，要求退还多收款。",
         "amount": 300, "occurred_at": "%s"}
        """
        .formatted(Samples.newSourceId(), hoursAgo(3), phone, creditCode, daysAgo(1));
  }

  /** The same person's own words on the web, full-width digits and all. */
  public static String webFiling(String phone, String creditCode) {
    return """
        {"source_id": "%s", "type": "complaint", "received_at": "%s",
         "complainant": {"name": "陈先生", "phone": "+86 %s"},
         "merchant": {"name": "鹭江海鲜大排档（中山路店）", "credit_code": "%s"},
         "content": "我昨天在中山路鹭江海鲜大排档吃海鲜，结账时发现称重缺斤少两，被多收了３００元，要求商家退还！",
         "amount": 300, "occurred_at": "%s"}
        """
        .formatted(Samples.newSourceId(), hoursAgo(1), phone, creditCode, daysAgo(1));
  }

  /** {@link #webFiling} under a category outside market regulation: the stall's cook, unpaid. */
  static String wageClaim(String phone, String creditCode) {
    return webFiling(phone, creditCode)
        .replace("\"amount\": 300", "\"category\": \"拖欠工资\", \"amount\": 300");
  }

  /** {@code body} with its seller on 淘宝, a platform registered in another city. */
  static String onTaobao(String body) {
    return body.replace("\"credit_code\"", "\"platform\": \"淘宝\", \"credit_code\"");
  }

  /** The same person, same merchant, another matter. */
  static String otherMatter(String phone, String creditCode) {
    return """
        {"source_id": "%s", "type": "complaint", "received_at": "%s",
         "complainant": {"name": "陈先生", "phone": "%s"},
         "merchant": {"name": "厦门鹭江海鲜大排档有限公司", "credit_code": "%s"},
         "content": "来电人反映在该店购买的预付储值卡余额被无故清零，卡内剩余1200元无法使用，要求恢复余额。",
         "amount": 1200, "occurred_at": "%s"}
        """
        .formatted(Samples.newSourceId(), hoursAgo(1), phone, creditCode, daysAgo(9));
  }

  /** The same person, merchant, day and amount as {@link #phoneFiling}: the invoice refused. */
  static String invoiceRefused(String phone, String creditCode) {
    return """
        {"source_id": "%s", "type": "complaint", "received_at": "%s",
         "complainant": {"name": "陈先生", "phone": "%s"},
         "merchant": {"name": "厦门鹭江海鲜大排档有限公司", "credit_code": "%s"},
         "content": "来电人反映昨日在该店吃海鲜消费300元，结账后索要发票，店家称开不了票，拒绝开具。要求开具发票。",
         "amount": 300, "occurred_at": "%s"}
        """
        .formatted(Samples.newSourceId(), hoursAgo(1), phone, creditCode, daysAgo(1));
  }

  /** A travel agency no other test uses, as a two-character brand. */
  public static String newBrand() {
    String han = "鹭岛海湾星月山川云林风华瑞祥泰安福禄康宁嘉和乐逸";
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return "" + han.charAt(r.nextInt(han.length())) + han.charAt(r.nextInt(han.length()));
  }

  /** A forced shopping stop on a day tour, in the consumer's words under the agency's sign. */
  public static String tourOnTheWeb(String phone, String brand) {
    return """
        {"source_id": "%s", "type": "complaint", "received_at": "%s",
         "complainant": {"name": "林女士", "phone": "%s"},
         "merchant": {"name": "%s国旅"},
         "content": "我报了%s国旅的一日游，导游把我们拉到玉器店强制购物，不买就不让上车，太过分了！",
         "occurred_at": "%s"}
        """
        .formatted(Samples.newSourceId(), hoursAgo(5), phone, brand, brand, daysAgo(1));
  }

  /** The same matter by phone, under the agency's registered name, in few words. */
  public static String tourByPhone(String phone, String brand) {
    return """
        {"source_id": "%s", "type": "complaint", "received_at": "%s",
         "complainant": {"name": "林女士", "phone": "%s"},
         "merchant": {"name": "厦门%s旅行社有限公司"},
         "content": "来电人称跟团游被导游强制购物，要求处理。"}
        """
        .formatted(Samples.newSourceId(), hoursAgo(1), phone, brand);
  }

  /** A diner's overcharge at a seafood stall during a storm, under the name they saw. */
  static String stallFiling(String phone, String shopName) {
    return """
        {"source_id": "%s", "type": "complaint", "received_at": "%s",
         "complainant": {"name": "游客", "phone": "%s"},
         "merchant": {"name": "%s"},
         "category": "价格",
         "content": "在%s吃海鲜，菜单上写的是按份，结账却按斤算价，多收了好几百元，要求退还。",
         "occurred_at": "%s"}
        """
        .formatted(Samples.newSourceId(), hoursAgo(2), phone, shopName, shopName, daysAgo(1));
  }

  /**
   * A used car's battery, first described to the call centre (马巷镇一家二手车行), then filed on the web
   * under the dealer's sign {@code sign} with the same amount and day: the first and the second
   * verdict.
   */
  public static JsonObject[] describedThenNamed(TestGateway gw, String phone, String sign)
      throws Exception {
    String facts = ", \"amount\": 68000, \"occurred_at\": \"" + daysAgo(9) + "\"";
    JsonObject first =
        accepted(
            gw.postJson(
                PHONE_KEY,
                dealerFiling(
                    phone,
                    "马巷镇一家二手车行",
                    "来电人反映在马巷一家二手车行购买二手纯电车，销售称电池健康度95%，提车后检测仅70%左右，续航严重不足，诉求退车。",
                    facts)));
    JsonObject second =
        accepted(
            gw.postJson(
                WEB_KEY,
                dealerFiling(
                    phone,
                    sign,
                    "前几天在" + sign + "买了一台二手电动车，花了六万八，销售说电池95%健康，结果满电只跑200多公里，检测电池健康只有七成，要求退车退款。",
                    facts)));
    return new JsonObject[] {first, second};
  }

  /** A used car's battery complaint under {@code shop}; {@code facts} adds amount and day. */
  public static String dealerFiling(String phone, String shop, String content, String facts) {
    return """
        {"source_id": "%s", "type": "complaint", "received_at": "%s",
         "complainant": {"name": "李先生", "phone": "%s"},
         "merchant": {"name": "%s", "address": "厦门市翔安区马巷街道"},
         "content": "%s"%s}
        """
        .formatted(Samples.newSourceId(), hoursAgo(1), phone, shop, content, facts);
  }

  /** The merchant key a record was stored with ({@code complaint.blocking_key}). */
  static String storedKey(JsonObject verdict) throws Exception {
    return SharedDatabase.one(
        SharedDatabase.url(),
        "SELECT blocking_key FROM complaint WHERE id = '" + verdict.getString("id") + "'");
  }

  static JsonObject accepted(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    return new JsonObject(r.body());
  }

  @Nested
  @DisplayName("the same complainant")
  class SameComplainant {
    @Test
    @DisplayName(
        "a complaint after their inquiry or suggestion is queued with its deadlines, and a report"
            + " after their complaint too: only complaints are duplicates, of complaints")
    void otherTypes() throws Exception {
      String phone = newPhone();
      String cc = newCreditCode();
      JsonObject inquiry =
          accepted(
              gw.postJson(
                  PHONE_KEY, phoneFiling(phone, cc).replace("\"complaint\"", "\"inquiry\"")));
      assertThat(inquiry.getString("status")).isEqualTo("accepted");
      JsonObject complaint = accepted(gw.postJson(WEB_KEY, webFiling(phone, cc)));
      assertThat(complaint.getString("status")).as(complaint.encode()).isEqualTo("accepted");
      assertThat(complaint.getString("queue")).isNotNull();
      assertThat(complaint.getJsonObject("deadlines").getString("accept_by")).isNotNull();

      JsonObject report =
          accepted(
              gw.postJson(
                  PHONE_KEY, phoneFiling(phone, cc).replace("\"complaint\"", "\"report\"")));
      assertThat(report.getString("status")).as(report.encode()).isEqualTo("accepted");
      assertThat(report.getJsonObject("deadlines").getString("verify_by")).isNotNull();
      JsonObject again = accepted(gw.postJson(PHONE_KEY, phoneFiling(phone, cc)));
      assertThat(again.getString("duplicate_of"))
          .as("a re-filed complaint is still the complaint's duplicate")
          .isEqualTo(complaint.getString("id"));

      String other = newPhone();
      String cc2 = newCreditCode();
      accepted(
          gw.postJson(
              PHONE_KEY, phoneFiling(other, cc2).replace("\"complaint\"", "\"suggestion\"")));
      try (TestGateway restarted = TestGateway.start()) {
        JsonObject after = accepted(restarted.postJson(WEB_KEY, webFiling(other, cc2)));
        assertThat(after.getString("status")).as("after a restart").isEqualTo("accepted");
      }
    }

    @Test
    @DisplayName(
        "re-filing the same matter through another channel is a linked, unqueued duplicate")
    void crossChannelDuplicate() throws Exception {
      String phone = newPhone();
      String cc = newCreditCode();
      JsonObject first = accepted(gw.postJson(PHONE_KEY, phoneFiling(phone, cc)));
      JsonObject second = accepted(gw.postJson(WEB_KEY, webFiling(phone, cc)));

      assertThat(first.getString("status")).isEqualTo("accepted");
      assertThat(second.getString("status")).isEqualTo("duplicate");
      assertThat(second.getString("duplicate_of")).isEqualTo(first.getString("id"));
      assertThat(second.getString("queue")).isNull();
      assertThat(second.getString("grievance")).isEqualTo(first.getString("grievance"));

      JsonObject original =
          new JsonObject(gw.get("/v1/complaints/" + first.getString("id"), OPERATOR_KEY).body());
      assertThat(original.getJsonObject("links").getJsonArray("duplicates").getList())
          .containsExactly(second.getString("id"));
      JsonObject copy =
          new JsonObject(gw.get("/v1/complaints/" + second.getString("id"), OPERATOR_KEY).body());
      assertThat(copy.getJsonObject("links").getString("duplicate_of"))
          .isEqualTo(first.getString("id"));
    }

    @Test
    @DisplayName(
        "re-filing the same matter under the merchant's registered name after its sign is a"
            + " duplicate")
    void otherSpellingOfTheShop() throws Exception {
      String phone = newPhone();
      String brand = newBrand();
      JsonObject first = accepted(gw.postJson(WEB_KEY, tourOnTheWeb(phone, brand)));
      JsonObject again = accepted(gw.postJson(PHONE_KEY, tourByPhone(phone, brand)));

      assertThat(first.getString("grievance")).isEqualTo("forced_trade");
      assertThat(again.getString("status")).isEqualTo("duplicate");
      assertThat(again.getString("duplicate_of")).isEqualTo(first.getString("id"));
      // Control: another person's call about the same tour is not one.
      JsonObject other = accepted(gw.postJson(PHONE_KEY, tourByPhone(newPhone(), brand)));
      assertThat(other.getString("status")).isNotEqualTo("duplicate");
    }

    @Test
    @DisplayName("filing a different matter against the same merchant is a new record")
    void differentMatter() throws Exception {
      String phone = newPhone();
      String cc = newCreditCode();
      accepted(gw.postJson(PHONE_KEY, phoneFiling(phone, cc)));
      JsonObject other = accepted(gw.postJson(PHONE_KEY, otherMatter(phone, cc)));
      assertThat(other.getString("status")).isEqualTo("accepted");
      assertThat(other.getString("duplicate_of")).isNull();
    }

    @Test
    @DisplayName(
        "another grievance over the same meal, day and amount is accepted and queued, not a"
            + " duplicate")
    void differentGrievance() throws Exception {
      String phone = newPhone();
      String cc = newCreditCode();
      JsonObject overcharged = accepted(gw.postJson(PHONE_KEY, phoneFiling(phone, cc)));
      JsonObject invoice = accepted(gw.postJson(PHONE_KEY, invoiceRefused(phone, cc)));

      assertThat(overcharged.getString("grievance")).isEqualTo("weights");
      assertThat(invoice.getString("grievance")).isEqualTo("invoice");
      assertThat(invoice.getString("status")).isEqualTo("accepted");
      assertThat(invoice.getString("duplicate_of")).isNull();
      assertThat(invoice.getString("queue")).isNotNull();

      JsonObject stored =
          new JsonObject(gw.get("/v1/complaints/" + invoice.getString("id"), OPERATOR_KEY).body());
      assertThat(stored.getString("grievance")).isEqualTo("invoice");
      assertThat(stored.getString("queue")).isEqualTo(invoice.getString("queue"));
      assertThat(Rows.grievanceOf(invoice.getString("id"))).isEqualTo("invoice");
      assertThat(Rows.queueItemsOf(overcharged.getString("id"))).isEqualTo(1);
      assertThat(Rows.queueItemsOf(invoice.getString("id"))).isEqualTo(1);
    }

    @Test
    @DisplayName("sending many copies at once yields exactly one accepted record")
    void concurrentCopies() throws Exception {
      String phone = newPhone();
      String cc = newCreditCode();
      List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        calls.add(gw.postJsonAsync(i % 2 == 0 ? PHONE_KEY : WEB_KEY, phoneFiling(phone, cc)));
      }
      List<JsonObject> verdicts = new ArrayList<>();
      for (var call : calls) {
        verdicts.add(accepted(call.get(60, TimeUnit.SECONDS)));
      }
      List<JsonObject> originals =
          verdicts.stream().filter(v -> v.getString("status").equals("accepted")).toList();
      assertThat(originals).hasSize(1);
      String originalId = originals.get(0).getString("id");
      assertThat(verdicts)
          .filteredOn(v -> v.getString("status").equals("duplicate"))
          .hasSize(23)
          .allMatch(v -> originalId.equals(v.getString("duplicate_of")));
    }
  }

  @Nested
  @DisplayName("different complainants")
  class GroupComplaint {
    @Test
    @DisplayName("about one matter form a group that grows, is escalated at 5, and stays queued")
    void cluster() throws Exception {
      String cc = newCreditCode();
      List<JsonObject> verdicts = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        verdicts.add(accepted(gw.postJson(WEB_KEY, webFiling(newPhone(), cc))));
      }
      assertThat(verdicts).allMatch(v -> v.getString("status").equals("accepted"));
      assertThat(verdicts).allMatch(v -> v.getString("queue") != null);
      String clusterId = verdicts.get(1).getString("cluster_id");
      assertThat(clusterId).isNotNull();
      assertThat(verdicts.subList(1, 6)).allMatch(v -> clusterId.equals(v.getString("cluster_id")));
      assertThat(verdicts.subList(1, 6).stream().map(v -> v.getInteger("cluster_size")))
          .containsExactly(2, 3, 4, 5, 6);

      JsonObject first =
          new JsonObject(
              gw.get("/v1/complaints/" + verdicts.get(0).getString("id"), OPERATOR_KEY).body());
      JsonObject group = first.getJsonObject("links").getJsonObject("cluster");
      assertThat(group.getString("id")).isEqualTo(clusterId);
      assertThat(group.getInteger("size")).isEqualTo(6);
      assertThat(group.getBoolean("escalated")).isTrue();
      assertThat(group.getString("escalated_at"))
          .as("the gateway's own times in operator views are at +08:00")
          .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00");
    }

    @Test
    @DisplayName(
        "a member's re-filing is a duplicate that carries the member's group, not counted in its"
            + " size")
    void refilingCarriesTheGroup() throws Exception {
      String cc = newCreditCode();
      String phone = newPhone();
      JsonObject first = accepted(gw.postJson(WEB_KEY, webFiling(phone, cc)));
      JsonObject second = accepted(gw.postJson(WEB_KEY, webFiling(newPhone(), cc)));
      String clusterId = second.getString("cluster_id");
      assertThat(clusterId).as(second.encode()).isNotNull();
      JsonObject again = accepted(gw.postJson(PHONE_KEY, phoneFiling(phone, cc)));
      assertThat(again.getString("status")).isEqualTo("duplicate");
      assertThat(again.getString("duplicate_of")).isEqualTo(first.getString("id"));
      assertThat(again.getString("cluster_id")).as(again.encode()).isEqualTo(clusterId);
      assertThat(again.getInteger("cluster_size")).isEqualTo(2);
      JsonObject third = accepted(gw.postJson(WEB_KEY, webFiling(newPhone(), cc)));
      assertThat(third.getInteger("cluster_size")).as("the duplicate not counted").isEqualTo(3);
      JsonObject stored =
          new JsonObject(gw.get("/v1/complaints/" + again.getString("id"), OPERATOR_KEY).body());
      assertThat(stored.getJsonObject("verdict").getString("cluster_id"))
          .as(stored.encode())
          .isEqualTo(clusterId);
      assertThat(stored.getJsonObject("links").getJsonObject("cluster").getString("id"))
          .isEqualTo(clusterId);
      String lonePhone = newPhone();
      String loneCode = newCreditCode();
      accepted(gw.postJson(WEB_KEY, webFiling(lonePhone, loneCode)));
      JsonObject loneAgain = accepted(gw.postJson(PHONE_KEY, phoneFiling(lonePhone, loneCode)));
      assertThat(loneAgain.getString("status")).as("control").isEqualTo("duplicate");
      assertThat(loneAgain.getString("cluster_id")).as("control: no group").isNull();
    }

    @Test
    @DisplayName(
        "a founder's re-filing, a duplicate before the group formed, links the group its original"
            + " is in now")
    void foundersRefilingLinksTheGroup() throws Exception {
      String cc = newCreditCode();
      String phone = newPhone();
      accepted(gw.postJson(WEB_KEY, webFiling(phone, cc)));
      JsonObject again = accepted(gw.postJson(PHONE_KEY, phoneFiling(phone, cc)));
      assertThat(again.getString("status")).isEqualTo("duplicate");
      assertThat(again.getString("cluster_id")).as("no group yet").isNull();
      JsonObject other = accepted(gw.postJson(WEB_KEY, webFiling(newPhone(), cc)));
      String clusterId = other.getString("cluster_id");
      assertThat(clusterId).as(other.encode()).isNotNull();
      JsonObject stored =
          new JsonObject(gw.get("/v1/complaints/" + again.getString("id"), OPERATOR_KEY).body());
      assertThat(stored.getJsonObject("links").getJsonObject("cluster").getString("id"))
          .as(stored.encode())
          .isEqualTo(clusterId);
      assertThat(stored.getJsonObject("links").getJsonObject("cluster").getInteger("size"))
          .isEqualTo(2);
    }

    @Test
    @DisplayName(
        "a complaint outside market regulation against the storm's shop joins no group and counts"
            + " toward none")
    void transferJoinsNoGroup() throws Exception {
      String cc = newCreditCode();
      JsonObject first = accepted(gw.postJson(PHONE_KEY, phoneFiling(newPhone(), cc)));
      JsonObject second = accepted(gw.postJson(WEB_KEY, webFiling(newPhone(), cc)));
      String clusterId = second.getString("cluster_id");
      assertThat(clusterId).as(second.encode()).isNotNull();
      // The stall's cook, unpaid: the same shop, the same week, words of money owed.
      JsonObject wages = accepted(gw.postJson(WEB_KEY, wageClaim(newPhone(), cc)));
      assertThat(wages.getString("queue")).isEqualTo("transfer");
      assertThat(wages.getString("cluster_id")).as(wages.encode()).isNull();
      assertThat(wages.getString("duplicate_of")).isNull();
      JsonObject third = accepted(gw.postJson(WEB_KEY, webFiling(newPhone(), cc)));
      assertThat(third.getString("cluster_id")).isEqualTo(clusterId);
      assertThat(third.getInteger("cluster_size")).as("the transfer not counted").isEqualTo(3);
      assertThat(first.getString("id")).isNotNull();
      try (TestGateway restarted = TestGateway.start()) {
        JsonObject fourth = accepted(restarted.postJson(WEB_KEY, webFiling(newPhone(), cc)));
        assertThat(fourth.getString("cluster_id")).as("after a restart").isEqualTo(clusterId);
        assertThat(fourth.getInteger("cluster_size"))
            .as("the transfer still outside the group after a rebuild")
            .isEqualTo(4);
      }
    }

    @Test
    @DisplayName(
        "a complaint outside market regulation filed again by the same person is a duplicate")
    void transferFiledAgain() throws Exception {
      String cc = newCreditCode();
      String phone = newPhone();
      String wagesBody = wageClaim(phone, cc);
      JsonObject wages = accepted(gw.postJson(WEB_KEY, wagesBody));
      assertThat(wages.getString("queue")).isEqualTo("transfer");
      JsonObject again =
          new JsonObject(
              gw.postJson(
                      PHONE_KEY,
                      wagesBody.replaceFirst(
                          "\"source_id\": \"[^\"]+\"",
                          "\"source_id\": \"" + Samples.newSourceId() + "\""))
                  .body());
      assertThat(again.getString("status")).as(again.encode()).isEqualTo("duplicate");
      assertThat(again.getString("duplicate_of")).isEqualTo(wages.getString("id"));
    }

    @Test
    @DisplayName(
        "a complaint outside market regulation filed again under another spelling of the company"
            + " is a duplicate (set AC: 滴滴出行, then 滴滴); another person's is not")
    void transferFiledAgainUnderAnotherSpelling() throws Exception {
      String phone = newPhone();
      JsonObject first = accepted(gw.postJson(WEB_KEY, rideHailing(phone, "滴滴出行")));
      assertThat(first.getString("queue")).as(first.encode()).isEqualTo("transfer");
      JsonObject again = accepted(gw.postJson(PHONE_KEY, rideHailing(phone, "滴滴")));
      assertThat(again.getString("status")).as(again.encode()).isEqualTo("duplicate");
      assertThat(again.getString("duplicate_of")).isEqualTo(first.getString("id"));

      JsonObject other = accepted(gw.postJson(PHONE_KEY, rideHailing(newPhone(), "滴滴")));
      assertThat(other.getString("status")).as(other.encode()).isEqualTo("accepted");
      assertThat(other.getString("queue")).isEqualTo("transfer");
    }

    /** A ride-hailing driver's detour, which the city sends to its transport department. */
    private static String rideHailing(String phone, String company) {
      return """
          {"source_id": "%s", "type": "complaint", "received_at": "%s",
           "complainant": {"name": "林女士", "phone": "%s"},
           "merchant": {"name": "%s"},
           "category": "网约车",
           "content": "打网约车从火车站到曾厝垵，司机故意绕路，车费98元，比平时多了一倍，要求退还多收的车费。",
           "amount": 98, "occurred_at": "%s"}
          """
          .formatted(Samples.newSourceId(), hoursAgo(1), phone, company, daysAgo(2));
    }

    @Test
    @DisplayName(
        "a complaint outside market regulation filed again without its category is its duplicate,"
            + " not a second matter in a district's queue (set S), also after a restart")
    void transferFiledAgainWithoutCategory() throws Exception {
      String cc = newCreditCode();
      String phone = newPhone();
      JsonObject wages = accepted(gw.postJson(WEB_KEY, wageClaim(phone, cc)));
      assertThat(wages.getString("queue")).isEqualTo("transfer");
      JsonObject again = accepted(gw.postJson(WEB_KEY, webFiling(phone, cc)));
      assertThat(again.getString("status")).as(again.encode()).isEqualTo("duplicate");
      assertThat(again.getString("duplicate_of")).isEqualTo(wages.getString("id"));

      String otherCc = newCreditCode();
      String otherPhone = newPhone();
      JsonObject first = accepted(gw.postJson(WEB_KEY, wageClaim(otherPhone, otherCc)));
      try (TestGateway restarted = TestGateway.start()) {
        JsonObject later = accepted(restarted.postJson(WEB_KEY, webFiling(otherPhone, otherCc)));
        assertThat(later.getString("status")).as("after a restart").isEqualTo("duplicate");
        assertThat(later.getString("duplicate_of")).isEqualTo(first.getString("id"));
      }
    }

    @Test
    @DisplayName(
        "a member whose filing places no shop goes where its group's members went, not to triage")
    void memberWithoutAddress() throws Exception {
      String cc = newCreditCode();
      JsonObject placed = accepted(gw.postJson(PHONE_KEY, phoneFiling(newPhone(), cc)));
      assertThat(placed.getString("queue")).isEqualTo("350203");
      JsonObject alone = accepted(gw.postJson(WEB_KEY, webFiling(newPhone(), newCreditCode())));
      assertThat(alone.getString("queue")).as("no group, no address").isEqualTo("triage");

      JsonObject member = accepted(gw.postJson(WEB_KEY, webFiling(newPhone(), cc)));
      assertThat(member.getString("cluster_id")).as(member.encode()).isNotNull();
      assertThat(member.getString("queue")).isEqualTo("350203");
      assertThat(member.getString("district")).isEqualTo("350203");
      JsonObject third = accepted(gw.postJson(WEB_KEY, webFiling(newPhone(), cc)));
      assertThat(third.getString("queue")).isEqualTo("350203");
      JsonObject online = accepted(gw.postJson(WEB_KEY, onTaobao(webFiling(newPhone(), cc))));
      assertThat(online.getString("cluster_id")).as(online.encode()).isNotNull();
      assertThat(online.getString("queue"))
          .as("a seller on an out-of-town platform, placed by its group")
          .isEqualTo("350203");
      JsonObject onlineAlone =
          accepted(gw.postJson(WEB_KEY, onTaobao(webFiling(newPhone(), newCreditCode()))));
      assertThat(onlineAlone.getString("queue"))
          .as("no group: the platform's city")
          .isEqualTo("triage");

      // The bureau sends the placed members back to triage ("not our shop"): they no longer vote.
      try (java.sql.Connection c = SharedDatabase.jdbc();
          java.sql.PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE complaint SET queue = 'triage' WHERE id = ANY(?::uuid[])")) {
        ps.setArray(
            1,
            c.createArrayOf(
                "text",
                new Object[] {
                  placed.getString("id"),
                  member.getString("id"),
                  third.getString("id"),
                  online.getString("id")
                }));
        ps.executeUpdate();
      }
      JsonObject fourth = accepted(gw.postJson(WEB_KEY, webFiling(newPhone(), cc)));
      assertThat(fourth.getString("cluster_id")).isNotNull();
      assertThat(fourth.getString("queue")).as("where its members are now").isEqualTo("triage");
    }

    @Test
    @DisplayName(
        "one storm under a platform shop's sign and its company's name is one group once a member"
            + " files again under the other name, also after a restart (set BI)")
    void signAndCompanyMadeOne() throws Exception {
      String brand = newBrand() + newBrand();
      String sign = brand + "数码专营店";
      String company = "厦门" + brand + "优品电子商务有限公司";
      String phone = newPhone();
      JsonObject a1 = accepted(gw.postJson(PHONE_KEY, presale(phone, sign, "平板电脑")));
      JsonObject a2 = accepted(gw.postJson(WEB_KEY, presale(newPhone(), sign, "手机")));
      accepted(gw.postJson(WEB_KEY, presale(newPhone(), company, "笔记本电脑")));
      JsonObject b2 = accepted(gw.postJson(WEB_KEY, presale(newPhone(), company, "游戏机")));
      String signGroup = a2.getString("cluster_id");
      String companyGroup = b2.getString("cluster_id");
      assertThat(signGroup).as(a2.encode()).isNotNull();
      assertThat(companyGroup).as("two groups first").isNotNull().isNotEqualTo(signGroup);

      JsonObject again =
          accepted(
              gw.postJson(
                  WEB_KEY,
                  presale(phone, company, "平板电脑")
                      .replace("买的平板电脑", "买的平板电脑，11月20号给12315打过电话，到今天还是没发货")));

      assertThat(again.getString("status")).as(again.encode()).isEqualTo("duplicate");
      assertThat(again.getString("duplicate_of")).isEqualTo(a1.getString("id"));
      assertThat(again.getString("cluster_id")).isEqualTo(companyGroup);
      JsonObject group =
          new JsonObject(gw.get("/v1/complaints/" + a2.getString("id"), OPERATOR_KEY).body())
              .getJsonObject("links")
              .getJsonObject("cluster");
      assertThat(group.getString("id"))
          .as("the sign's member is in the one group")
          .isEqualTo(companyGroup);
      assertThat(group.getInteger("size")).isEqualTo(4);
      try (TestGateway restarted = TestGateway.start()) {
        JsonObject later =
            accepted(restarted.postJson(PHONE_KEY, presale(newPhone(), sign, "显示器")));
        assertThat(later.getString("cluster_id")).as(later.encode()).isEqualTo(companyGroup);
      }
    }

    /** A Double-11 presale on 京东 that never shipped, under {@code shop}. */
    private static String presale(String phone, String shop, String goods) {
      return """
          {"source_id": "%s", "type": "complaint", "received_at": "%s",
           "complainant": {"name": "王女士", "phone": "%s"},
           "merchant": {"name": "%s", "platform": "京东"},
           "content": "双十一在京东%s买的%s，付款后商家承诺15日前发货，至今未发货，申请退款被拒，要求退款。",
           "occurred_at": "%s"}
          """
          .formatted(Samples.newSourceId(), hoursAgo(2), phone, shop, shop, goods, daysAgo(12));
    }

    @Test
    @DisplayName(
        "filing under other spellings of the shop (its sign in full, in short) form one group")
    void otherSpellings() throws Exception {
      String brand = newBrand() + newBrand();
      JsonObject first = accepted(gw.postJson(PHONE_KEY, stallFiling(newPhone(), brand + "海鲜大排档")));
      JsonObject second = accepted(gw.postJson(WEB_KEY, stallFiling(newPhone(), brand + "海鲜")));
      JsonObject third = accepted(gw.postJson(WEB_KEY, stallFiling(newPhone(), brand + "大排档")));

      String clusterId = second.getString("cluster_id");
      assertThat(clusterId).as(second.encode()).isNotNull();
      assertThat(third.getString("cluster_id")).isEqualTo(clusterId);
      assertThat(third.getInteger("cluster_size")).isEqualTo(3);
      JsonObject stored =
          new JsonObject(gw.get("/v1/complaints/" + first.getString("id"), OPERATOR_KEY).body());
      assertThat(stored.getJsonObject("links").getJsonObject("cluster").getString("id"))
          .isEqualTo(clusterId);

      assertThat(storedKey(second))
          .as("the record's own key is stored")
          .isEqualTo("n:" + brand + "海鲜");

      try (TestGateway restarted = TestGateway.start()) {
        JsonObject fourth =
            accepted(restarted.postJson(WEB_KEY, stallFiling(newPhone(), brand + "海鲜")));
        assertThat(fourth.getString("cluster_id")).as("after a restart").isEqualTo(clusterId);
        assertThat(fourth.getInteger("cluster_size")).isEqualTo(4);
        // The move was for the storm's grievance: the restart did not make the short name an alias
        // of the storm's key, so another grievance under it stays under its own.
        JsonObject invoice =
            accepted(
                restarted.postJson(
                    WEB_KEY,
                    stallFiling(newPhone(), brand + "海鲜")
                        .replace("\"价格\"", "\"发票\"")
                        .replace("结账却按斤算价，多收了好几百元，要求退还", "结账后要发票，店家拒绝开具发票")));
        assertThat(invoice.getString("grievance")).isEqualTo("invoice");
        assertThat(storedKey(invoice)).isEqualTo("n:" + brand + "海鲜");
      }
    }
  }

  @Nested
  @DisplayName("after a restart")
  class Rebuild {
    @Test
    @DisplayName("the index is rebuilt from the database and still recognises a re-filing")
    void rebuiltIndex() throws Exception {
      String phone = newPhone();
      String cc = newCreditCode();
      JsonObject first = accepted(gw.postJson(PHONE_KEY, phoneFiling(phone, cc)));
      try (TestGateway restarted = TestGateway.start()) {
        JsonObject again = accepted(restarted.postJson(WEB_KEY, webFiling(phone, cc)));
        assertThat(again.getString("status")).isEqualTo("duplicate");
        assertThat(again.getString("duplicate_of")).isEqualTo(first.getString("id"));
      }
    }

    @Test
    @DisplayName(
        "a filing by ID number alone is its person's, tied by an earlier re-filing that gave the"
            + " phone and the ID number: a duplicate, never a group with the person's own filing")
    void idNumberTiedByARefiling() throws Exception {
      String phone = newPhone();
      String id = newIdNumber();
      String cc = newCreditCode();
      JsonObject first = accepted(gw.postJson(PHONE_KEY, phoneFiling(phone, cc)));
      JsonObject withBoth = new JsonObject(webFiling(phone, cc));
      withBoth.getJsonObject("complainant").put("id_number", id);
      JsonObject both = accepted(gw.postJson(WEB_KEY, withBoth.encode()));
      assertThat(both.getString("status")).isEqualTo("duplicate");
      // 12345 forwards the third filing with the ID number alone, after a restart.
      JsonObject idOnly = new JsonObject(webFiling(phone, cc));
      idOnly.getJsonObject("complainant").remove("phone");
      idOnly.getJsonObject("complainant").put("id_number", id);
      String third = idOnly.encode();
      try (TestGateway restarted = TestGateway.start()) {
        JsonObject again = accepted(restarted.postJson(WEB_KEY, third));
        assertThat(again.getString("status")).isEqualTo("duplicate");
        assertThat(again.getString("duplicate_of")).isEqualTo(first.getString("id"));
        assertThat(again.getString("cluster_id")).isNull();
      }
    }

    @Test
    @DisplayName(
        "a re-filing is rebuilt as one more telling of its matter: a dealer first described, then"
            + " named, then named again after a restart without amount or day (set T)")
    void rebuiltRefiling() throws Exception {
      String phone = newPhone();
      String sign = newBrand() + "二手车";
      JsonObject[] pair = describedThenNamed(gw, phone, sign);
      JsonObject first = pair[0];
      JsonObject second = pair[1];
      assertThat(second.getString("status")).as(second.encode()).isEqualTo("duplicate");
      assertThat(second.getString("duplicate_of")).isEqualTo(first.getString("id"));
      String third = dealerFiling(phone, sign, "市民反映：其在" + sign + "购买二手电动车，商家虚标电池健康度，要求退车。", "");
      try (TestGateway restarted = TestGateway.start()) {
        JsonObject again = accepted(restarted.postJson(WEB_KEY, third));
        assertThat(again.getString("status")).as(again.encode()).isEqualTo("duplicate");
        assertThat(again.getString("duplicate_of")).isEqualTo(first.getString("id"));
      }
    }

    @Test
    @DisplayName(
        "each complainant's recent filings are rebuilt too: another spelling still matches")
    void rebuiltRecentFilings() throws Exception {
      String phone = newPhone();
      String brand = newBrand();
      JsonObject first = accepted(gw.postJson(WEB_KEY, tourOnTheWeb(phone, brand)));
      try (TestGateway restarted = TestGateway.start()) {
        JsonObject again = accepted(restarted.postJson(PHONE_KEY, tourByPhone(phone, brand)));
        assertThat(again.getString("status")).isEqualTo("duplicate");
        assertThat(again.getString("duplicate_of")).isEqualTo(first.getString("id"));
      }
    }
  }
}
