package org.hotline.loadtest.corpus;

/**
 * What the gateway answered for one filing, parsed by the driver from the 2xx body. Fields the
 * verdict left null stay null.
 *
 * @param seq the filing's seq
 * @param id the record id
 * @param status {@code "accepted"} or {@code "duplicate"}
 * @param duplicateOf the original's id when status is duplicate
 * @param clusterId the group complaint's id, or null
 * @param district the division code, or null
 * @param queue a district code, {@code "triage"} or {@code "transfer"}
 * @param transferTo the department when queue is transfer
 * @param grievance the grievance class the gateway assigned
 */
public record Observed(
    long seq,
    String id,
    String status,
    String duplicateOf,
    String clusterId,
    String district,
    String queue,
    String transferTo,
    String grievance) {}
