package eu.privacysuite.testing;

import java.net.URI;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** Health, metrics and OpenAPI answer on the management port only; its test port is chosen when Quarkus starts. */
public final class Management {

    /** A request to the running service's management interface (the port {@code @TestHTTPResource(management = true)} names). */
    public static RequestSpecification given() {
        return RestAssured.given().port(URI.create(TestHTTPResourceManager.getManagementUri()).getPort());
    }

    private Management() {
    }
}
