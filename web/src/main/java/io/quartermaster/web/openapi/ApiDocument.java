package io.quartermaster.web.openapi;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.callbacks.Callback;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the document the runtime generates from the resources ({@code mp.openapi.filter}):
 * every operation gets its id, summary and description ({@link ApiOperations}), the roles that
 * may call it (read from its {@code @RolesAllowed}), its success answer, the problem+json
 * refusals it can give, and on every POST the {@code Idempotency-Key} header; the order and
 * checkout bodies get examples; the webhook request a receiver gets is the callback
 * {@code event} of {@code POST /admin/webhooks} (the runtime writes OpenAPI 3.0, which has
 * callbacks but not 3.1's top-level {@code webhooks}).
 */
public class ApiDocument implements OASFilter {

    private static final String IDEMPOTENCY_KEY = "Repeat the same request with the same key (1 to 200 characters) to get the "
            + "first answer again with no second effect; kept at least 24 hours.";

    private static final Map<Integer, String> REFUSALS = new LinkedHashMap<>();

    static {
        REFUSALS.put(400, "Bad input: `errors` names each field that is wrong and why.");
        REFUSALS.put(401, "No credential, or a wrong one.");
        REFUSALS.put(402, "The payment was declined; nothing was sold and the hold is released.");
        REFUSALS.put(403, "The credential is right but its role may not do this.");
        REFUSALS.put(404, "No such resource, or one the caller may not see.");
        REFUSALS.put(409, "Refused in the current state (e.g. insufficient stock, with `shortages`), or the same "
                + "Idempotency-Key is still being answered.");
        REFUSALS.put(410, "The checkout's hold expired; start a new checkout.");
        REFUSALS.put(429, "Too many wrong attempts from this address; wait `retryAfter` seconds.");
        REFUSALS.put(422, "Well-formed but not acceptable: the Idempotency-Key was used with another body, or a value "
                + "is beyond what can be recorded.");
        REFUSALS.put(503, "Temporarily unable (queue full, database or broker away); try again after `Retry-After` seconds.");
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createObject(Components.class) : openAPI.getComponents();
        openAPI.setComponents(components);
        // The runtime's body schemas leave out list elements and nested objects (OrderRequest without its
        // payment); every body is described from its class instead, with its validation rules.
        // The runtime's own schemas are replaced by these, so that none is left half-described.
        components.setSchemas(new java.util.TreeMap<>());
        Map<String, Class<?>> bodies = ApiResources.bodies();
        bodies.values().forEach(type -> components.addSchema(BodySchemas.name(type), BodySchemas.of(type, 0, components)));
        withoutRuntimeEndpoints(openAPI);
        components.addSchema("Problem", problemSchema());
        components.addSchema("WebhookEnvelope", envelopeSchema());
        Map<String, Set<String>> roles = ApiResources.roles();
        Map<String, java.lang.reflect.Type> answers = ApiResources.answers();
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            String shortPath = path.startsWith(ApiResources.PREFIX) ? path.substring(ApiResources.PREFIX.length()) : path;
            item.getOperations().forEach((method, operation) -> {
                String key = method.name() + " " + shortPath;
                describe(key, operation, roles.getOrDefault(key, Set.of()), !path.contains("{"));
                if (bodies.containsKey(key) && operation.getRequestBody() != null) {
                    operation.getRequestBody().required(true).getContent().getMediaTypes().values()
                            .forEach(media -> media.setSchema(ref(BodySchemas.name(bodies.get(key)))));
                }
                if (answers.containsKey(key)) {
                    typeAnswer(operation, answerSchema(components, answers.get(key)));
                }
            });
        });
        PathItem webhooks = openAPI.getPaths().getPathItem(ApiResources.PREFIX + "/admin/webhooks");
        if (webhooks != null && webhooks.getPOST() != null) {
            webhooks.getPOST().addCallback("event", eventCallback());
        }
    }

    /**
     * Payara's model carries an {@code endpoints} list of its own that it writes at the top of the
     * document, where OpenAPI allows no such field (a validating parser refuses the document).
     */
    private static void withoutRuntimeEndpoints(OpenAPI openAPI) {
        try {
            openAPI.getClass().getMethod("setEndpoints", Map.class).invoke(openAPI, new java.util.TreeMap<String, Set<String>>());
        } catch (ReflectiveOperationException | RuntimeException e) {
            // another runtime: nothing to take out
        }
    }

    private static void describe(String key, Operation operation, Set<String> roles, boolean noPathParameters) {
        ApiOperations.Doc doc = ApiOperations.DOCS.get(key);
        String who = roles.isEmpty() ? "any authenticated caller" : String.join(", ", roles);
        if (doc != null) {
            operation.setOperationId(doc.id());
            operation.setSummary(doc.summary());
            operation.setDescription(doc.description() + "\n\n**Roles:** " + who + ".");
        } else {
            operation.setDescription("**Roles:** " + who + ".");
        }
        boolean post = key.startsWith("POST ");
        if (post && (operation.getParameters() == null || operation.getParameters().stream()
                .noneMatch(p -> "Idempotency-Key".equalsIgnoreCase(p.getName())))) {
            operation.addParameter(OASFactory.createObject(Parameter.class).name("Idempotency-Key").in(Parameter.In.HEADER)
                    .description(IDEMPOTENCY_KEY)
                    .schema(OASFactory.createObject(Schema.class).type(Schema.SchemaType.STRING).maxLength(200)));
        } else if (post) {
            operation.getParameters().stream().filter(p -> "Idempotency-Key".equalsIgnoreCase(p.getName()))
                    .forEach(p -> p.description(IDEMPOTENCY_KEY));
        }
        APIResponses responses = operation.getResponses();
        APIResponse generated = responses.getDefaultValue();
        int success = doc == null ? 200 : doc.success();
        APIResponse ok = OASFactory.createObject(APIResponse.class).description(successText(success));
        if (success != 204 && success != 202 && generated != null && generated.getContent() != null) {
            ok.content(generated.getContent());
        }
        responses.removeAPIResponse(APIResponses.DEFAULT);
        responses.addAPIResponse(String.valueOf(success), ok);
        String alsoOk = ApiOperations.ALSO_OK.get(key);
        if (alsoOk != null) {
            responses.addAPIResponse("200", withContent(OASFactory.createObject(APIResponse.class).description(alsoOk), ok));
        }
        List<Integer> refusals = new ArrayList<>(List.of(401, 403, 503));
        boolean takesInput = operation.getRequestBody() != null || (operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY));
        if (takesInput) {
            refusals.add(400);
        }
        if (!noPathParameters) {
            refusals.add(404);
        }
        if (post) {
            refusals.add(409);
            refusals.add(422);
        }
        if (doc != null) {
            for (int extra : doc.refusals()) {
                refusals.add(extra);
            }
        }
        new TreeSet<>(refusals).forEach(status -> responses.addAPIResponse(String.valueOf(status), problem(status)));
        example(key, operation);
    }

    /** A component for a class (its simple name), an array of one for a list, inline for anything else. */
    private static Schema answerSchema(Components components, java.lang.reflect.Type type) {
        if (type instanceof java.lang.reflect.ParameterizedType p && p.getRawType() == List.class) {
            return OASFactory.createObject(Schema.class).type(Schema.SchemaType.ARRAY)
                    .items(answerSchema(components, p.getActualTypeArguments()[0]));
        }
        if (type instanceof Class<?> c && (c.isRecord() || !c.getName().startsWith("java.")) && !c.isEnum()) {
            String name = BodySchemas.name(c);
            if (components.getSchemas() == null || !components.getSchemas().containsKey(name)) {
                components.addSchema(name, BodySchemas.of(c, 0, components));
            }
            return ref(name);
        }
        return BodySchemas.of(type, 0, components);
    }

    /** The success answers' JSON content described by {@code schema} (text/csv left as it is). */
    private static void typeAnswer(Operation operation, Schema schema) {
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("2") && response.getContent() != null
                    && response.getContent().getMediaType("application/json") != null) {
                response.getContent().getMediaType("application/json").setSchema(schema);
            }
        });
    }

    private static APIResponse withContent(APIResponse response, APIResponse like) {
        return like.getContent() == null ? response : response.content(like.getContent());
    }

    private static String successText(int status) {
        switch (status) {
            case 201:
                return "Created.";
            case 202:
                return "Accepted: queued.";
            case 204:
                return "Done; no content.";
            default:
                return "OK.";
        }
    }

    private static APIResponse problem(int status) {
        APIResponse response = OASFactory.createObject(APIResponse.class).description(REFUSALS.get(status))
                .content(OASFactory.createObject(Content.class).addMediaType("application/problem+json",
                        OASFactory.createObject(MediaType.class).schema(ref("Problem"))));
        if (status == 503) {
            response.addHeader("Retry-After", OASFactory.createObject(Header.class)
                    .description("Seconds to wait before trying again.")
                    .schema(OASFactory.createObject(Schema.class).type(Schema.SchemaType.INTEGER)));
        }
        return response;
    }

    private static Schema ref(String name) {
        return OASFactory.createObject(Schema.class).ref("#/components/schemas/" + name);
    }

    private static Schema string(String description) {
        return OASFactory.createObject(Schema.class).type(Schema.SchemaType.STRING).description(description);
    }

    private static Schema problemSchema() {
        Schema fieldError = OASFactory.createObject(Schema.class).type(Schema.SchemaType.OBJECT)
                .addProperty("field", string("The field, e.g. `lines[0].quantity`."))
                .addProperty("message", string("What is wrong with it."));
        Schema shortage = OASFactory.createObject(Schema.class).type(Schema.SchemaType.OBJECT)
                .addProperty("sku", string("The SKU that is short."))
                .addProperty("requested", OASFactory.createObject(Schema.class).type(Schema.SchemaType.INTEGER))
                .addProperty("available", OASFactory.createObject(Schema.class).type(Schema.SchemaType.INTEGER));
        return OASFactory.createObject(Schema.class).type(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; more fields where they help the caller act.")
                .addProperty("type", string("A URI naming the kind of problem, or about:blank."))
                .addProperty("title", string("A short summary."))
                .addProperty("status", OASFactory.createObject(Schema.class).type(Schema.SchemaType.INTEGER))
                .addProperty("detail", string("What happened, in words."))
                .addProperty("errors", OASFactory.createObject(Schema.class).type(Schema.SchemaType.ARRAY).items(fieldError)
                        .description("400: each field that is wrong."))
                .addProperty("shortages", OASFactory.createObject(Schema.class).type(Schema.SchemaType.ARRAY).items(shortage)
                        .description("409 insufficient stock: each line that cannot be served."))
                .required(List.of("title", "status"));
    }

    private static Schema envelopeSchema() {
        return OASFactory.createObject(Schema.class).type(Schema.SchemaType.OBJECT)
                .description("The body of every webhook request: the event as Quartermaster stores it. The same event id "
                        + "and the same bytes on every attempt.")
                .addProperty("eventId", string("Unique per event: de-duplicate on it (delivery is at least once).").format("uuid"))
                .addProperty("type", string("The event type, e.g. OrderPlaced, StockSold."))
                .addProperty("version", OASFactory.createObject(Schema.class).type(Schema.SchemaType.INTEGER)
                        .description("The payload's version; a breaking change ships a new version."))
                .addProperty("occurredAt", string("When it happened (ISO-8601 UTC).").format("date-time"))
                .addProperty("payload", OASFactory.createObject(Schema.class).type(Schema.SchemaType.OBJECT)
                        .description("The event's fields, e.g. for OrderPlaced: orderId, channel, lines, subtotal, tax, total."))
                .required(List.of("eventId", "type", "version", "occurredAt", "payload"));
    }

    private static Callback eventCallback() {
        Operation delivery = OASFactory.createObject(Operation.class)
                .operationId("receiveWebhookEvent")
                .summary("What a subscribed URL receives")
                .description("One POST per event of a subscribed type, per subscription one at a time in the order the "
                        + "events happened (unless one is being retried). Verify `Quartermaster-Signature`: "
                        + "`t=<unix seconds>,v1=<hex HMAC-SHA256(secret, \"<t>.<raw body>\")>` (one `v1=` per signing "
                        + "secret; two for 24 hours after a rotation), compare in constant time and refuse old `t`. A 2xx "
                        + "within 10 s is delivered; anything else is retried with exponential backoff for 24 hours. "
                        + "Redirects are not followed.")
                .addParameter(header("Quartermaster-Event-Id", "The event id (also in the body)."))
                .addParameter(header("Quartermaster-Event-Type", "The event type (also in the body)."))
                .addParameter(header("Quartermaster-Signature", "t=<unix seconds>,v1=<hex HMAC-SHA256>[,v1=…]"))
                .requestBody(OASFactory.createObject(RequestBody.class).required(true).content(OASFactory.createObject(Content.class)
                        .addMediaType("application/json", OASFactory.createObject(MediaType.class).schema(ref("WebhookEnvelope"))
                                .addExample("OrderPlaced", OASFactory.createObject(Example.class).value(Map.of(
                                        "eventId", "0b6c3a52-7d0e-4f2a-9a52-6f3f8f0d2c11", "type", "OrderPlaced", "version", 1,
                                        "occurredAt", "2026-12-01T10:15:30.123Z", "payload", Map.of(
                                                "orderId", "5f1d0c7e-2b1a-4c3e-8d2f-0a9b8c7d6e5f", "channel", "WEB",
                                                "lines", List.of(Map.of("sku", "MUG-01", "quantity", 2, "unitPrice", 12.50)),
                                                "subtotal", 25.00, "tax", 2.50, "total", 27.50)))))))
                .responses(OASFactory.createObject(APIResponses.class)
                        .addAPIResponse("2XX", OASFactory.createObject(APIResponse.class).description("Delivered."))
                        .addAPIResponse("default", OASFactory.createObject(APIResponse.class)
                                .description("Anything else, or no answer within 10 s: retried.")));
        return OASFactory.createObject(Callback.class)
                .addPathItem("{$request.body#/url}", OASFactory.createObject(PathItem.class).POST(delivery));
    }

    private static Parameter header(String name, String description) {
        return OASFactory.createObject(Parameter.class).name(name).in(Parameter.In.HEADER).required(true)
                .description(description).schema(OASFactory.createObject(Schema.class).type(Schema.SchemaType.STRING));
    }

    private static void example(String key, Operation operation) {
        Object value;
        switch (key) {
            case "POST /orders":
                value = Map.of("lines", List.of(Map.of("sku", "MUG-01", "quantity", 2)), "payment", Map.of("token", "tok_visa"),
                        "customerRef", "POS-42-0017");
                break;
            case "POST /checkouts":
                value = Map.of("lines", List.of(Map.of("sku", "MUG-01", "quantity", 2), Map.of("sku", "TEA-07", "quantity", 1)),
                        "customerRef", "cart-8812");
                break;
            case "POST /checkouts/{id}/confirm":
                value = Map.of("payment", Map.of("token", "tok_visa"));
                break;
            case "POST /admin/webhooks":
                value = Map.of("url", "https://erp.example.com/quartermaster/events", "events", List.of("OrderPlaced", "StockSold"),
                        "description", "3PL feed");
                break;
            default:
                return;
        }
        RequestBody body = operation.getRequestBody();
        if (body == null || body.getContent() == null || body.getContent().getMediaType("application/json") == null) {
            return;
        }
        body.getContent().getMediaType("application/json").addExample("example",
                OASFactory.createObject(Example.class).value(value));
    }
}
