package eu.privacysuite.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * A system outside the suite, as a third party would write it from docs/external-systems.md alone: a Vert.x HTTP
 * server with its own PostgreSQL table of customers ({@code crm_customer}), which checks each command's
 * HMAC-SHA256 signature, erases or exports the subject's rows, and answers at once or later by a signed callback.
 * Not a mock of the suite's code: it shares none of it (the signature is computed here with the JDK's {@link Mac}).
 * <p>
 * {@code POST /dsr}: the suite's JSON. {@code /dsr?refuse} answers 403 (a refusal). {@link #answerLater} makes it
 * answer 202 and call back; {@link #holdCallbacks} keeps the callbacks until {@link #releaseCallbacks}, so that a
 * test sees the request wait for the confirmation. {@code POST /silent}: takes every command (202), never answers.
 * {@code POST /purge}: retention-service's purge orders, and the clocks it feeds ({@link #retention()}).
 */
public final class StandInCrm implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final LocalDatabases databases;
    private final String database;
    private final String key;
    private final int port;
    private final HttpClient client = HttpClient.newHttpClient();
    private final StandInCrmRetention retention;
    private volatile HttpServer server;
    private volatile boolean answerLater;
    private volatile boolean holdCallbacks;
    private volatile boolean refuseAll;
    private final List<Runnable> heldCallbacks = new CopyOnWriteArrayList<>();
    /** Commands taken with a valid signature, and those refused for a bad one. */
    public final AtomicInteger commandsTaken = new AtomicInteger();
    public final AtomicInteger badSignatures = new AtomicInteger();
    public final AtomicInteger silentTaken = new AtomicInteger();
    /** The status of every callback it sent, in order. */
    public final List<Integer> callbackStatuses = new CopyOnWriteArrayList<>();

    private StandInCrm(LocalDatabases databases, String database, String key, int port) {
        this.databases = databases;
        this.database = database;
        this.key = key;
        this.port = port;
        this.retention = new StandInCrmRetention(this, vertx);
    }

    /** Its retention side: the CLIENT_IDLE clocks it feeds, the purge orders it takes and reports. */
    public StandInCrmRetention retention() {
        return retention;
    }

    /** Where retention-service posts its purge orders. */
    public String purgeEndpoint() {
        return "http://127.0.0.1:" + port() + "/purge";
    }

    /** Creates its database afresh and starts listening on {@code port} (0: any free port). */
    public static StandInCrm start(LocalDatabases databases, String database, String key, int port) {
        databases.recreate(database);
        try (Connection c = databases.connect(database); Statement s = c.createStatement()) {
            s.execute("create table crm_customer (id serial primary key, email text not null, name text not null,"
                    + " order_ref text not null, amount_cents int not null, idle_since timestamptz,"
                    + " disputed boolean not null default false)");
            // The answer given to each command, by its commandId: the same command again gets the same answer.
            s.execute("create table crm_dsr_answer (command_id text primary key, request_id text not null,"
                    + " answer text not null)");
            StandInCrmRetention.createTables(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the CRM's table", e);
        }
        StandInCrm crm = new StandInCrm(databases, database, key, port);
        crm.listen(port);
        return crm;
    }

    /** The port it listens on. */
    public int port() {
        return server == null ? port : server.actualPort();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port() + "/dsr";
    }

    public void answerLater(boolean later) {
        this.answerLater = later;
    }

    /** Refuses every command and purge order with a 403, as a CRM does that will not act on it. */
    public void refuseAll(boolean refuse) {
        this.refuseAll = refuse;
    }

    boolean refusing() {
        return refuseAll;
    }

    public void holdCallbacks(boolean hold) {
        this.holdCallbacks = hold;
    }

    /** Sends the callbacks held so far; answers how many. */
    public int releaseCallbacks() {
        List<Runnable> held = new ArrayList<>(heldCallbacks);
        heldCallbacks.removeAll(held);
        held.forEach(Runnable::run);
        return held.size();
    }

    public void insertCustomer(String email, String name, String orderRef, int amountCents) {
        sql("insert into crm_customer (email, name, order_ref, amount_cents) values (?, ?, ?, ?)", email, name,
                orderRef, amountCents);
    }

    /** How many commands it applied for this request (each commandId once). */
    public int commandsAppliedFor(String requestId) {
        try (Connection c = databases.connect(database);
                PreparedStatement s = c.prepareStatement("select count(*) from crm_dsr_answer where request_id = ?")) {
            s.setString(1, requestId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String earlierAnswer(String commandId) {
        try (Connection c = databases.connect(database);
                PreparedStatement s = c.prepareStatement("select answer from crm_dsr_answer where command_id = ?")) {
            s.setString(1, commandId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int customersOf(String email) {
        try (Connection c = databases.connect(database);
                PreparedStatement s = c.prepareStatement("select count(*) from crm_customer where email = ?")) {
            s.setString(1, email);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops answering: the port is closed, as when the CRM is down. */
    public void stopServer() {
        HttpServer s = server;
        server = null;
        if (s != null) {
            await(s.close().toCompletionStage().toCompletableFuture());
        }
    }

    /** Listens again on the same port. */
    public void restartServer() {
        listen(port());
    }

    /** Listens again on the same port, unless it is listening. */
    public void restartServerIfStopped() {
        if (server == null) {
            restartServer();
        }
    }

    @Override
    public void close() {
        stopServer();
        await(vertx.close().toCompletionStage().toCompletableFuture());
    }

    private int boundPort = -1;

    private void listen(int wanted) {
        Router router = Router.router(vertx);
        router.post().handler(BodyHandler.create().setBodyLimit(1_000_000));
        router.post("/dsr").blockingHandler(this::command);
        router.post("/opendsr").blockingHandler(this::openDsr);
        router.post("/purge").blockingHandler(retention::purge);
        router.post("/silent").handler(ctx -> {
            if (signed(ctx)) {
                silentTaken.incrementAndGet();
                ctx.response().setStatusCode(202).end();
            } else {
                ctx.response().setStatusCode(401).end();
            }
        });
        int p = boundPort > 0 ? boundPort : wanted;
        server = await(vertx.createHttpServer().requestHandler(router).listen(p, "127.0.0.1").toCompletionStage()
                .toCompletableFuture());
        boundPort = server.actualPort();
    }

    boolean signed(RoutingContext ctx) {
        String ts = ctx.request().getHeader("X-Privacy-Timestamp");
        String sig = ctx.request().getHeader("X-Privacy-Signature");
        if (ts == null || sig == null || !ts.matches("[0-9]+")
                || Math.abs(Instant.now().getEpochSecond() - Long.parseLong(ts)) > 300) {
            return false;
        }
        byte[] expected = sign(Long.parseLong(ts), ctx.body().buffer().getBytes()).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, sig.getBytes(StandardCharsets.US_ASCII));
    }

    private void command(RoutingContext ctx) {
        if (!signed(ctx)) {
            badSignatures.incrementAndGet();
            ctx.response().setStatusCode(401).end();
            return;
        }
        commandsTaken.incrementAndGet();
        if (refuseAll || ctx.queryParams().contains("refuse")) {
            ctx.response().setStatusCode(403).end();
            return;
        }
        JsonObject command = ctx.body().asJsonObject();
        String earlier = earlierAnswer(command.getString("commandId"));
        if (earlier != null) {
            respond(ctx, command, new JsonObject(earlier));
            return;
        }
        String email = command.getJsonObject("subject").getString("email");
        String action = command.getString("action");
        JsonObject answer = new JsonObject().put("requestId", command.getString("requestId"));
        switch (action) {
            case "ERASURE" -> {
                int deleted = sql("delete from crm_customer where email = ?", email);
                answer.put("outcome", deleted > 0 ? "DONE" : "NOTHING_FOUND").put("recordCount", deleted);
            }
            case "ACCESS", "PORTABILITY" -> {
                JsonArray records = new JsonArray();
                try (Connection c = databases.connect(database); PreparedStatement s = c.prepareStatement(
                        "select name, order_ref, amount_cents from crm_customer where email = ? order by id")) {
                    s.setString(1, email);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            records.add(new JsonObject().put("name", r.getString(1)).put("orderRef", r.getString(2))
                                    .put("amountCents", r.getInt(3)));
                        }
                    }
                } catch (SQLException e) {
                    ctx.response().setStatusCode(503).end();
                    return;
                }
                answer.put("outcome", records.isEmpty() ? "NOTHING_FOUND" : "DONE").put("recordCount", records.size());
                if (!records.isEmpty()) {
                    answer.put("export", new JsonObject().put("categories", new JsonArray().add(new JsonObject()
                            .put("name", "crm-orders").put("title", "Orders in the CRM")
                            .put("retentionCategory", "CLIENT_ACTIVE").put("purpose", "Managing client orders")
                            .put("legalBasis", "Contract").put("source", "You, when ordering")
                            .put("recipients", new JsonArray().add("The Publisher")).put("records", records))));
                }
            }
            default -> answer.put("outcome", "NOTHING_FOUND").put("recordCount", 0);
        }
        sql("insert into crm_dsr_answer (command_id, request_id, answer) values (?, ?, ?) on conflict do nothing",
                command.getString("commandId"), command.getString("requestId"), answer.encode());
        respond(ctx, command, answer);
    }

    private void respond(RoutingContext ctx, JsonObject command, JsonObject answer) {
        if (!answerLater) {
            ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(answer.encode());
            return;
        }
        ctx.response().setStatusCode(202).end();
        URI callback = URI.create(command.getString("callbackUrl"));
        Runnable send = () -> callbackStatuses.add(callback(callback, answer.encode()));
        if (holdCallbacks) {
            heldCallbacks.add(send);
        } else {
            vertx.executeBlocking(() -> {
                send.run();
                return null;
            });
        }
    }

    /** The OpenDSR 1.0 requests it took (their bodies), for the tests to read. */
    public final List<JsonObject> openDsrRequests = new CopyOnWriteArrayList<>();

    /**
     * {@code POST /opendsr}: an OpenDSR 1.0 processor. It takes the request (201 with the spec's response fields),
     * then calls back {@code pending} and {@code completed}, signed with the suite's HMAC headers.
     */
    private void openDsr(RoutingContext ctx) {
        if (!signed(ctx)) {
            badSignatures.incrementAndGet();
            ctx.response().setStatusCode(401).end();
            return;
        }
        JsonObject request = ctx.body().asJsonObject();
        openDsrRequests.add(request);
        String id = request.getString("subject_request_id");
        String callbackUrl = request.getJsonArray("status_callback_urls").getString(0);
        String now = Instant.now().toString();
        JsonObject status = new JsonObject().put("controller_id", "privacy-suite")
                .put("expected_completion_time", now).put("subject_request_id", id);
        ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                .end(status.copy().put("received_time", now).encode());
        vertx.executeBlocking(() -> {
            for (String state : List.of("pending", "completed")) {
                callbackStatuses.add(callback(URI.create(callbackUrl), status.copy().put("request_status", state)
                        .put("status_callback_url", callbackUrl).encode()));
            }
            return null;
        });
    }

    /** Posts a signed body (a callback, a clock feed, a purge report); answers the status, or -1 when no answer came. */
    public int callback(URI url, String body) {
        long ts = Instant.now().getEpochSecond();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            return client.send(HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                    .header("X-Privacy-Timestamp", Long.toString(ts)).header("X-Privacy-Signature", sign(ts, bytes))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** The signature scheme of docs/external-systems.md, written from the document. */
    public String sign(long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Connection connect() throws SQLException {
        return databases.connect(database);
    }

    int sql(String statement, Object... args) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the stand-in CRM's server did not start or stop", e);
        }
    }
}
