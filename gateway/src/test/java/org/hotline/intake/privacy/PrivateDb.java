package org.hotline.intake.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.hotline.intake.support.SharedDatabase;

/**
 * A database of its own on the shared server, for the tests whose jobs sweep a whole database, with
 * direct looks at its rows.
 */
final class PrivateDb {
  final String url;

  PrivateDb(String name) {
    this.url = SharedDatabase.privateDatabase(name);
  }

  /** The first column of every row of {@code sql}, as text. */
  List<String> column(String sql, Object... parameters) throws Exception {
    try (Connection c = SharedDatabase.jdbc(url);
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      List<String> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    }
  }

  /** The first column of the first row, or null. */
  String one(String sql, Object... parameters) throws Exception {
    List<String> rows = column(sql, parameters);
    return rows.isEmpty() ? null : rows.get(0);
  }

  int update(String sql, Object... parameters) throws Exception {
    try (Connection c = SharedDatabase.jdbc(url);
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      return ps.executeUpdate();
    }
  }
}
