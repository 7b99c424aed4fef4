package dev.rapport.feedback.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/** Looks under the API, for what must hold in storage (e.g. an anonymous response keeps no contact id). */
public final class Sql {
    private Sql() {
    }

    /** Runs a script of several statements (a migration file, say). */
    public static void run(String script) {
        var config = ConfigProvider.getConfig();
        String url = "jdbc:" + config.getValue("rapport.db.url", String.class);
        try (Connection c = DriverManager.getConnection(url, config.getValue("rapport.db.username", String.class),
                config.getValue("rapport.db.password", String.class)); var statement = c.createStatement()) {
            statement.execute(script);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Map<String, Object>> query(String sql, Object... params) {
        var config = ConfigProvider.getConfig();
        String url = "jdbc:" + config.getValue("rapport.db.url", String.class);
        try (Connection c = DriverManager.getConnection(url, config.getValue("rapport.db.username", String.class),
                config.getValue("rapport.db.password", String.class)); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
