/**
 * The grievance (问题类别) of a complaint: which problem it is about, read from its category field and
 * its text by configured cue phrases ({@link org.hotline.dedup.grievance.GrievanceTaxonomy},
 * compiled by {@link org.hotline.dedup.grievance.GrievanceClassifier}).
 *
 * <p>A matter is one grievance: the same person's "refused an invoice" and "closed with my prepaid
 * balance" at one merchant are two matters, and a group complaint is many people with one
 * grievance. The index therefore compares grievances before content.
 *
 * <p>Trade-off: weighted phrases, not a trained model. They are auditable and editable by people
 * who know the hotline's vocabulary, need no training data the project does not have, and run on
 * the event loop in microseconds. They miss what no phrase anticipates, and then answer {@code
 * unknown} rather than guess: the matcher treats an unknown grievance as "no evidence either way"
 * and asks for stronger structured signals, while a wrong grievance would split one matter into
 * two.
 */
package org.hotline.dedup.grievance;
