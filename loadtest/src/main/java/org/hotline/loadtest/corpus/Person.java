package org.hotline.loadtest.corpus;

/**
 * A synthetic complainant. The phone number is unique to the person, so the gateway can tell people
 * apart; names repeat, as they do.
 *
 * @param index the stable part of the person's truth id
 * @param surname family name
 * @param givenName given name
 * @param female decides 女士 or 先生 in operator notes
 * @param mobile 11 digits matching {@code ^1[3-9]\d{9}$}
 * @param idNumber a valid resident ID number, or null
 * @param address where the person lives, or null
 */
record Person(
    int index,
    String surname,
    String givenName,
    boolean female,
    String mobile,
    String idNumber,
    String address) {

  String id() {
    return "p" + index;
  }
}
