package org.hotline.intake.store;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The parts of a {@code postgresql://user:pass@host:port/db} URL, and a JDBC connection to it.
 *
 * <p>JDBC serves start-up (the durability check, migrations, the key ring, the index rebuild) and
 * the privacy jobs, never a request. Its exchanges are bounded, so that a database that accepts
 * connections but never answers fails start-up with a clear error instead of hanging it: {@value
 * #LOGIN_TIMEOUT_S} s to connect and log in, then {@value #READ_TIMEOUT_S} s for any one answer
 * ({@value #MIGRATION_READ_TIMEOUT_S} s during migrations, which may rewrite large tables).
 */
public record PgUrl(String host, int port, String database, String user, String password) {
  /** Seconds to open a JDBC connection and log in. */
  public static final int LOGIN_TIMEOUT_S = 10;

  /** Seconds a JDBC connection waits for any one answer, outside migrations. */
  public static final int READ_TIMEOUT_S = 300;

  /** Seconds a migration's connection waits for any one answer. */
  public static final int MIGRATION_READ_TIMEOUT_S = 3600;

  public static PgUrl parse(String url) {
    URI uri;
    try {
      uri = new URI(url.replaceFirst("^postgres://", "postgresql://"));
    } catch (java.net.URISyntaxException e) {
      // The parser's message quotes the URL, password and all.
      throw new IllegalArgumentException(
          "INTAKE_PG_URL must look like postgresql://user:pass@host:port/db");
    }
    if (!"postgresql".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "INTAKE_PG_URL must look like postgresql://user:pass@host:port/db");
    }
    String user = "postgres";
    String password = null;
    if (uri.getUserInfo() != null) {
      String[] parts = uri.getUserInfo().split(":", 2);
      user = parts[0];
      password = parts.length > 1 ? parts[1] : null;
    }
    String db =
        uri.getPath() == null || uri.getPath().length() <= 1
            ? "postgres"
            : uri.getPath().substring(1);
    return new PgUrl(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), db, user, password);
  }

  /** Without the password. */
  @Override
  public String toString() {
    return "PgUrl[host="
        + host
        + ", port="
        + port
        + ", database="
        + database
        + ", user="
        + user
        + ", password="
        + (password == null ? "null" : "***")
        + "]";
  }

  /** The JDBC URL, its exchanges bounded by {@link #READ_TIMEOUT_S}. */
  public String jdbcUrl() {
    return jdbcUrl(READ_TIMEOUT_S);
  }

  /**
   * The JDBC URL with a bound of {@code readTimeoutSeconds} on each answer (0: none), {@link
   * #LOGIN_TIMEOUT_S} on connecting and logging in, and TCP keepalive.
   */
  public String jdbcUrl(int readTimeoutSeconds) {
    return "jdbc:postgresql://"
        + host
        + ":"
        + port
        + "/"
        + database
        + "?connectTimeout="
        + LOGIN_TIMEOUT_S
        + "&loginTimeout="
        + LOGIN_TIMEOUT_S
        + "&socketTimeout="
        + readTimeoutSeconds
        + "&tcpKeepAlive=true";
  }

  /** A blocking JDBC connection, for start-up work and the jobs only (see the class comment). */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), user, password);
  }
}
