package org.hotline.intake.validation;

import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;
import org.hotline.dedup.text.CreditCodes;
import org.hotline.dedup.text.IdNumbers;
import org.hotline.dedup.text.PhoneNumbers;
import org.hotline.dedup.text.Text;

/** The {@code complainant} and {@code merchant} objects: validation and normal forms. */
final class Parties {
  static final int MAX_PERSON_NAME = 100;
  static final int MAX_ADDRESS = 500;
  static final int MAX_MERCHANT_NAME = 200;
  static final int MAX_PLATFORM = 100;

  private static final String COMPLAINANT = "/complainant";
  private static final String MERCHANT = "/merchant";
  private static final String LOCATION = "/merchant/location";
  static final Set<String> COMPLAINANT_FIELDS = Set.of("name", "phone", "id_number", "address");
  static final Set<String> MERCHANT_FIELDS =
      Set.of("name", "credit_code", "address", "division_code", "platform", "location");
  static final Set<String> LOCATION_FIELDS = Set.of("lat", "lon");
  private static final Pattern DIVISION_CODE = Pattern.compile("[0-9]{6}");
  private static final BigDecimal MAX_LAT = BigDecimal.valueOf(90);
  private static final BigDecimal MAX_LON = BigDecimal.valueOf(180);

  private Parties() {}

  /**
   * Validates {@code complainant} and writes its normal form into {@code out}.
   *
   * @param type the record type, or null when it was itself invalid (requirements then unknown)
   * @param phones the city's phone rules (a bare local number gets its area code)
   * @return the complainant, or null when absent or invalid
   */
  static Complainant complainant(
      FieldReader f,
      ObjectNode doc,
      RecordType type,
      LocalDate today,
      PhoneNumbers phones,
      ObjectNode out) {
    if (FieldReader.value(doc, "complainant") == null) {
      if (type == RecordType.COMPLAINT) {
        f.error(COMPLAINANT, "is required for type complaint");
      }
      return null;
    }
    ObjectNode in = f.object(doc, "", "complainant");
    if (in == null) {
      return null;
    }
    f.rejectUnknown(in, COMPLAINANT, COMPLAINANT_FIELDS);
    // Only a report may be anonymous.
    if (type == RecordType.COMPLAINT && COMPLAINANT_FIELDS.stream().noneMatch(k -> given(in, k))) {
      f.error(COMPLAINANT, "must carry at least one of name, phone, id_number, address");
    }
    String name = f.text(in, COMPLAINANT, "name", MAX_PERSON_NAME, false);
    String address = f.text(in, COMPLAINANT, "address", MAX_ADDRESS, false);
    String rawPhone = f.text(in, COMPLAINANT, "phone", Integer.MAX_VALUE, false);
    String phone = null;
    if (rawPhone != null) {
      phone = phones.normalise(rawPhone).orElse(null);
      if (phone == null) {
        f.error(
            COMPLAINANT + "/phone",
            "is not a valid phone number (a mainland number, or one from abroad after its country code: +852, +886, …)");
      }
    }
    String rawId = f.text(in, COMPLAINANT, "id_number", Integer.MAX_VALUE, false);
    String idNumber = null;
    if (rawId != null) {
      idNumber = IdNumbers.normalise(rawId, today).orElse(null);
      if (idNumber == null) {
        f.error(COMPLAINANT + "/id_number", "is not a valid resident ID number");
      }
    }
    ObjectNode node = out.putObject("complainant");
    putIfPresent(node, "name", name);
    putIfPresent(node, "phone", phone);
    putIfPresent(node, "id_number", idNumber);
    putIfPresent(node, "address", address);
    return new Complainant(name, phone, idNumber, address);
  }

