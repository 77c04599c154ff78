package eu.privacysuite.console.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import eu.privacysuite.console.service.Languages;

/** The user's choice of language, kept a year in a cookie; and the way in. */
@Path("/")
public class LanguageResource {

    @GET
    @RolesAllowed({ Page.CONTROLLER, Page.AUDITOR })
    public Response home() {
        return Response.seeOther(URI.create("/requests")).build();
    }

    @POST
    @Path("language")
    @RolesAllowed({ Page.CONTROLLER, Page.AUDITOR })
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choose(@RestForm String lang, @RestForm String back) {
        if (!Languages.spoken(lang)) {
            throw new BadInput("'lang' is fr or en.");
        }
        // Only a path of the console: never a redirect elsewhere.
        if (back == null || !back.matches("/[A-Za-z0-9/_-]*")) {
            throw new BadInput("'back' is a path of the console.");
        }
        NewCookie cookie = new NewCookie.Builder(Languages.COOKIE).value(lang).path("/").maxAge(365 * 24 * 3600)
                .httpOnly(true).secure(true).sameSite(NewCookie.SameSite.LAX).build();
        return Response.seeOther(URI.create(back)).cookie(cookie).build();
    }
}
