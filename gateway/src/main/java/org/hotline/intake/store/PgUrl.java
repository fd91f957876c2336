package org.hotline.intake.store;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The parts of a {@code postgresql://user:pass@host:port/db} URL, and a JDBC connection to it. */
public record PgUrl(String host, int port, String database, String user, String password) {
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

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /** A blocking JDBC connection, for start-up work only (migrations, rebuilding the index). */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), user, password);
  }
}
