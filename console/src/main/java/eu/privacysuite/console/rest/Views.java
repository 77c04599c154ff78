package eu.privacysuite.console.rest;

import jakarta.ws.rs.core.Response;

import eu.privacysuite.console.service.ApiAnswer;

/** Answers shared by the pages. */
final class Views {

    private Views() {
    }

    /**
     * A service refused or failed a read: its status and problem passed on as they came (403 for a role it refused,
     * 404 for an unknown id), so the console never claims more than the service said.
     */
    static Response serviceRefused(Page page, ApiAnswer answer) {
        return Problems.problem(answer.status(), "The service refused", answer.detail());
    }
}
