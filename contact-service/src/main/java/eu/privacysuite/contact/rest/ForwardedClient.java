package eu.privacysuite.contact.rest;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.contact.config.ContactConfig;
import eu.privacysuite.shared.problem.Problem;
import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * Who the client is, for the rate limit (decision 0022). Behind a trusted proxy, the right-most X-Forwarded-For
 * entry: the address the proxy appended; the entries to its left are whatever the client wrote, and are ignored. A
 * right-most entry that is not an IP address is refused with 400 naming the header. Otherwise the peer address.
 */
@ApplicationScoped
public class ForwardedClient {

    static final String HEADER = "X-Forwarded-For";
    /** Where the client's address is kept for the request ({@link #of(RoutingContext)}). */
    private static final String KEY = ForwardedClient.class.getName();
    /** After CORS (300), so a browser can read the refusal; before the door's limits (250). */
    private static final int PRIORITY = 260;

    private final ObjectMapper json;
    private final boolean behindProxy;
    private final List<IpSubnetFilterRule> trusted;

    public ForwardedClient(ObjectMapper json, ContactConfig config) {
        this.json = json;
        this.behindProxy = config.proxy().enabled();
        this.trusted = config.proxy().trusted().stream().map(String::strip).map(ForwardedClient::rule).toList();
    }

    void register(@Observes Filters filters) {
        filters.register(this::identify, PRIORITY);
    }

    /** The client of the request, as {@link #identify} found it. */
    public static Optional<String> of(RoutingContext rc) {
        return Optional.ofNullable(rc.get(KEY));
    }

    private void identify(RoutingContext rc) {
        String peer = address(rc.request().remoteAddress());
        List<String> forwarded = rc.request().headers().getAll(HEADER);
        if (!behindProxy || forwarded.isEmpty() || peer == null || !isTrusted(peer)) {
            if (peer != null) {
                rc.put(KEY, peer);
            }
            rc.next();
            return;
        }
        String client = rightMost(forwarded);
        if (client == null) {
            refuse(rc);
            return;
        }
        rc.put(KEY, client);
        rc.next();
    }

    private boolean isTrusted(String peer) {
        InetSocketAddress address = new InetSocketAddress(NetUtil.createInetAddressFromIpAddressString(peer), 0);
        return trusted.stream().anyMatch(rule -> rule.matches(address));
    }

    /** The last entry of the last header line if it is an IP address (IPv6 may be bracketed), in canonical form; else null. */
    static String rightMost(List<String> values) {
        List<String> entries = new ArrayList<>();
        for (String value : values) {
            for (String entry : value.split(",", -1)) {
                entries.add(entry.strip());
            }
        }
        String last = entries.get(entries.size() - 1);
        if (last.length() > 2 && last.startsWith("[") && last.endsWith("]")) {
            last = last.substring(1, last.length() - 1);
        }
        return canonical(last);
    }

    private static String address(SocketAddress peer) {
        return peer == null || peer.hostAddress() == null ? null : canonical(peer.hostAddress());
    }

    /**
     * An IP address literal in one spelling (2001:db8:0::1 and 2001:db8::1 are one client), or null. Parsed as a
     * literal only, never looked up: Netty's parser, which Vert.x itself uses.
     */
    private static String canonical(String literal) {
        InetAddress address = NetUtil.createInetAddressFromIpAddressString(literal);
        return address == null ? null : NetUtil.toAddressString(address);
    }

    /** A trusted proxy: an address (127.0.0.1) or a CIDR range (10.0.0.0/8). */
    private static IpSubnetFilterRule rule(String entry) {
        if (entry.contains("/")) {
            return new IpSubnetFilterRule(entry, IpFilterRuleType.ACCEPT);
        }
        InetAddress address = NetUtil.createInetAddressFromIpAddressString(entry);
        if (address == null) {
            throw new IllegalArgumentException("contact.proxy.trusted: not an address or CIDR range: " + entry);
        }
        return new IpSubnetFilterRule(address, address.getAddress().length * 8, IpFilterRuleType.ACCEPT);
    }

    private void refuse(RoutingContext rc) {
        Problem problem = new Problem("about:blank", "Bad Request", 400, "The request is malformed.", null,
                List.of(new Problem.InvalidParam(HEADER, "must end with the client's IP address")));
        try {
            rc.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            rc.response().setStatusCode(400).end();
        }
    }
}
