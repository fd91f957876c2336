/**
 * The gateway's side of the metrics module: the Vert.x metrics options, the poller that refreshes
 * queue and SLA gauges from PostgreSQL, and the event-loop probe. The meters themselves are defined
 * (and documented) in {@code org.hotline.metrics}.
 */
package org.hotline.intake.telemetry;
