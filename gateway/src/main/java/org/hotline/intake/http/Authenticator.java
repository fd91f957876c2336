package org.hotline.intake.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hotline.intake.config.ChannelKey;
import org.hotline.intake.validation.Sha256;

/**
 * Maps a bearer key to its channel and, for channels that sign, checks {@code X-Intake-Signature}
 * over the raw body. Keys are looked up by their SHA-256, so the table holds no key in clear and
 * lookups do not compare secrets byte by byte.
 */
public final class Authenticator {
  public static final String SIGNATURE_HEADER = "x-intake-signature";
  public static final long SIGNATURE_TOLERANCE_SECONDS = 300;

  private final Map<String, ChannelKey> byKeyHash = new HashMap<>();
  private final Clock clock;

  public Authenticator(List<ChannelKey> keys, Clock clock) {
    this.clock = clock;
    for (ChannelKey k : keys) {
      byKeyHash.put(sha256Hex(k.key()), k);
    }
  }

  /** The key's grant; fails with 401 when the key is missing or unknown. */
  public ChannelKey identify(HttpServerRequest request) {
    String header = request.getHeader("authorization");
    if (header != null && request.headers().getAll("authorization").size() > 1) {
      // A proxy that reads the last of two keys would disagree with this one about the caller.
      throw ApiException.unauthorized("send one Authorization header");
    }
    if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw ApiException.unauthorized("send Authorization: Bearer <key>");
    }
    ChannelKey key = byKeyHash.get(sha256Hex(header.substring(7).trim()));
    if (key == null) {
      throw ApiException.unauthorized("unknown key");
    }
    return key;
  }

  /** Checks the body signature when the key's channel is configured to sign. */
  public void verifySignature(ChannelKey key, HttpServerRequest request, Buffer body) {
    if (key.hmacSecrets().isEmpty()) {
      return;
    }
    String header = request.getHeader(SIGNATURE_HEADER);
    if (header == null) {
      throw ApiException.unauthorized("this channel must send X-Intake-Signature");
    }
    Long t = null;
    List<byte[]> signatures = new ArrayList<>();
    for (String part : header.split(",")) {
      String p = part.trim();
      if (p.startsWith("t=")) {
        t = parseLong(p.substring(2));
      } else if (p.startsWith("v1=")) {
        byte[] sig = parseHex(p.substring(3));
        if (sig != null) {
          signatures.add(sig);
        }
      }
    }
    if (t == null || signatures.isEmpty()) {
      throw ApiException.unauthorized("X-Intake-Signature needs t=<unix seconds>,v1=<hex>");
    }
    long now = clock.instant().getEpochSecond();
    if (Math.abs(now - t) > SIGNATURE_TOLERANCE_SECONDS) {
      throw ApiException.unauthorized("signature timestamp outside the 300 s tolerance");
    }
    byte[] prefix = (t + ".").getBytes(StandardCharsets.US_ASCII);
    byte[] signed = Bodies.bytes(body);
    for (String secret : key.hmacSecrets()) {
      byte[] expected = hmac(secret, prefix, signed);
      for (byte[] sig : signatures) {
        if (MessageDigest.isEqual(expected, sig)) {
          return;
        }
      }
    }
    throw ApiException.unauthorized("signature does not match");
  }

  /** HMAC-SHA256 of {@code prefix + body}: what a signing channel computes. */
  public static byte[] hmac(String secret, byte[] prefix, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(prefix);
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static Long parseLong(String s) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static byte[] parseHex(String s) {
    try {
      return HexFormat.of().parseHex(s.trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Who did it, for corrections and the audit of unmasked reads: the key's fingerprint, so
   * operators with their own keys are told apart and no key is ever stored.
   */
  static String actor(ChannelKey key) {
    return "operator:" + sha256Hex(key.key()).substring(0, 12);
  }

  static String sha256Hex(String s) {
    return HexFormat.of().formatHex(Sha256.digest().digest(s.getBytes(StandardCharsets.UTF_8)));
  }
}
