package eu.privacysuite.console.rest;

/** Input the console refuses before asking any service: answered 400, application/problem+json. */
public class BadInput extends RuntimeException {

    public BadInput(String detail) {
        super(detail);
    }
}
