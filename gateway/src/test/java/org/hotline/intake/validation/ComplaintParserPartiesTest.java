package org.hotline.intake.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.validation.Complaints.minimalInquiry;
import static org.hotline.intake.validation.Complaints.parse;
import static org.hotline.intake.validation.Complaints.rejected;
import static org.hotline.intake.validation.Complaints.valid;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.hotline.intake.routing.Routing;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("ComplaintParser: complainant and merchant")
class ComplaintParserPartiesTest {

  static FieldError error(String pointer, String detail) {
    return new FieldError(pointer, detail);
  }

  static ObjectNode complainant(ObjectNode doc) {
    return (ObjectNode) doc.get("complainant");
  }

  static ObjectNode merchant(ObjectNode doc) {
    return (ObjectNode) doc.get("merchant");
  }

  @Nested
  @DisplayName("which parties each type needs")
  class Requirements {
    @Test
    @DisplayName("a complaint without a complainant or merchant is refused on both counts")
    void complaintNeedsBoth() {
      ObjectNode doc = valid();
      doc.remove("complainant");
      doc.putNull("merchant");
      assertThat(rejected(doc).errors())
          .containsExactly(
              error("/complainant", "is required for type complaint"),
              error("/merchant", "is required for type complaint"));
    }

    @Test
    @DisplayName("a report may be anonymous but must name a merchant")
    void reportNeedsMerchant() {
      ObjectNode doc = valid().put("type", "report");
      doc.remove("complainant");
      assertThat(parse(doc).complainant()).isNull();
      doc.remove("merchant");
      assertThat(rejected(doc).errors())
          .containsExactly(error("/merchant", "is required for type report"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"inquiry", "suggestion"})
    @DisplayName("inquiries and suggestions need neither party but may carry both")
    void optionalParties(String type) {
      ObjectNode doc = minimalInquiry().put("type", type);
      assertThat(parse(doc).merchant()).isNull();
      ObjectNode full = valid().put("type", type);
      assertThat(parse(full).merchant()).isNotNull();
      assertThat(parse(full).complainant()).isNotNull();
    }

    @Test
    @DisplayName("a complaint's complainant must identify someone")
    void emptyComplainant() {
      ObjectNode doc = valid();
      doc.putObject("complainant").put("name", "  ");
      assertThat(rejected(doc).errors())
          .containsExactly(
              error("/complainant", "must carry at least one of name, phone, id_number, address"));
    }

    @Test
    @DisplayName("a report's complainant may be an empty object")
    void emptyReporter() {
      ObjectNode doc = valid().put("type", "report");
      doc.putObject("complainant");
      assertThat(parse(doc).complainant()).isEqualTo(new Complainant(null, null, null, null));
    }

    @Test
    @DisplayName("a report's merchant must carry a name, credit code, address, platform or place")
    void merchantIdentity() {
      ObjectNode doc = valid().put("type", "report");
      doc.putObject("merchant");
      assertThat(rejected(doc).errors())
          .containsExactly(
              error(
                  "/merchant",
                  "of a report must carry at least one of name, credit_code, address, platform"));
      doc.putObject("merchant").put("division_code", "350203");
      assertThat(parse(doc).merchant().divisionCode()).isEqualTo("350203");
      doc.putObject("merchant").put("platform", "淘宝");
      assertThat(parse(doc).merchant().platform()).isEqualTo("淘宝");
    }

    @Test
    @DisplayName("a complaint's merchant may be empty: the text describes the shop (12345)")
    void emptyMerchant() {
      ObjectNode doc = valid();
      doc.putObject("merchant");
      doc.put("content", "市民反映：其在湖里区江头北路一家手机店购买的“全新”手机为翻新机，商家拒绝退换。诉求：协调退货。");
      Merchant m = parse(doc).merchant();
      assertThat(m.empty()).isTrue();
      assertThat(m.nameOrDescription(doc.get("content").asText())).isEqualTo("湖里区江头北路一家手机店");
      assertThat(new Merchant("鑫辉通讯", null, null, null, null, null).nameOrDescription("一家手机店"))
          .as("a named merchant keeps its name")
          .isEqualTo("鑫辉通讯");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"complainant", "merchant"})
    @DisplayName("a party that is not an object is a type error")
    void notAnObject(String party) {
      assertThat(rejected(valid().put(party, "张三")).errors())
          .containsExactly(error("/" + party, "must be an object"));
    }
  }

