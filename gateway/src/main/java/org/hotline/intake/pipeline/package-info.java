/**
 * The intake pipeline as a service: parse, idempotency claim, verdict, route, deadlines, group
 * commit. It knows nothing of HTTP: it answers an {@link org.hotline.intake.pipeline.Outcome} once
 * the record is committed (or found already stored), and fails with small typed exceptions that the
 * HTTP layer's one failure handler turns into problems.
 *
 * <p>Arrows point down only: {@code http} calls this package, which calls {@code validation},
 * {@code verdict}, {@code routing}, {@code sla} and {@code store}.
 */
package org.hotline.intake.pipeline;
