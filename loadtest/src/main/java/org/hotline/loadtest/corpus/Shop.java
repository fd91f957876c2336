package org.hotline.loadtest.corpus;

/**
 * A synthetic merchant and what a perfect router concludes about it.
 *
 * @param index its position in the pool, the stable part of matter and group ids
 * @param trade what it does
 * @param names spellings complainants use; the first is the registered one
 * @param addresses spellings of its address, each deciding the same route; empty for an online
 *     seller without an address
 * @param creditCode a valid credit code, or null
 * @param divisionCode the district code when the channel may send it, or null
 * @param platform the online platform it sells through, or null
 * @param district its truth district, {@code "triage"} or {@code "transfer"}
 * @param place where it sits, or null online
 */
record Shop(
    int index,
    Trade trade,
    String[] names,
    String[] addresses,
    String creditCode,
    String divisionCode,
    String platform,
    String district,
    Place place) {

  boolean hotspot() {
    return place != null && place.hotspot();
  }
}
