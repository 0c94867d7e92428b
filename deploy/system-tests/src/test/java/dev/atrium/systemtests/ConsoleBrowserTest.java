package dev.atrium.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.local.AdminClient;
import dev.atrium.local.Ports;
import io.restassured.response.Response;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console in a real Chromium (the system's, through its chromedriver): an admin signs in through
 * Keycloak, creates a workspace and a key whose secret is shown once, uses the key through the gateway and
 * sees the generation, the spend and the budget move, denies a model and sees explain refuse it, and signs
 * out; a member who is no admin sees only their workspace and no admin action. Screenshots of the main
 * pages go to docs/console/ (docs/console.md shows them).
 */
class ConsoleBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String MODEL = "openai/gpt-4o-mini";

    private static Ports ports;
    private static AdminClient admin;
    private static String org;
    private static String console;

    private WebDriver browser;
    private WebDriverWait wait;
    private Path profile;

    @BeforeAll
    static void stack() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String reason = "ConsoleBrowserTest skipped: no " + (Files.isExecutable(CHROMIUM) ? CHROMEDRIVER : CHROMIUM)
                    + " (apt-get install -y chromium chromium-driver; README, Browser tests)";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        ports = SharedStack.ports();
        admin = AdminClient.login(SharedStack.get().keycloakUrl());
        org = Tenants.organization(admin, "console");
        Tenants.credit(admin, org, 10);
        console = SharedStack.url(ports.console(), "");
    }

    @BeforeEach
    void open() throws IOException {
        profile = Files.createTempDirectory("atrium-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }

    @Test
    void anAdminRunsAWorkspaceFromSignInToSignOut() {
        signIn(AdminClient.USERNAME, AdminClient.PASSWORD);
        screenshot("home");
        field(By.id("org-id")).sendKeys(org);
        submit(By.id("org-id"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("credit-balance")));
        assertThat(text("credit-balance")).isEqualTo("$10.00");
        assertThat(text("month-spend")).isEqualTo("$0.00");

        // A workspace, created through the form.
        String slug = "web-" + UUID.randomUUID().toString().substring(0, 6);
        field(By.id("ws-name")).sendKeys("Web shop");
        field(By.id("ws-slug")).sendKeys(slug);
        submit(By.id("ws-slug"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Web shop"));
        String ws = browser.getCurrentUrl().replaceAll(".*/workspaces/", "");
        Tenants.awaitGuardrailKnows(admin, ws);
        Tenants.awaitGuardrailCredits(org, ws);

        // A monthly budget of $5, so the bar has something to fill.
        browser.navigate().refresh();
        field(By.id("monthly-budget")).sendKeys("5");
        submit(By.id("monthly-budget"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("budget-workspace-monthly")));
        assertThat(text("budget-workspace-monthly")).contains("limit $5.00").contains("spent $0.00");

        // A key: its secret is on the answer page once, and nowhere after.
        field(By.id("key-name")).sendKeys("checkout");
        field(By.id("key-limit")).sendKeys("2");
        new org.openqa.selenium.support.ui.Select(field(By.id("key-reset"))).selectByVisibleText("monthly");
        submit(By.id("key-name"));
        WebElement secretField = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("secret")));
        String secret = secretField.getDomAttribute("value");
        assertThat(secret).isNotBlank().hasSizeGreaterThan(20);
        browser.findElement(By.id("copy-secret")).click();
        screenshot("key-created");
        browser.findElement(By.id("back-to-workspace")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("keys")));
        assertThat(text("keys")).contains("checkout").contains("$2").contains("monthly").contains(secret.substring(secret.length() - 4));
        assertThat(browser.getPageSource()).doesNotContain(secret);

        // The key at work through the gateway.
        String generation = chat(secret);

        // Usage: the generation and its spend, once billing has them.
        browser.get(console + "/workspaces/" + ws + "/usage");
        // The page reads its tables with parallel calls to billing, so a refresh in the moment the generation is
        // booked may count it in one table and not yet in another: wait until every table has it.
        eventually("the usage page counts the request", () -> {
            browser.navigate().refresh();
            return text("usage-requests").equals("1") && !text("usage-by-model").contains("No usage")
                    && !text("usage-by-key").contains("No usage") && !text("usage-by-provider").contains("No usage");
        });
        assertThat(text("usage-by-model")).contains(MODEL);
        assertThat(text("usage-by-key")).contains("checkout");
        assertThat(amount("charged " + text("usage-charged"), "charged")).isPositive();
        assertThat(text("usage-by-provider")).contains("$");
        assertThat(browser.findElements(By.cssSelector("#usage-by-provider tbody tr"))).hasSize(1);
        field(By.id("generation")).sendKeys(generation);
        submit(By.id("generation"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("generation-detail")));
        assertThat(text("generation-detail")).contains(generation).contains(MODEL);
        screenshot("usage");

        // The generations log lists it, filtered by model and key, and links to its detail.
        browser.findElement(By.id("generations-link")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("generations")));
        assertThat(text("generations")).contains(generation).contains(MODEL).contains("checkout");
        field(By.id("filter-model")).sendKeys("anthropic/claude-3.5-haiku");
        submit(By.id("filter-model"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("generations"), "No generations match"));
        field(By.id("filter-model")).clear();
        field(By.id("filter-model")).sendKeys(MODEL);
        new org.openqa.selenium.support.ui.Select(field(By.id("filter-key"))).selectByVisibleText("checkout");
        submit(By.id("filter-model"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("generations"), generation));
        screenshot("generations");
        browser.findElement(By.linkText(generation)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("generation-detail")));
        assertThat(text("generation-detail")).contains(generation);

        // The budget bar has moved.
        browser.get(console + "/workspaces/" + ws);
        eventually("the workspace budget shows the spend", () -> {
            browser.navigate().refresh();
            return amount(text("budget-workspace-monthly"), "spent").signum() > 0;
        });
        assertThat(amount(text("budget-workspace-monthly"), "left")).isLessThan(new BigDecimal("5"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block: 'center'})", browser.findElement(By.id("budget-workspace-monthly")));
        screenshot("workspace");

        // Deny the model, and explain says so.
        field(By.id("ignored-models")).sendKeys(MODEL);
        submit(By.id("ignored-models"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("effective-policy"), MODEL));
        browser.get(console + "/explain");
        field(By.id("api-key")).sendKeys(secret);
        submit(By.id("api-key"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verdict-text")));
        assertThat(text("verdict-text")).startsWith("Refused").contains(MODEL);
        screenshot("explain");

        // A preset, created in the console, and its second version.
        browser.get(console + "/workspaces/" + ws + "/presets");
        field(By.id("preset-slug")).sendKeys("support");
        field(By.id("preset-model")).sendKeys(MODEL);
        field(By.id("preset-prompt")).sendKeys("Be brief.");
        field(By.id("preset-parameters")).clear();
        field(By.id("preset-parameters")).sendKeys("{\"temperature\": 0.2}");
        submit(By.id("preset-slug"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("presets"), "support@1"));
        field(By.id("preset-prompt")).clear();
        field(By.id("preset-prompt")).sendKeys("Be thorough.");
        submit(By.id("preset-slug"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("presets"), "support@2"));
        assertThat(text("preset-versions")).contains("support@2").contains("Be thorough.").contains("support@1")
                .contains("Be brief.");
        screenshot("presets");

        // A provider key (BYOK), shown masked, then removed.
        browser.get(console + "/workspaces/" + ws);
        String providerKey = "sk-proj-console-" + UUID.randomUUID().toString().substring(0, 8) + "9876";
        field(By.id("byok-provider")).sendKeys("openai");
        field(By.id("byok-key")).sendKeys(providerKey);
        browser.findElement(By.id("byok-fallback")).click();
        submit(By.id("byok-provider"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("byok"), "****9876"));
        assertThat(text("byok")).contains("openai").contains("fallback");
        assertThat(browser.getPageSource()).doesNotContain(providerKey);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.confirm = () => true;");
        browser.findElement(By.cssSelector("#byok button[aria-label='Remove the openai key']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("byok"), "None"));

        // The organization page counts the spend too.
        browser.get(console + "/organizations/" + org);
        assertThat(amount("spent " + text("month-spend"), "spent")).isPositive();
        assertThat(text("workspaces")).contains("Web shop");
        KeycloakUsers.User accountant = KeycloakUsers.create("console-accountant");
        given().header("Authorization", "Bearer " + admin.token()).contentType("application/json")
                .body(Map.of("roles", List.of("billing")))
                .put(SharedStack.url(ports.workspace(), "/api/v1/organizations/" + org + "/members/" + accountant.id()))
                .then().statusCode(200);
        browser.navigate().refresh();
        assertThat(text("org-members")).contains(accountant.id()).contains("billing");
        KeycloakUsers.delete(accountant);
        screenshot("organization");

        // A management key: its secret shown once, listed without it, then revoked.
        String keyName = "automation-" + UUID.randomUUID().toString().substring(0, 6);
        field(By.id("mk-name")).sendKeys(keyName);
        submit(By.id("mk-name"));
        String managementSecret = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("secret")))
                .getDomAttribute("value");
        assertThat(managementSecret).isNotBlank().hasSizeGreaterThan(20);
        screenshot("management-key-created");
        browser.findElement(By.id("back-to-organization")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("management-keys")));
        assertThat(text("management-keys")).contains(keyName)
                .contains(managementSecret.substring(managementSecret.length() - 4));
        assertThat(browser.getPageSource()).doesNotContain(managementSecret);
        assertThat(managementKeyNames()).contains(keyName);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.confirm = () => true;");
        browser.findElement(By.cssSelector("#management-keys button[aria-label='Revoke " + keyName + "']")).click();
        wait.until(ExpectedConditions.not(
                ExpectedConditions.textToBePresentInElementLocated(By.id("management-keys"), keyName)));
        assertThat(text("management-keys")).doesNotContain(keyName);
        assertThat(managementKeyNames()).doesNotContain(keyName);

        // Every page within 300 ms of server time: the median of five loads after two warm-ups (Server-Timing).
        String explainForm = "api_key=" + java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8)
                + "&request=" + java.net.URLEncoder.encode(MODEL_REQUEST, java.nio.charset.StandardCharsets.UTF_8);
        Map<String, Double> medians = new java.util.LinkedHashMap<>();
        for (String page : List.of("/organizations/" + org, "/workspaces/" + ws, "/workspaces/" + ws + "/usage",
                "/workspaces/" + ws + "/generations", "/workspaces/" + ws + "/presets", "/admin", "/explain")) {
            medians.put(page, medianServerTime(page, page.equals("/explain") ? explainForm : null));
        }
        System.out.println("[console] median server time per page (ms): " + medians);
        assertThat(medians).allSatisfy((page, millis) -> assertThat(millis).as(page).isLessThanOrEqualTo(300.0));

        browser.get(console + "/admin");
        assertThat(text("catalog")).contains(MODEL);
        screenshot("platform");

        // Sign out: the session ends, and the console asks for a sign-in again.
        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-out")));
        browser.get(console + "/organizations/" + org);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).startsWith(SharedStack.get().keycloakUrl());
    }

    @Test
    void aMemberSeesOnlyTheirWorkspaceAndNoAdminAction() {
        String mine = Tenants.workspace(admin, org, "team-" + UUID.randomUUID().toString().substring(0, 6));
        String other = Tenants.workspace(admin, org, "other-" + UUID.randomUUID().toString().substring(0, 6));
        KeycloakUsers.User member = KeycloakUsers.create("console-member");
        try {
            given().header("Authorization", "Bearer " + admin.token()).contentType("application/json")
                    .body(Map.of("role", "member"))
                    .put(SharedStack.url(ports.workspace(), "/api/v1/workspaces/" + mine + "/members/" + member.id()))
                    .then().statusCode(200);

            signIn(member.username(), member.password());
            // One organization in the token: the console opens it.
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("workspaces")));
            assertThat(browser.getCurrentUrl()).endsWith("/organizations/" + org);
            List<String> links = browser.findElements(By.cssSelector("#workspaces a")).stream()
                    .map(a -> a.getDomAttribute("href")).toList();
            assertThat(links).containsExactly("/workspaces/" + mine);
            assertThat(browser.findElements(By.id("create-workspace"))).isEmpty();
            assertThat(browser.findElements(By.id("create-management-key"))).isEmpty();
            assertThat(browser.findElements(By.id("nav-admin"))).isEmpty();
            screenshot("member-organization");

            browser.get(console + "/workspaces/" + mine);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("keys")));
            assertThat(browser.findElements(By.id("create-key"))).isEmpty();
            assertThat(browser.findElements(By.id("guardrails-form"))).isEmpty();
            assertThat(browser.findElements(By.cssSelector("#keys button"))).isEmpty();

            browser.get(console + "/workspaces/" + other);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-message")));
            // The workspace API does not say whether a workspace the caller may not see exists.
            assertThat(text("error-message")).contains("not found").contains("404");
        } finally {
            KeycloakUsers.delete(member);
        }
    }

    private static final String MODEL_REQUEST = "{\"model\":\"" + MODEL + "\",\"max_tokens\":16,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";

    /**
     * The median server time of a page (its Server-Timing), loaded seven times in the signed-in browser; the
     * first two warm the connections up and are not counted. A form body makes it a POST.
     */
    private double medianServerTime(String page, String form) {
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        List<Double> times = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String answer = String.valueOf(((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "const init = arguments[1] ? {method: 'POST', body: arguments[1], headers:"
                            + " {'Content-Type': 'application/x-www-form-urlencoded'}} : {};"
                            + "fetch(arguments[0], init).then(r => done(r.status + ' ' + r.headers.get('Server-Timing')))"
                            + ".catch(e => done('failed ' + e));", page, form));
            Matcher m = Pattern.compile("^200 page;dur=([0-9.]+)$").matcher(answer);
            assertThat(m.matches()).as("%s answered %s", page, answer).isTrue();
            if (i >= 2) {
                times.add(Double.parseDouble(m.group(1)));
            }
        }
        java.util.Collections.sort(times);
        return times.get(times.size() / 2);
    }

    /** The organization's management keys as workspace-service lists them to its admins. */
    private static List<String> managementKeyNames() {
        return given().header("Authorization", "Bearer " + admin.token())
                .get(SharedStack.url(ports.workspace(), "/api/v1/organizations/" + org + "/management-keys"))
                .then().statusCode(200).extract().jsonPath().getList("data.name", String.class);
    }

    private void signIn(String username, String password) {
        browser.get(console + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in-as")));
        assertThat(text("signed-in-as")).isEqualTo(username);
    }

    /** A chat completion through the gateway with the key; its generation id. Retries while the key is new. */
    private static String chat(String key) {
        Map<String, Object> body = Map.of("model", MODEL, "max_tokens", 16,
                "messages", List.of(Map.of("role", "user", "content", "Hello from the console test")));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Response answer;
        do {
            answer = given().header("Authorization", "Bearer " + key).contentType("application/json").body(body)
                    .post(SharedStack.url(ports.gateway(), "/api/v1/chat/completions"));
        } while (answer.statusCode() != 200 && System.nanoTime() < deadline && pause());
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
        return answer.jsonPath().getString("id");
    }

    private static boolean pause() {
        try {
            Thread.sleep(300);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void eventually(String what, Supplier<Boolean> check) {
        new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(500)).withMessage(what)
                .until(driver -> check.get());
    }

    private WebElement field(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Submits the form the field is in, as pressing Enter there would. */
    private void submit(By field) {
        WebElement element = browser.findElement(field);
        element.findElement(By.xpath("ancestor::form//button[@type='submit']")).click();
    }

    /** The dollar amount after {@code label} in a text like "spent $0.00000852, held $0.00". */
    private static BigDecimal amount(String text, String label) {
        Matcher m = Pattern.compile(label + " \\$([0-9.]+)").matcher(text);
        assertThat(m.find()).as("%s in %s", label, text).isTrue();
        return new BigDecimal(m.group(1));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText().trim();
    }

    /** A screenshot for docs/console.md, with the server time the page took (its Server-Timing header). */
    private void screenshot(String name) {
        Object serverTime = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "const n = performance.getEntriesByType('navigation')[0];"
                        + "const t = n && n.serverTiming.find(e => e.name === 'page'); return t ? t.duration : null;");
        System.out.printf("[console] %-20s %s ms server time%n", name, serverTime);
        Path root = Path.of(System.getProperty("atrium.root", "../..")).toAbsolutePath().normalize();
        Path file = root.resolve("docs/console").resolve(name + ".png");
        try {
            Files.createDirectories(file.getParent());
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write " + file, e);
        }
    }
}
