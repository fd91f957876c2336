package org.hotline.intake.http;

import io.github.bucket4j.TimeMeter;
import java.util.List;
import org.hotline.intake.config.LimitOptions;
import org.hotline.intake.overload.ChannelLimiter;
import org.hotline.metrics.OverloadMeters;

/**
 * What the API checks before it takes work on, shared by every API instance of a node: the
 * connection cap, the channels' token buckets, and the HTTP/2 stream limit.
 *
 * @param connections the most open connections
 * @param channels each channel's token bucket
 * @param maxConcurrentStreams requests one HTTP/2 connection may have open at once
 */
public record AdmissionControl(
    ConnectionCap connections, ChannelLimiter channels, int maxConcurrentStreams) {

  /** The limits of {@code options} for {@code channelNames}, on the system clock. */
  public static AdmissionControl of(
      LimitOptions options, List<String> channelNames, OverloadMeters meters) {
    return new AdmissionControl(
        new ConnectionCap(options.maxConnections(), meters),
        new ChannelLimiter(options, channelNames, TimeMeter.SYSTEM_NANOTIME, meters),
        options.maxConcurrentStreams());
  }
}
