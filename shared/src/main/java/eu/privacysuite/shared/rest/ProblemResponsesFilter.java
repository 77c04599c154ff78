package eu.privacysuite.shared.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import eu.privacysuite.shared.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Completes every service's API document with what the door does for every operation: a public one says it needs
 * no token ({@code security: []}), and each says which problem+json answers it may give, with one shared
 * {@code Problem} schema. Runs at startup, after Quarkus has added the bearer scheme to the protected operations.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ProblemResponsesFilter implements OASFilter {

    static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        api.getComponents().addSchema("Problem", problemSchema());
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : api.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                describe(entry.getKey(), entry.getValue(), item.getParameters());
            }
        }
    }

    private static void describe(PathItem.HttpMethod method, Operation operation, List<Parameter> pathLevel) {
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (!secured) {
            operation.setSecurity(new ArrayList<>()); // security: [] - this operation needs no token
        }
        List<Parameter> parameters = new ArrayList<>(pathLevel == null ? List.of() : pathLevel);
        parameters.addAll(operation.getParameters() == null ? List.of() : operation.getParameters());
        boolean body = operation.getRequestBody() != null;
        boolean pathParameter = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        if (body || !parameters.isEmpty()) {
            problem(responses, "400", "The request is malformed or has invalid fields (named in `errors`).");
        }
        if (secured) {
            problem(responses, "401", "A valid bearer token is required.");
            problem(responses, "403", "The token's roles do not allow this operation.");
        }
        if (pathParameter || method == PathItem.HttpMethod.GET) {
            problem(responses, "404", "No such resource.");
        }
        if (body) {
            problem(responses, "413", "The request body is larger than this service takes.");
            problem(responses, "415", "The body must be application/json.");
        }
        problem(responses, "503", "The service cannot reach its database; retry after the Retry-After seconds.");
        // An error answer the resource declares itself (a 409, a 422) is a problem too.
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                problem(responses, code, response.getDescription());
            }
        });
    }

    /** Adds the answer, or gives an answer the resource already declared the problem+json content it lacks. */
    private static void problem(APIResponses responses, String code, String description) {
        APIResponse response = responses.getAPIResponse(code);
        if (response == null) {
            response = OASFactory.createAPIResponse().description(description);
            responses.addAPIResponse(code, response);
        }
        if (response.getContent() == null || response.getContent().getMediaType(Problem.MEDIA_TYPE) == null) {
            if (response.getContent() == null) {
                response.setContent(OASFactory.createContent());
            }
            response.getContent().addMediaType(Problem.MEDIA_TYPE,
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
        }
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema invalidParam = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One invalid field: where it is and what is wrong with it, never its value.")
                .addProperty("field", text).addProperty("message", text);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem detail. It names fields and rules, never the values a client sent.")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri-reference"))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32"))
                .addProperty("detail", text)
                .addProperty("instance", text)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(invalidParam))
                .addRequired("title").addRequired("status");
    }
}
