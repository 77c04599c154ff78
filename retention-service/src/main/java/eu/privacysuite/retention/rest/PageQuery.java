package eu.privacysuite.retention.rest;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** A page of orders or evidence: {@code page} from 0, {@code size} up to 500 (default 50), read strictly. */
public class PageQuery {

    /** Bounded so that page times size never overflows the query's offset. */
    static final int MAX_PAGE = 1_000_000;

    @QueryParam("page")
    @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "" + MAX_PAGE, defaultValue = "0"))
    String page;

    @QueryParam("size")
    @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50"))
    String size;

    int page() {
        return page(page);
    }

    int size() {
        return QueryValues.number("size", size, 50, 1, 500);
    }

    static int page(String page) {
        return QueryValues.number("page", page, 0, 0, MAX_PAGE);
    }
}
