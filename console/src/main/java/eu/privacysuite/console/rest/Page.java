package eu.privacysuite.console.rest;

import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.jwt.JsonWebToken;

import eu.privacysuite.console.service.Languages;
import eu.privacysuite.console.service.Messages;
import io.quarkus.oidc.IdToken;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * What every page shows around its content: the texts in the user's language, who is signed in and whether they
 * may act. {@code canAct} decides which buttons a page shows; the console's own role checks and the services'
 * refuse the rest anyway.
 */
@RequestScoped
public class Page {

    public static final String CONTROLLER = "privacy-controller";
    public static final String AUDITOR = "privacy-auditor";

    private final HttpHeaders headers;
    private final SecurityIdentity identity;
    private final UriInfo uri;
    @Inject
    @IdToken
    JsonWebToken idToken;

    public Page(HttpHeaders headers, SecurityIdentity identity, UriInfo uri) {
        this.uri = uri;
        this.headers = headers;
        this.identity = identity;
    }

    public Locale locale() {
        var cookie = headers.getCookies().get(Languages.COOKIE);
        try {
            return Languages.choose(cookie == null ? null : cookie.getValue(), headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        } catch (IllegalArgumentException e) {
            throw new BadInput("The Accept-Language header is malformed.");
        }
    }

    public String language() {
        return locale().getLanguage();
    }

    public Map<String, String> texts() {
        return Messages.of(locale());
    }

    public boolean canAct() {
        return identity.hasRole(CONTROLLER);
    }

    public TemplateInstance render(Template template, String section) {
        String user = idToken.getClaim("preferred_username");
        return template.data("t", texts()).data("lang", language()).data("canAct", canAct())
                .data("path", uri.getPath()).data("user", user == null ? idToken.getName() : user).data("section", section)
                .data("role", canAct() ? texts().get("role_controller") : texts().get("role_auditor"));
    }
}