  /**
   * Validates {@code merchant} and writes its normal form into {@code out}.
   *
   * @param type the record type, or null when it was itself invalid (requirements then unknown)
   * @return the merchant, or null when absent or invalid
   */
  static Merchant merchant(FieldReader f, ObjectNode doc, RecordType type, ObjectNode out) {
    if (FieldReader.value(doc, "merchant") == null) {
      if (type == RecordType.COMPLAINT || type == RecordType.REPORT) {
        f.error(MERCHANT, "is required for type " + type.wire());
      }
      return null;
    }
    ObjectNode in = f.object(doc, "", "merchant");
    if (in == null) {
      return null;
    }
    f.rejectUnknown(in, MERCHANT, MERCHANT_FIELDS);
    // A complaint's merchant may be empty: 12345's work orders often describe the shop only in the
    // text (湖里区五缘湾乐都汇商场三楼一家健身房), and a matter for another department has no shop at all (a
    // taxi's detour); refusing them lost the citizen's complaint (set BA: 20 of 199). A report
    // needs concrete clues about the respondent (DOMAIN.md).
    if (type == RecordType.REPORT
        && !given(in, "name")
        && !given(in, "credit_code")
        && !given(in, "address")
        && !given(in, "platform")
        && !given(in, "division_code")
        && !given(in, "location")) {
      f.error(
          MERCHANT, "of a report must carry at least one of name, credit_code, address, platform");
    }
    String name = f.text(in, MERCHANT, "name", MAX_MERCHANT_NAME, false);
    String address = f.text(in, MERCHANT, "address", MAX_ADDRESS, false);
    String platform = f.text(in, MERCHANT, "platform", MAX_PLATFORM, false);
    String creditCode = creditCode(f, in);
    String divisionCode = divisionCode(f, in);
    ObjectNode node = out.putObject("merchant");
    putIfPresent(node, "name", name);
    putIfPresent(node, "credit_code", creditCode);
    putIfPresent(node, "address", address);
    putIfPresent(node, "division_code", divisionCode);
    putIfPresent(node, "platform", platform);
    GeoPoint location = location(f, in, node);
    return new Merchant(name, creditCode, address, divisionCode, platform, location);
  }

  private static String creditCode(FieldReader f, ObjectNode in) {
    String raw = f.text(in, MERCHANT, "credit_code", Integer.MAX_VALUE, false);
    if (raw == null) {
      return null;
    }
    String code = CreditCodes.normalise(raw).orElse(null);
    if (code == null) {
      f.error(MERCHANT + "/credit_code", "is not a valid unified social credit code");
    }
    return code;
  }

  private static String divisionCode(FieldReader f, ObjectNode in) {
    String raw = f.text(in, MERCHANT, "division_code", Integer.MAX_VALUE, false);
    if (raw == null) {
      return null;
    }
    String code = Text.toHalfWidth(raw);
    if (!DIVISION_CODE.matcher(code).matches()) {
      f.error(MERCHANT + "/division_code", "must be exactly 6 digits");
      return null;
    }
    return code;
  }

  private static GeoPoint location(FieldReader f, ObjectNode merchant, ObjectNode out) {
    ObjectNode in = f.object(merchant, MERCHANT, "location");
    if (in == null) {
      return null;
    }
    f.rejectUnknown(in, LOCATION, LOCATION_FIELDS);
    BigDecimal lat = coordinate(f, in, "lat", MAX_LAT);
    BigDecimal lon = coordinate(f, in, "lon", MAX_LON);
    if (lat == null || lon == null) {
      return null;
    }
    ObjectNode node = out.putObject("location");
    node.set("lat", DecimalNode.valueOf(Numbers.plain(lat)));
    node.set("lon", DecimalNode.valueOf(Numbers.plain(lon)));
    return new GeoPoint(lat.doubleValue(), lon.doubleValue());
  }

  private static BigDecimal coordinate(FieldReader f, ObjectNode in, String name, BigDecimal max) {
    BigDecimal v = f.number(in, LOCATION, name, true);
    if (v != null && v.abs().compareTo(max) > 0) {
      f.error(LOCATION + "/" + name, "must be between -" + max + " and " + max);
      return null;
    }
    return v;
  }

  private static boolean given(ObjectNode in, String name) {
    return FieldReader.isGiven(in, name);
  }

  static void putIfPresent(ObjectNode node, String name, String value) {
    if (value != null) {
      node.put(name, value);
    }
  }
}
