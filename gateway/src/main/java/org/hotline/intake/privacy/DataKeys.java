package org.hotline.intake.privacy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.hotline.intake.config.DataKey;
import org.hotline.intake.config.PrivacyOptions;
import org.hotline.intake.store.PgUrl;
import org.hotline.intake.store.ServerSecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up work for the data keys, done over JDBC before the port opens: the key ring, and a check
 * that every key the stored records name is on it.
 *
 * <p>With no keys configured, a key is generated on first start and kept in the database (table
 * {@code gateway_secret}, id {@value DataKey#GENERATED_ID}), so records stay readable across
 * restarts and nodes. That is a development default: the key lies beside the data it protects. Once
 * keys are configured, the generated key (when there is one) stays on the ring to open what it
 * sealed, until the re-seal job has moved every record to the configured key.
 */
public final class DataKeys {
  private static final Logger LOG = LoggerFactory.getLogger(DataKeys.class);
  static final String SECRET_NAME = "pii-data-key";

  private DataKeys() {}

  /**
   * The ring: the configured keys (the first active), then the generated one if it exists; or the
   * generated one alone, made now if need be.
   *
   * @throws IllegalStateException naming the key id, when a stored record is sealed under a key
   *     that is not on the ring: it would be unreadable
   */
  public static FieldCipher load(PgUrl url, PrivacyOptions options) throws SQLException {
    List<DataKey> ring = new ArrayList<>(options.keys());
    try (Connection c = url.connect()) {
      byte[] generated =
          options.keys().isEmpty()
              ? ServerSecrets.getOrCreate(c, SECRET_NAME, DataKey.SECRET_BYTES)
              : ServerSecrets.get(c, SECRET_NAME);
      if (generated != null) {
        ring.add(new DataKey(DataKey.GENERATED_ID, generated));
      }
      FieldCipher cipher = new FieldCipher(ring);
      for (String inUse : Reseal.keysInUse(c)) {
        if (inUse != null && !cipher.knows(inUse)) {
          throw new IllegalStateException(
              "stored records are sealed under data key "
                  + inUse
                  + ", which is not configured: list it in privacy.keys (after the active key)"
                  + " until the re-seal job has moved every record off it");
        }
      }
      if (options.keys().isEmpty()) {
        LOG.warn(
            "no privacy.keys configured: phones and ID numbers are sealed under a key generated"
                + " and kept in the database (a development default; configure keys for real use)");
      }
      LOG.info("personal data sealed under data key {}; ring {}", cipher.activeKeyId(), ids(ring));
      return cipher;
    }
  }

  private static List<String> ids(List<DataKey> ring) {
    return ring.stream().map(DataKey::id).toList();
  }
}
