/**
 * The gateway's meters, one {@link io.micrometer.core.instrument.binder.MeterBinder} per part of
 * the pipeline ({@link IntakeMeters}, {@link WriterMeters}, {@link DedupMeters}, {@link
 * RoutingMeters}, {@link QueueMeters}, {@link SlaMeters}, {@link OverloadMeters}, {@link
 * BuildInfo}), assembled on a Prometheus registry by {@link GatewayMeters}.
 *
 * <p>Every meter is registered when its binder is bound, for every value of its bounded labels, and
 * the hot path records through handles held in arrays and maps built then: no registry lookup per
 * request. Gauges read a {@link QueueSnapshot} that the gateway refreshes from PostgreSQL off the
 * event loop; a scrape never does I/O. No label ever carries personal data: channels, outcomes,
 * problem types, verdict kinds, route reasons, queue codes and deadline names are all fixed by
 * configuration or code.
 *
 * <p>Naming: meters are dotted lower-case names; the Prometheus registry turns {@code intake.ack}
 * with base unit seconds into {@code intake_ack_seconds}. Counts (requests, records, items) have no
 * base unit, as Prometheus's conventions want, so their names stay as the dashboards know them.
 */
package org.hotline.metrics;
