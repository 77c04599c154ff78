package eu.privacysuite.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** Looks through every table of a service's database for a piece of text, as an auditor would. */
public final class StoredText {

    private StoredText() {
    }

    /** "table: row" for each row of any table in the public schema whose text form holds {@code text}. */
    public static List<String> rowsHolding(DataSource database, String text) {
        List<String> found = new ArrayList<>();
        try (Connection c = database.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (PreparedStatement s = c.prepareStatement(
                        "select t::text from \"" + table + "\" t where strpos(lower(t::text), lower(?)) > 0")) {
                    s.setString(1, text);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            found.add(table + ": " + rs.getString(1));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the database: " + e.getMessage(), e);
        }
        return found;
    }

    /** Rows of one table now. */
    public static long count(DataSource database, String table) {
        try (Connection c = database.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from \"" + table + "\"");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count " + table + ": " + e.getMessage(), e);
        }
    }
}
