package org.hotline.loadtest.corpus;

/**
 * One person's grievance against one merchant: every filing of it after the first is a duplicate.
 *
 * @param person who complains
 * @param shop about whom
 * @param grievance the grievance's wire name
 * @param goods what was bought, kept across re-filings
 * @param amount yuan paid
 * @param day 0-based day of the run's week it happened
 */
record Matter(Person person, Shop shop, String grievance, String goods, int amount, int day) {

  /** Stable id: the same person, merchant and grievance are the same matter by definition. */
  String id() {
    return "m" + person.index() + "-" + shop.index() + "-" + grievance;
  }

  /** The key of the group complaint this matter would join: merchant and grievance. */
  long groupKey() {
    return (long) shop.index() << 8 | grievanceIndex(grievance);
  }

  static int grievanceIndex(String grievance) {
    for (int i = 0; i < Wording.GRIEVANCES.length; i++) {
      if (Wording.GRIEVANCES[i].equals(grievance)) {
        return i;
      }
    }
    throw new IllegalArgumentException(grievance);
  }
}
