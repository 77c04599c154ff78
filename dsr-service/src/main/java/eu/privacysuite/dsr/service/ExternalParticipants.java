package eu.privacysuite.dsr.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import eu.privacysuite.dsr.config.DsrConfig;
import eu.privacysuite.dsr.config.ExternalConfig;
import eu.privacysuite.dsr.config.ExternalConfig.Participant;
import eu.privacysuite.shared.events.DsrAction;
import io.quarkus.runtime.Startup;

/**
 * The external participants as configured, checked once at start-up: a bad name, a plain-HTTP endpoint that is
 * not a loopback address, a short key or an OpenDSR participant asked for a right OpenDSR has no type for stops the
 * service, with the reason, rather than letting a request leave for the wrong place.
 */
@Startup
@ApplicationScoped
public class ExternalParticipants {

    /** The rights OpenDSR 1.0 has a {@code subject_request_type} for. */
    static final Set<DsrAction> OPENDSR_RIGHTS = EnumSet.of(DsrAction.ERASURE, DsrAction.ACCESS, DsrAction.PORTABILITY);

    private final Map<String, Participant> byName;
    private final ExternalConfig config;

    public ExternalParticipants(ExternalConfig config, DsrConfig dsr) {
        this.config = config;
        this.byName = new TreeMap<>(config.participants());
        byName.forEach((name, p) -> check(name, p, dsr.participants()));
    }

    private static void check(String name, Participant p, List<String> suite) {
        String where = "dsr.external.participants." + name;
        if (!name.matches("[a-z0-9][a-z0-9-]{0,62}") || suite.contains(name)) {
            throw new IllegalStateException(where + ": a name is lower-case letters, digits and dashes, and not one of "
                    + "the suite's participants");
        }
        if (p.rights().isEmpty() || p.rights().contains(DsrAction.BREACH_SCOPE)) {
            throw new IllegalStateException(where + ".rights: at least one right of a data subject");
        }
        String scheme = p.endpoint().getScheme();
        if (!"https".equals(scheme) && !("http".equals(scheme) && loopback(p.endpoint().getHost()))) {
            throw new IllegalStateException(where + ".endpoint: HTTPS (plain HTTP only to a loopback address)");
        }
        if (p.signingKey().length() < 32) {
            throw new IllegalStateException(where + ".signing-key: at least 32 characters");
        }
        if (p.format() == ExternalConfig.Format.OPENDSR) {
            if (!OPENDSR_RIGHTS.containsAll(p.rights())) {
                throw new IllegalStateException(where + ".rights: OpenDSR 1.0 has request types for ERASURE, ACCESS "
                        + "and PORTABILITY only");
            }
            if (p.answers() != ExternalConfig.Answers.CALLBACK) {
                throw new IllegalStateException(where + ".answers: an OpenDSR processor answers by callback");
            }
        }
        if (p.timeout().isNegative() || p.timeout().isZero() || p.answerWithin().isNegative()
                || p.answerWithin().isZero()) {
            throw new IllegalStateException(where + ": timeout and answer-within must be positive");
        }
    }

    private static boolean loopback(String host) {
        try {
            return host != null && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The external participants that take part in a request of this type, by name. */
    public List<String> taking(DsrAction type) {
        return byName.entrySet().stream().filter(e -> e.getValue().rights().contains(type)).map(Map.Entry::getKey)
                .toList();
    }

    public Optional<Participant> named(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    public boolean isExternal(String name) {
        return byName.containsKey(name);
    }

    public Set<String> names() {
        return byName.keySet();
    }

    public ExternalConfig config() {
        return config;
    }
}