  @Nested
  @DisplayName("complainant")
  class ComplainantFields {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
      "'+86 138-1234-5678', 13812345678",
      "'１３８　１２３４　５６７８', 13812345678",
      "'(0592) 512 3456', 0592-5123456",
      "'5123456', 0592-5123456",
      "'+886 912 345 678', +886-912345678",
      "'0912-345-678', +886-912345678",
      "'+852 9123 4567', +852-91234567"
    })
    @DisplayName("the phone number is normalised, a visitor's from abroad with its country code")
    void phone(String sent, String stored) {
      ObjectNode doc = valid();
      complainant(doc).put("phone", sent);
      IntakeRequest r = parse(doc);
      assertThat(r.complainant().phone()).isEqualTo(stored);
      assertThat(r.normalized().at("/complainant/phone").asText()).isEqualTo(stored);
    }

    @Test
    @DisplayName("a bare local number gets the area code of the configured city, not Xiamen's")
    void bareNumberGetsConfiguredAreaCode() throws Exception {
      Routing quanzhou = Routing.fromYaml(Path.of("src/test/resources/routing/quanzhou-test.yaml"));
      ObjectNode doc = valid();
      complainant(doc).put("phone", "5123456");
      IntakeRequest r =
          new ComplaintParser(Complaints.CLOCK, quanzhou.phoneNumbers())
              .parse(Complaints.bytes(doc));
      assertThat(r.complainant().phone()).isEqualTo("0595-5123456");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"12345", "+1 415", "138123456789", "call me"})
    @DisplayName("an invalid phone number is refused at /complainant/phone")
    void badPhone(String sent) {
      ObjectNode doc = valid();
      complainant(doc).put("phone", sent);
      assertThat(rejected(doc).errors())
          .containsExactly(
              error(
                  "/complainant/phone",
                  "is not a valid phone number (a mainland number, or one from abroad after its country code: +852, +886, …)"));
    }

    @Test
    @DisplayName("the ID number is normalised to upper-case X and half-width digits")
    void idNumber() {
      ObjectNode doc = valid();
      complainant(doc).put("id_number", "１１０１０５１９４９１２３１００２ｘ");
      assertThat(parse(doc).complainant().idNumber()).isEqualTo("11010519491231002X");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "110105194912310021", // wrong check character
          "11010519491231002", // 17 characters
          "110105190002290025", // 1900-02-29 does not exist
          "11010520300101001X" // born in 2030: after the clock's today
        })
    @DisplayName("an invalid ID number is refused at /complainant/id_number")
    void badIdNumber(String sent) {
      ObjectNode doc = valid();
      complainant(doc).put("id_number", sent);
      assertThat(rejected(doc).errors())
          .containsExactly(error("/complainant/id_number", "is not a valid resident ID number"));
    }

    @Test
    @DisplayName("name is at most 100 and address at most 500 characters")
    void lengths() {
      ObjectNode doc = valid();
      complainant(doc).put("name", "名".repeat(101)).put("address", "址".repeat(501));
      assertThat(rejected(doc).errors())
          .containsExactly(
              error("/complainant/name", "must be at most 100 characters"),
              error("/complainant/address", "must be at most 500 characters"));
    }

    @Test
    @DisplayName("blank or null fields are absent")
    void blanks() {
      ObjectNode doc = valid();
      complainant(doc).put("address", "\u3000").putNull("id_number");
      Complainant c = parse(doc).complainant();
      assertThat(c.address()).isNull();
      assertThat(c.idNumber()).isNull();
      assertThat(parse(doc).normalized().get("complainant").has("address")).isFalse();
    }

    @Test
    @DisplayName("a phone given as a number is a type error")
    void phoneType() {
      ObjectNode doc = valid();
      complainant(doc).put("phone", 13812345678L);
      assertThat(rejected(doc).errors())
          .containsExactly(error("/complainant/phone", "must be a string"));
    }
  }

  @Nested
  @DisplayName("merchant")
  class MerchantFields {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"91110000802100433b", " 91110000802100433B ", "９１１１００００８０２１００４３３Ｂ"})
    @DisplayName("the credit code is trimmed, upper-cased and made half-width before its check")
    void creditCode(String sent) {
      ObjectNode doc = valid();
      merchant(doc).put("credit_code", sent);
      assertThat(parse(doc).merchant().creditCode()).isEqualTo("91110000802100433B");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "91110000802100433A",
          "9111000080210043",
          "91110000802100433BX",
          "911100008021OO433B"
        })
    @DisplayName("a credit code with a bad check character or shape is refused")
    void badCreditCode(String sent) {
      ObjectNode doc = valid();
      merchant(doc).put("credit_code", sent);
      assertThat(rejected(doc).errors())
          .containsExactly(
              error("/merchant/credit_code", "is not a valid unified social credit code"));
    }

    @Test
    @DisplayName("a full-width division code is accepted as 6 digits")
    void divisionCode() {
      ObjectNode doc = valid();
      merchant(doc).put("division_code", "３５０２０６");
      assertThat(parse(doc).merchant().divisionCode()).isEqualTo("350206");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"35020", "3502031", "35020X", "350 203", "٣٥٠٢٠٣"})
    @DisplayName("a division code must be exactly 6 ASCII digits")
    void badDivisionCode(String sent) {
      ObjectNode doc = valid();
      merchant(doc).put("division_code", sent);
      assertThat(rejected(doc).errors())
          .containsExactly(error("/merchant/division_code", "must be exactly 6 digits"));
    }

    @Test
    @DisplayName("name, address and platform have length limits")
    void lengths() {
      ObjectNode doc = valid();
      merchant(doc)
          .put("name", "店".repeat(201))
          .put("address", "址".repeat(501))
          .put("platform", "台".repeat(101));
      assertThat(rejected(doc).errors())
          .containsExactly(
              error("/merchant/name", "must be at most 200 characters"),
              error("/merchant/address", "must be at most 500 characters"),
              error("/merchant/platform", "must be at most 100 characters"));
    }

    @ParameterizedTest(name = "lat {0}, lon {1}")
    @CsvSource({"90, 180", "-90, -180", "0, 0", "24.4306, 118.1386"})
    @DisplayName("a location inside the valid ranges is accepted")
    void location(String lat, String lon) {
      ObjectNode doc = valid();
      merchant(doc)
          .putObject("location")
          .put("lat", Double.parseDouble(lat))
          .put("lon", Double.parseDouble(lon));
      assertThat(parse(doc).merchant().location())
          .isEqualTo(new GeoPoint(Double.parseDouble(lat), Double.parseDouble(lon)));
    }

    @Test
    @DisplayName("coordinates out of range are refused")
    void outOfRange() {
      ObjectNode doc = valid();
      merchant(doc).putObject("location").put("lat", 90.0001).put("lon", -180.5);
      assertThat(rejected(doc).errors())
          .containsExactly(
              error("/merchant/location/lat", "must be between -90 and 90"),
              error("/merchant/location/lon", "must be between -180 and 180"));
    }

    @Test
    @DisplayName("both coordinates are required numbers")
    void coordinatesRequired() {
      ObjectNode doc = valid();
      merchant(doc).putObject("location").put("lat", "24.43");
      assertThat(rejected(doc).errors())
          .containsExactly(
              error("/merchant/location/lat", "must be a number"),
              error("/merchant/location/lon", "is required"));
    }

    @Test
    @DisplayName("a location that is not an object is a type error")
    void locationType() {
      ObjectNode doc = valid();
      merchant(doc).putArray("location").add(24.4).add(118.1);
      assertThat(rejected(doc).errors())
          .containsExactly(error("/merchant/location", "must be an object"));
    }
  }
}
