package io.quartermaster.web.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quartermaster.client.ApiClient;
import io.quartermaster.client.ApiException;
import io.quartermaster.client.api.DefaultApi;
import io.quartermaster.client.model.IssuedApiClient;
import io.quartermaster.client.model.LineRequest;
import io.quartermaster.client.model.NewApiClient;
import io.quartermaster.client.model.OrderRequest;
import io.quartermaster.client.model.OrderView;
import io.quartermaster.client.model.PaymentRequest;
import io.quartermaster.client.model.PutProduct;
import io.quartermaster.client.model.ReceiveStock;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI document as an integrator meets it: valid for a real parser (swagger-parser), every
 * operation described with its roles and refusals, the same as the committed
 * {@code web/openapi/quartermaster-api.json} that the build generates a Java client from, and
 * that client places an order against the running server.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.quartermaster();
    }

    @Test
    void theDocumentIsValidAndEveryOperationSaysWhatItDoesWhoMayAndHowItRefuses() throws Exception {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(served(), null, options);

        assertThat(parsed.getMessages()).as("what the parser found wrong").isEmpty();
        OpenAPI api = parsed.getOpenAPI();
        Set<String> ids = new HashSet<>();
        int operations = 0;
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
                Operation op = entry.getValue();
                String name = entry.getKey() + " " + path.getKey();
                operations++;
                assertThat(ids.add(op.getOperationId())).as("unique operation id of " + name).isTrue();
                assertThat(op.getSummary()).as("summary of " + name).isNotBlank();
                assertThat(op.getDescription()).as("description of " + name).contains("**Roles:**");
                assertThat(op.getResponses()).as("answers of " + name).containsKeys("401", "403", "503");
                assertThat(op.getResponses().keySet()).as("a success answer of " + name).anyMatch(s -> s.startsWith("2"));
                assertThat(op.getResponses().get("403").getContent()).containsKey("application/problem+json");
                assertThat(op.getResponses().get("503").getHeaders()).containsKey("Retry-After");
                if (entry.getKey() == PathItem.HttpMethod.POST) {
                    assertThat(op.getParameters()).as("Idempotency-Key on " + name)
                            .extracting(Parameter::getName).contains("Idempotency-Key");
                    assertThat(op.getResponses()).as("answers of " + name).containsKeys("409", "422");
                }
                if (path.getKey().contains("{")) {
                    assertThat(op.getResponses()).as("answers of " + name).containsKey("404");
                }
            }
        }
        assertThat(operations).isGreaterThanOrEqualTo(70);
        Operation order = api.getPaths().get("/api/v1/orders").getPost();
        assertThat(order.getResponses()).containsKeys("201", "402", "409");
        assertThat(order.getRequestBody().getContent().get("application/json").getExamples()).isNotEmpty();
        assertThat(api.getPaths().get("/api/v1/checkouts").getPost().getRequestBody().getContent().get("application/json")
                .getExamples()).isNotEmpty();
        assertThat(api.getPaths().get("/api/v1/checkouts/{id}/confirm").getPost().getResponses()).containsKeys("402", "410");
        Operation subscribe = api.getPaths().get("/api/v1/admin/webhooks").getPost();
        assertThat(subscribe.getCallbacks()).containsKey("event");
        assertThat(api.getComponents().getSchemas()).containsKeys("Problem", "WebhookEnvelope", "OrderView", "OrderRequest");
    }

    @Test
    void theCommittedDocumentIsTheOneTheServerServes() throws Exception {
        Path committed = Path.of("openapi", "quartermaster-api.json");
        JsonObject served = withoutServers(Json.createReader(new StringReader(served())).readObject());
        Path copy = Path.of("target", "openapi-served.json");
        Files.writeString(copy, served.toString());
        JsonObject kept = withoutServers(Json.createReader(new StringReader(Files.readString(committed))).readObject());
        // Compared as values: 1E+9 and 1000000000 are one number, whichever way a writer spells it.
        assertThat(canonical(served)).as("/openapi differs from " + committed + ": the API changed. Review the difference and "
                + "commit the served document (written to web/" + copy + "; pretty-print it with "
                + "`python3 -m json.tool --sort-keys`)").isEqualTo(canonical(kept));
    }

    private static Object canonical(jakarta.json.JsonValue value) {
        switch (value.getValueType()) {
            case OBJECT:
                Map<String, Object> object = new java.util.TreeMap<>();
                value.asJsonObject().forEach((k, v) -> object.put(k, canonical(v)));
                return object;
            case ARRAY:
                return value.asJsonArray().stream().map(OpenApiIT::canonical).toList();
            case NUMBER:
                return ((jakarta.json.JsonNumber) value).bigDecimalValue().stripTrailingZeros().toPlainString();
            case STRING:
                return ((jakarta.json.JsonString) value).getString();
            default:
                return value.toString();
        }
    }

    @Test
    void aClientGeneratedFromTheDocumentPlacesAnOrder() throws Exception {
        DefaultApi admin = client(Http.admin());
        IssuedApiClient register = admin.createApiClient(new NewApiClient().name("generated-client-pos")
                .role(NewApiClient.RoleEnum.CHANNEL).channel("POS"), UUID.randomUUID().toString());
        String sku = "OAS-" + UUID.randomUUID().toString().substring(0, 8);
        admin.putProduct(sku, new PutProduct().name("Generated mug").price(new BigDecimal("9.90")).taxRate(new BigDecimal("0.10")));
        admin.receiveStock(new ReceiveStock().sku(sku).location("MAIN").quantity(3).unitCost(new BigDecimal("4.00")), null);

        DefaultApi pos = client(Http.bearer(register.getKey()));
        OrderView placed = pos.placeOrder(new OrderRequest()
                .lines(List.of(new LineRequest().sku(sku).quantity(2))).payment(new PaymentRequest().token("tok_visa"))
                .customerRef("generated-client"), UUID.randomUUID().toString());

        assertThat(placed.getStatus()).isEqualTo("PLACED");
        assertThat(placed.getTotal()).isEqualByComparingTo("21.78");
        assertThat(placed.getLines()).singleElement().satisfies(line -> assertThat(line.getQuantity()).isEqualTo(2));
        assertThat(pos.getOrder(placed.getId().toString()).getId()).isEqualTo(placed.getId());

        ApiException refused = catchThrowableOfType(ApiException.class, () -> pos.placeOrder(new OrderRequest()
                .lines(List.of(new LineRequest().sku(sku).quantity(2))).payment(new PaymentRequest().token("tok_visa")), null));
        assertThat(refused.getCode()).isEqualTo(409);
        assertThat(refused.getResponseBody()).contains("shortages");
    }

    private static DefaultApi client(String authorization) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(Http.base());
        client.setHttpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1));
        client.setRequestInterceptor(request -> request.header("Authorization", authorization));
        return new DefaultApi(client);
    }

    private static String served() throws Exception {
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(Http.base() + "/openapi")).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    private static JsonObject withoutServers(JsonObject document) {
        return Json.createObjectBuilder(document).remove("servers").build();
    }
}
