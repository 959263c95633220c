package io.quartermaster.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.quartermaster.web.it.Http.Answer;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Black-box tests of identity and access, error answers and the operational endpoints. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityIT {

    private static final String PASSWORD = "correct-horse-battery";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.quartermaster();
    }

    @Test
    void anApiCallWithoutCredentialsIs401WithAProblem() throws Exception {
        Answer answer = Http.get("/api/v1/admin/users", null);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.wwwAuthenticate()).contains("Basic").contains("Bearer");
        assertThat(answer.json().getInt("status")).isEqualTo(401);
    }

    @Test
    void wrongPasswordsAndUnknownKeysAre401() throws Exception {
        assertThat(Http.get("/api/v1/admin/users", Http.basic("admin", "not-the-password")).status()).isEqualTo(401);
        assertThat(Http.get("/api/v1/admin/users", Http.basic("nobody", PASSWORD)).status()).isEqualTo(401);
        assertThat(Http.get("/api/v1/admin/users", Http.bearer("qm_made-up-key")).status()).isEqualTo(401);
        assertThat(Http.get("/api/v1/admin/users", "Basic !!!not-base64").status()).isEqualTo(401);
    }

    @Test
    void theFirstAdminHasThePasswordFromTheEnvironmentAndOnlyThatAccountExists() throws Exception {
        Answer answer = Http.get("/api/v1/admin/users", Http.admin());
        assertThat(answer.status()).isEqualTo(200);
        JsonObject admin = answer.array().stream().map(JsonObject.class::cast)
                .filter(u -> u.getString("username").equals("admin")).findFirst().orElseThrow();
        assertThat(admin.getJsonArray("roles").getString(0)).isEqualTo("ADMIN");
        assertThat(answer.body()).doesNotContain(Http.ADMIN_PASSWORD).doesNotContain("pbkdf2");
    }

    @Test
    void aUserWithTheWrongRoleIs403() throws Exception {
        String staff = createUser("STAFF");
        Answer answer = Http.get("/api/v1/admin/users", Http.basic(staff, PASSWORD));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().getString("detail")).contains("ADMIN");
        String accountant = createUser("ACCOUNTANT");
        assertThat(Http.post("/api/v1/admin/api-clients", "{\"name\":\"x\",\"role\":\"STAFF\"}",
                Http.basic(accountant, PASSWORD)).status()).isEqualTo(403);
    }

    @Test
    void passwordsAndKeysAreStoredOnlyAsHashes() throws Exception {
        String user = createUser("STAFF");
        Answer created = Http.post("/api/v1/admin/api-clients", "{\"name\":\"till 7\",\"role\":\"CHANNEL\",\"channel\":\"POS\"}",
                Http.admin());
        String key = created.json().getString("key");
        String id = created.json().getString("id");

        try (Connection c = TestServices.connect()) {
            String hash = single(c, "select password_hash from platform.app_user where username = ?", user);
            assertThat(hash).startsWith("pbkdf2-sha256$").doesNotContain(PASSWORD);
            String keyHash = single(c, "select key_hash from platform.api_client where id = ?::uuid", id);
            assertThat(keyHash).isEqualTo(sha256(key));
            String wholeRow = single(c, "select row_to_json(a)::text from platform.api_client a where id = ?::uuid", id);
            assertThat(wholeRow).doesNotContain(key);
        }
    }

    @Test
    void anApiKeyIsShownOnceAuthenticatesAndStopsWorkingWhenRevoked() throws Exception {
        Answer created = Http.post("/api/v1/admin/api-clients", "{\"name\":\"web shop\",\"role\":\"CHANNEL\",\"channel\":\"WEB\"}",
                Http.admin());
        assertThat(created.status()).isEqualTo(201);
        JsonObject client = created.json();
        assertThat(client.getString("role")).isEqualTo("CHANNEL");
        assertThat(client.getString("channel")).isEqualTo("WEB");
        String key = client.getString("key");
        assertThat(key).startsWith("qm_").hasSizeGreaterThan(40);

        Answer listed = Http.get("/api/v1/admin/api-clients", Http.admin());
        assertThat(listed.body()).contains(client.getString("id")).doesNotContain(key);

        // Authenticated (403, not 401): a CHANNEL client may not administer.
        assertThat(Http.get("/api/v1/admin/users", Http.bearer(key)).status()).isEqualTo(403);

        assertThat(Http.delete("/api/v1/admin/api-clients/" + client.getString("id"), Http.admin()).status()).isEqualTo(204);
        assertThat(Http.get("/api/v1/admin/users", Http.bearer(key)).status()).isEqualTo(401);
        assertThat(Http.delete("/api/v1/admin/api-clients/" + UUID.randomUUID(), Http.admin()).status()).isEqualTo(404);
    }

    @Test
    void invalidRequestsGet4xxProblemsThatNameTheFieldAndWriteNothing() throws Exception {
        String username = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        Answer shortPassword = Http.post("/api/v1/admin/users",
                "{\"username\":\"" + username + "\",\"password\":\"short\",\"roles\":[\"STAFF\"]}", Http.admin());
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.contentType()).startsWith("application/problem+json");
        assertThat(shortPassword.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("password");

        Answer noRoles = Http.post("/api/v1/admin/users",
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"roles\":[]}", Http.admin());
        assertThat(noRoles.status()).isEqualTo(400);
        assertThat(noRoles.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("roles");

        assertThat(Http.post("/api/v1/admin/users", "{\"username\":", Http.admin()).status()).isEqualTo(400);
        assertThat(Http.post("/api/v1/admin/users", null, Http.admin()).status()).isEqualTo(400);
        Answer unknownField = Http.post("/api/v1/admin/users", "{\"username\":\"" + username + "\",\"password\":\""
                + PASSWORD + "\",\"roles\":[\"STAFF\"],\"isRoot\":true}", Http.admin());
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().getString("detail")).contains("isRoot");
        assertThat(Http.post("/api/v1/admin/users", "{\"username\":\"" + username + "\",\"password\":\""
                + PASSWORD + "\",\"roles\":[\"CHANNEL\"]}", Http.admin()).status()).isEqualTo(400);

        Answer channelMissing = Http.post("/api/v1/admin/api-clients", "{\"name\":\"pos\",\"role\":\"CHANNEL\"}", Http.admin());
        assertThat(channelMissing.status()).isEqualTo(400);
        assertThat(channelMissing.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("channel");
        assertThat(Http.post("/api/v1/admin/api-clients", "{\"name\":\"x\",\"role\":\"STAFF\",\"channel\":\"WEB\"}",
                Http.admin()).status()).isEqualTo(400);

        try (Connection c = TestServices.connect()) {
            assertThat(single(c, "select count(*)::text from platform.app_user where username = ?", username)).isEqualTo("0");
        }

        createUser("STAFF", username);
        assertThat(Http.post("/api/v1/admin/users",
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"STAFF\"]}",
                Http.admin()).status()).isEqualTo(409);
    }

    @Test
    void unknownPathsAndMethodsAreProblemsToo() throws Exception {
        Answer missing = Http.get("/api/v1/no-such-thing", Http.admin());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(Http.delete("/api/v1/admin/users", Http.admin()).status()).isEqualTo(405);
    }

    @Test
    void healthAndOpenApiAreServed() throws Exception {
        Answer ready = Http.get("/health/ready", null);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body()).contains("database").contains("broker");
        assertThat(Http.get("/health/live", null).status()).isEqualTo(200);
        Answer openapi = Http.get("/openapi", null);
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body()).contains("/api/v1/admin/api-clients").contains("/api/v1/admin/dead-letters");
    }

    @Test
    void fiveWrongPasswordsBlockThatUsernameEvenForTheRightPasswordUntilAnAdminSetsANewOne() throws Exception {
        String target = createUser("STAFF");
        String bystander = createUser("STAFF");
        assertThat(Http.get("/api/v1/products", Http.basic(target, PASSWORD)).status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(Http.get("/api/v1/products", Http.basic(target, "guess-" + i)).status()).isEqualTo(401);
        }
        // After the fifth, even the right password is refused unchecked (the change below empties the
        // cache of recently verified passwords, so it really is checked against the throttle).
        Answer change = Http.put("/api/v1/admin/users/" + target, "{\"roles\":[\"STAFF\"],\"active\":true}", Http.admin());
        assertThat(change.status()).as(change.toString()).isEqualTo(200);
        assertThat(Http.get("/api/v1/products", Http.basic(target, PASSWORD)).status()).isEqualTo(401);
        assertThat(Http.get("/api/v1/products", Http.basic(bystander, PASSWORD)).status()).isEqualTo(200);

        // An administrator's new password lifts the block at once; the old password is gone.
        String fresh = "a-fresh-password-from-admin";
        Answer reset = Http.put("/api/v1/admin/users/" + target, "{\"roles\":[\"STAFF\"],\"active\":true,\"password\":\""
                + fresh + "\"}", Http.admin());
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        assertThat(reset.body()).doesNotContain(fresh);
        assertThat(Http.get("/api/v1/products", Http.basic(target, fresh)).status()).isEqualTo(200);
        assertThat(Http.get("/api/v1/products", Http.basic(target, PASSWORD)).status()).isEqualTo(401);
        assertThat(Http.put("/api/v1/admin/users/" + target, "{\"roles\":[\"STAFF\"],\"active\":true,\"password\":\"short\"}",
                Http.admin()).status()).isEqualTo(400);
    }

    @Test
    void aBlockedUsernameStaysBlockedEvenForAPasswordVerifiedAMomentAgo() throws Exception {
        String target = createUser("STAFF");
        // Verified once: the cache of recently verified passwords now holds it.
        assertThat(Http.get("/api/v1/products", Http.basic(target, PASSWORD)).status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(Http.get("/api/v1/products", Http.basic(target, "guess-" + i)).status()).isEqualTo(401);
        }
        assertThat(Http.get("/api/v1/products", Http.basic(target, PASSWORD)).status())
                .as("the throttle is asked before the cache").isEqualTo(401);
    }

    @Test
    void theCountOfWrongPasswordsIsWhereEveryInstanceSeesIt() throws Exception {
        String target = createUser("STAFF");
        assertThat(Http.get("/api/v1/products", Http.basic(target, "wrong-1")).status()).isEqualTo(401);
        assertThat(Http.get("/api/v1/products", Http.basic(target.toUpperCase() + " ", "wrong-2")).status()).isEqualTo(401);
        try (Connection c = TestServices.connect()) {
            assertThat(Long.parseLong(single(c, "select count(*) from platform.sign_in_failure where username_key = ?", target)))
                    .as("both failures, however the name was typed").isEqualTo(2);
            // Three more wrong passwords, as other instances would have recorded them.
            try (PreparedStatement s = c.prepareStatement("insert into platform.sign_in_failure (username_key) "
                    + "select ? from generate_series(1, 3)")) {
                s.setString(1, target);
                s.executeUpdate();
            }
        }
        assertThat(Http.get("/api/v1/products", Http.basic(target, PASSWORD)).status())
                .as("five failures across instances block this one too").isEqualTo(401);
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(Http.get("/api/v1/products", Http.basic(unknown, "x")).status()).isEqualTo(401);
        try (Connection c = TestServices.connect()) {
            assertThat(single(c, "select count(*) from platform.sign_in_failure where username_key = ?", unknown))
                    .as("unknown usernames are counted like known ones").isEqualTo("1");
        }
    }

    @Test
    void theLoginFormPostedWithAStaleOrForgedViewStateLandsOnTheExpiredPage() throws Exception {
        Answer login = Http.get("/login.xhtml", null);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").containsIgnoringCase("SameSite=Strict").contains("HttpOnly"));
        Answer forged = Http.postForm("/login.xhtml", java.util.Map.of("login", "login", "login:username", "admin",
                "login:password", "whatever", "login:signIn", "", "jakarta.faces.ViewState", "-4711:4711"));
        assertThat(forged.status()).as(forged.toString()).isEqualTo(302);
        assertThat(forged.header("Location")).endsWith("/errors/expired.xhtml");
        Answer page = Http.get("/errors/expired.xhtml", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Your page expired").contains("login.xhtml");
    }

    private static String createUser(String role) throws Exception {
        return createUser(role, role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static String createUser(String role, String username) throws Exception {
        Answer answer = Http.post("/api/v1/admin/users",
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"" + role + "\"]}",
                Http.admin());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.json().getString("username")).isEqualTo(username);
        assertThat(answer.body()).doesNotContain(PASSWORD);
        return username;
    }

    private static String single(Connection c, String sql, String parameter) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
