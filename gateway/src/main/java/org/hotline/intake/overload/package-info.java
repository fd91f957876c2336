/**
 * Overload control that is not tied to HTTP: the per-channel token buckets.
 *
 * <p>The trade-off, cluster-wide or per node. A cluster-wide bucket would live in Hazelcast, and
 * every request would pay a round trip to the member owning its channel's key: with three channels
 * that is three hot keys, a network hop on the hot path, and a rate limit that fails (or fails
 * open) exactly when the cluster is in trouble. Instead each node enforces its share, {@code rate /
 * members} and {@code burst / members}, recomputed when a member joins or leaves. Behind a load
 * balancer that spreads a channel's connections evenly (round robin, least connections) the cluster
 * admits the configured rate; a balancer that pins a channel to one node would give it only one
 * share. The check is a compare-and-set on local memory, and the buckets keep working when
 * Hazelcast does not answer.
 */
package org.hotline.intake.overload;
