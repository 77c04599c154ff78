package eu.privacysuite.platform;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The stand-in CRM's side of retention, as a third party would write it from docs/external-systems.md ("Retention
 * feeds", "Purge orders"): it feeds the {@code CLIENT_IDLE} clock of each customer that has gone idle to
 * retention-service's signed feed, takes signed purge orders on {@code POST /purge} (202), deletes the rows they name
 * and posts a signed report back. A customer under dispute, or whose idle date moved after the order's
 * {@code clockStartedUpTo}, is refused (kept). The same order again gets the same report.
 */
public final class StandInCrmRetention {

    private final StandInCrm crm;
    private final Vertx vertx;
    /** Purge orders taken with a valid signature, and the status of every report it posted, in order. */
    public final AtomicInteger ordersTaken = new AtomicInteger();
    public final List<Integer> reportStatuses = new CopyOnWriteArrayList<>();

    StandInCrmRetention(StandInCrm crm, Vertx vertx) {
        this.crm = crm;
        this.vertx = vertx;
    }

    /** The tables it needs besides crm_customer: the report given to each order, by its orderId. */
    static void createTables(Connection c) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute("create table crm_purge_report (order_id text primary key, report text not null)");
        }
    }

    /** A customer idle since {@code idleSince} (the contract ended): answers its record id, {@code customer-<id>}. */
    public String insertIdleCustomer(String email, String name, String orderRef, int amountCents, Instant idleSince) {
        try (Connection c = crm.connect(); PreparedStatement s = c.prepareStatement("insert into crm_customer"
                + " (email, name, order_ref, amount_cents, idle_since) values (?, ?, ?, ?, ?) returning id")) {
            s.setString(1, email);
            s.setString(2, name);
            s.setString(3, orderRef);
            s.setInt(4, amountCents);
            s.setTimestamp(5, Timestamp.from(idleSince));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return "customer-" + r.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts a customer under dispute: its purge is refused until the dispute is settled. */
    public void dispute(String recordId) {
        crm.sql("update crm_customer set disputed = true where id = ?", customerId(recordId));
    }

    /** Whether the customer's row is still there. */
    public boolean holds(String recordId) {
        try (Connection c = crm.connect();
                PreparedStatement s = c.prepareStatement("select 1 from crm_customer where id = ?")) {
            s.setInt(1, customerId(recordId));
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Posts the CLIENT_IDLE clock ({@code CONTRACT_ENDED} at the idle date) of every idle customer to
     * {@code <retentionBase>/api/retention/external/crm/clocks}, signed; each clock's eventId is derived from the
     * customer and its idle date, so feeding again sends the same ids. Answers the HTTP status.
     */
    public int feedIdleClocks(URI retentionBase) {
        JsonArray clocks = new JsonArray();
        try (Connection c = crm.connect(); PreparedStatement s = c.prepareStatement(
                "select id, email, idle_since from crm_customer where idle_since is not null order by id")) {
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Instant idle = r.getTimestamp(3).toInstant();
                    String recordId = "customer-" + r.getInt(1);
                    clocks.add(new JsonObject()
                            .put("eventId", UUID.nameUUIDFromBytes((recordId + "@" + idle).getBytes(StandardCharsets.UTF_8)).toString())
                            .put("category", "CLIENT_IDLE").put("recordId", recordId)
                            .put("subjectEmail", r.getString(2)).put("clockEvent", "CONTRACT_ENDED")
                            .put("at", idle.toString()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (clocks.isEmpty()) {
            return 200;
        }
        String base = retentionBase.toString().replaceAll("/+$", "");
        return crm.callback(URI.create(base + "/api/retention/external/crm/clocks"), new JsonObject().put("clocks", clocks).encode());
    }

    /**
     * {@code POST /purge}: a signed purge order. 401 unsigned or forged; 403 while it refuses everything
     * ({@link StandInCrm#refuseAll}); else 202, and the report follows.
     */
    void purge(RoutingContext ctx) {
        if (!crm.signed(ctx)) {
            crm.badSignatures.incrementAndGet();
            ctx.response().setStatusCode(401).end();
            return;
        }
        if (crm.refusing()) {
            ctx.response().setStatusCode(403).end();
            return;
        }
        ordersTaken.incrementAndGet();
        JsonObject order = ctx.body().asJsonObject();
        String orderId = order.getString("orderId");
        URI reportUrl = URI.create(order.getString("reportUrl"));
        String report = earlierReport(orderId);
        if (report == null) {
            report = apply(orderId, order.getJsonArray("recordIds"), Instant.parse(order.getString("clockStartedUpTo")));
        }
        ctx.response().setStatusCode(202).end();
        String body = report;
        vertx.executeBlocking(() -> {
            reportStatuses.add(postWithRetries(reportUrl, body));
            return null;
        });
    }

    /** Deletes the rows of the order it may delete, and keeps its report, in one transaction. */
    private String apply(String orderId, JsonArray recordIds, Instant clockStartedUpTo) {
        JsonArray deleted = new JsonArray();
        JsonArray notFound = new JsonArray();
        JsonArray refused = new JsonArray();
        try (Connection c = crm.connect()) {
            c.setAutoCommit(false);
            for (Object id : recordIds) {
                String recordId = (String) id;
                try (PreparedStatement s = c.prepareStatement("select disputed, idle_since from crm_customer where id = ?"
                        + " for update")) {
                    s.setInt(1, customerId(recordId));
                    try (ResultSet r = s.executeQuery()) {
                        if (!r.next()) {
                            notFound.add(recordId);
                        } else if (r.getBoolean(1) || r.getTimestamp(2) == null
                                || r.getTimestamp(2).toInstant().isAfter(clockStartedUpTo)) {
                            refused.add(recordId);
                        } else {
                            try (PreparedStatement d = c.prepareStatement("delete from crm_customer where id = ?")) {
                                d.setInt(1, customerId(recordId));
                                d.executeUpdate();
                            }
                            deleted.add(recordId);
                        }
                    }
                }
            }
            String report = new JsonObject().put("orderId", orderId).put("deleted", deleted).put("notFound", notFound)
                    .put("refused", refused).encode();
            try (PreparedStatement s = c.prepareStatement("insert into crm_purge_report (order_id, report) values (?, ?)")) {
                s.setString(1, orderId);
                s.setString(2, report);
                s.executeUpdate();
            }
            c.commit();
            return report;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String earlierReport(String orderId) {
        try (Connection c = crm.connect();
                PreparedStatement s = c.prepareStatement("select report from crm_purge_report where order_id = ?")) {
            s.setString(1, orderId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A report is retried a few times on a fault (no connection, 5xx), as the document asks; answers the last status. */
    private int postWithRetries(URI url, String body) {
        int status = -1;
        for (int attempt = 0; attempt < 10; attempt++) {
            status = crm.callback(url, body);
            if (status >= 200 && status < 500) {
                return status;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return status;
            }
        }
        return status;
    }

    private static int customerId(String recordId) {
        if (!recordId.matches("customer-[0-9]{1,9}")) {
            return -1;
        }
        return Integer.parseInt(recordId.substring("customer-".length()));
    }
}
