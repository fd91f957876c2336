package org.hotline.intake.validation;

import java.math.BigDecimal;

/** Number normal forms for stored documents. */
final class Numbers {
  private Numbers() {}

  /**
   * The value without trailing zeros and never in exponent notation: {@code 12.50 → 12.5}, {@code
   * 1E+3 → 1000}. Callers bound the magnitude first, so the plain form stays short.
   */
  static BigDecimal plain(BigDecimal v) {
    if (v.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal stripped = v.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
