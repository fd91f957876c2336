package org.hotline.dedup.grievance;

import java.util.List;
import java.util.Map;

/**
 * One class of a {@link GrievanceTaxonomy}.
 *
 * @param grievance its wire name; never {@link Grievance#UNKNOWN}
 * @param label its Chinese name, for people
 * @param categories words that, inside a record's category field, name this class
 * @param cues phrases of the text and their weights (1..{@value GrievanceTaxonomy#MAX_WEIGHT})
 * @param siteBound whether the grievance happens at one premises (food that made people ill, short
 *     weight, overcharging): then a chain's branch in another district is another shop for a group
 *     complaint, where a chain-wide grievance (prepaid cards) takes in every branch
 * @param oneMatter whether a person has one such matter with a merchant at a time (the shop that
 *     closed holding their balance): their filing of it again under the same shop is a re-filing
 *     whatever its words, unless amounts or dates disagree
 * @param undated whether the dates its filings give say nothing of which group complaint they
 *     belong to (the day each member paid for the order or booking the merchant then failed to
 *     deliver, weeks apart within one storm)
 * @param practice whether the grievance is a merchant's practice, repeated day after day (its
 *     prices, its scale): the days its group's members give within a week neither help nor part
 *     them, where an incident's (food that made people ill) are the day it happened
 */
public record GrievanceClass(
    Grievance grievance,
    String label,
    List<String> categories,
    Map<String, Integer> cues,
    boolean siteBound,
    boolean oneMatter,
    boolean undated,
    boolean practice) {
  public GrievanceClass {
    if (grievance == null || !grievance.known()) {
      throw new IllegalArgumentException("a class needs a code other than unknown");
    }
    categories = categories == null ? List.of() : List.copyOf(categories);
    cues = cues == null ? Map.of() : Map.copyOf(cues);
  }

  /** A class whose grievance is not bound to one site. */
  public GrievanceClass(
      Grievance grievance, String label, List<String> categories, Map<String, Integer> cues) {
    this(grievance, label, categories, cues, false, false, false, false);
  }
}
