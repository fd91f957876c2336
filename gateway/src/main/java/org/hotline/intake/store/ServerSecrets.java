package org.hotline.intake.store;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Secrets the gateway generates on first start and keeps in the database (table {@code
 * gateway_secret}), so every restart and every node reads the same one. Start-up work, over JDBC.
 */
public final class ServerSecrets {
  private ServerSecrets() {}

  /** The secret named {@code name}, generated now ({@code bytes} random bytes) if there is none. */
  public static byte[] getOrCreate(Connection c, String name, int bytes) throws SQLException {
    byte[] fresh = new byte[bytes];
    new SecureRandom().nextBytes(fresh);
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO gateway_secret (name, value) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
      insert.setString(1, name);
      insert.setBytes(2, fresh);
      insert.executeUpdate();
    }
    // A concurrent first start may have won: read what is stored.
    return get(c, name);
  }

  /** The secret named {@code name}, or null. */
  public static byte[] get(Connection c, String name) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT value FROM gateway_secret WHERE name = ?")) {
      select.setString(1, name);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? rs.getBytes(1) : null;
      }
    }
  }
}
