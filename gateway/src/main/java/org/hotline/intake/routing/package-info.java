/**
 * Complaint routing: which queue a record goes to.
 *
 * <p>{@link org.hotline.intake.routing.Routing} takes a {@link
 * org.hotline.intake.routing.RoutingInput} (the merchant's fields, never the complainant's) and
 * answers a {@link org.hotline.intake.routing.Route}: a district bureau, city-level {@code triage},
 * or a {@code transfer} to another department. Everything it knows about a city (districts,
 * townships, well-known and ambiguous places, other cities, platform registrations, matters outside
 * market regulation) is YAML configuration, {@code routing/xiamen.yaml} by default, whose schema is
 * documented at its top.
 *
 * <p>The guiding trade-off, from the domain: a wrong district costs the complainant days, triage
 * costs minutes. So every rule that cannot decide with confidence sends the record to triage, and
 * the labelled address set in the tests measures both sides (accuracy on addresses that name a
 * district, and the rate of wrong districts over all addresses).
 */
package org.hotline.intake.routing;
