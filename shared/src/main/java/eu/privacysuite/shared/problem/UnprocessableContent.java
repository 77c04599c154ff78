package eu.privacysuite.shared.problem;

import jakarta.ws.rs.core.Response;

/** 422 (RFC 9110), which Jakarta REST's Status enum lacks: the request is well formed but cannot be done. */
public enum UnprocessableContent implements Response.StatusType {
    STATUS;

    @Override
    public int getStatusCode() {
        return 422;
    }

    @Override
    public Response.Status.Family getFamily() {
        return Response.Status.Family.CLIENT_ERROR;
    }

    @Override
    public String getReasonPhrase() {
        return "Unprocessable Content";
    }
}
