package org.hotline.intake.config;

import java.util.List;

/**
 * One bearer key and what it grants.
 *
 * @param key the bearer key as the client sends it
 * @param channel the channel the key posts as ({@code phone}, {@code web}, {@code 12345}); null for
 *     an operator key
 * @param operator whether the key may read records and work the queues
 * @param hmacSecrets secrets of which one must sign the body; empty when no signature is required
 *     (several during a rotation)
 */
public record ChannelKey(String key, String channel, boolean operator, List<String> hmacSecrets) {
  public ChannelKey {
    hmacSecrets = hmacSecrets == null ? List.of() : List.copyOf(hmacSecrets);
  }

  /** The grant without the key or the signing secrets. */
  @Override
  public String toString() {
    return "ChannelKey[key=***, channel="
        + channel
        + ", operator="
        + operator
        + ", hmacSecrets="
        + hmacSecrets.size()
        + "]";
  }

  public static ChannelKey channel(String key, String channel) {
    return new ChannelKey(key, channel, false, List.of());
  }

  public static ChannelKey operator(String key) {
    return new ChannelKey(key, null, true, List.of());
  }
}
