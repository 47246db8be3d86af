package dev.assay.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.server.AssayServer;
import dev.assay.server.dashboard.ContractFixtureFeature.Captured;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in headless Chromium against {@link ContractFixtureFeature}: what the pages show for
 * contract-shaped data, what they send, and that attacker-controlled names stay text.
 */
class DashboardBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERSION_PAGE = "#/projects/shop/versions/1.2";

    private static Browser browser;
    private static AssayServer server;
    private static ContractFixtureFeature api;

    /** Console errors a test provokes on purpose (the browser logs every failed load). */
    private final List<String> expectedConsoleErrors = new ArrayList<>();

    @BeforeAll
    static void start() {
        browser = Browser.start();
        api = new ContractFixtureFeature();
        server = AssayServer.builder()
                .bind("127.0.0.1")
                .port(0)
                .insecureHttp()
                .feature(new DashboardFeature())
                .feature(api)
                .build()
                .start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void reset() {
        api.reset();
        browser.consoleErrors();
    }

    @AfterEach
    void noUnexpectedConsoleErrors() {
        List<String> unexpected = browser.consoleErrors().stream()
                .filter(message -> expectedConsoleErrors.stream().noneMatch(message::contains))
                .toList();
        assertThat(unexpected).as("console errors").isEmpty();
    }

    /** Opens a dashboard address with a key already in session storage. */
    private void openAs(String key, String fragment, String route) {
        // A same-origin document that runs no script, so no page calls the API with an earlier test's key.
        browser.open(server.url() + "/favicon.svg");
        browser.script("sessionStorage.clear(); sessionStorage.setItem('assay.apiKey', arguments[0]);", key);
        browser.open(server.url() + "/" + fragment);
        browser.waitForPage(route);
    }

    private String text(String css) {
        return browser.find(css).getText();
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void noKey_promptsForIt_andUsesItAsBearerToken() {
        browser.open(server.url() + "/favicon.svg");
        browser.script("sessionStorage.clear()");
        browser.open(server.url() + "/#/");
        browser.waitForPage("key");

        assertThat(browser.find("label[for=key-input]").getText()).isEqualTo("API key");
        assertThat(browser.find("#main").isDisplayed()).isFalse();
        assertThat(browser.find("#forget-key").isDisplayed()).isFalse();
        browser.find("#key-input").sendKeys(ContractFixtureFeature.FULL_KEY);
        browser.find("#key-form button[type=submit]").click();
        browser.waitForPage("overview");

        assertThat(api.requests("GET", "/api/v1/overview"))
                .extracting(Captured::authorization)
                .containsExactly("Bearer " + ContractFixtureFeature.FULL_KEY);
        assertThat(browser.script("return sessionStorage.getItem('assay.apiKey')"))
                .isEqualTo(ContractFixtureFeature.FULL_KEY);
        assertThat(api.requests())
                .allSatisfy(request ->
                        assertThat(request.authorization()).isEqualTo("Bearer " + ContractFixtureFeature.FULL_KEY));
    }

    @Test
    void overview_drawsHistoryAndTopComponentsAndShowsTotalsKevAndStaleDatabase() {
        openAs(ContractFixtureFeature.FULL_KEY, "#/", "overview");

        // Five days, four severities: an area per severity and a point per day and severity.
        assertThat(browser.findAll("#history-chart svg path.area")).hasSize(4);
        assertThat(browser.findAll("#history-chart svg circle.point")).hasSize(20);
        assertThat(browser.attribute(
                        "#history-chart circle.point[data-severity=high][data-date='2026-12-03']", "data-value"))
                .isEqualTo("4");
        assertThat(browser.findAll("#top-components svg rect.bar")).hasSize(3);
        assertThat(browser.findAll("#top-components svg g.bar-row").stream()
                        .map(row -> row.getDomAttribute("data-value"))
                        .toList())
                .containsExactly("3", "2", "1");
        assertThat(browser.findAll("#top-components svg text.bar-value").stream()
                        .map(WebElement::getText)
                        .toList())
                .containsExactly("3 versions · 6 findings", "2 versions · 2 findings", "1 version · 1 finding");
        assertThat(barWidth(0)).isGreaterThan(barWidth(1));
        assertThat(barWidth(1)).isGreaterThan(barWidth(2));
        assertThat(browser.find("#top-components svg a").getDomAttribute("href"))
                .isEqualTo("#/impact?purl=pkg%3Amaven%2Forg.apache.logging.log4j%2Flog4j-core");
        assertThat(text("li.total[data-severity=critical] .total-count")).isEqualTo("2");
        assertThat(text("li.total[data-severity=medium] .total-count")).isEqualTo("5");
        WebElement stale = browser.find("#advisories");
        assertThat(stale.getDomAttribute("class")).contains("stale");
        assertThat(stale.getDomAttribute("role")).isEqualTo("alert");
        assertThat(stale.getText()).startsWith("Stale advisory database:").contains("4.1 days");
        assertThat(text("#kev table tbody"))
                .contains("CVE-2021-44228")
                .contains("shop")
                .contains("1.2");
        assertThat(browser.findAll("#projects table th[scope=col]")).hasSize(5);
    }

    private double barWidth(int index) {
        return Double.parseDouble(
                browser.findAll("#top-components svg rect.bar").get(index).getDomAttribute("width"));
    }

    @Test
    void links_leadFromOverviewToProjectToVersion_andDeepLinksOpenDirectly() {
        openAs(ContractFixtureFeature.FULL_KEY, "#/", "overview");

        browser.find("#projects a[href='#/projects/shop']").click();
        browser.waitForPage("project");
        assertThat(browser.findAll("main table tbody tr")).hasSize(2);
        assertThat(text("main table tbody tr:first-child"))
                .contains("1.2")
                .contains("prod")
                .contains("eu-west");
        assertThat(browser.find("main table code.digest").getDomAttribute("title"))
                .isEqualTo("sha256:4b825dc642cb6eb9a060e54bf8d69288fbee4904f8a9b1c2d3e4f5a6b7c8d9e0");
        assertThat(browser.findAll("#versions-chart svg g.column")).hasSize(2);
        assertThat(browser.findAll("#versions-chart svg g.column[data-label='1.1'] rect.segment"))
                .hasSize(3);

        browser.find("main table a[href='" + VERSION_PAGE + "']").click();
        browser.waitForPage("version");
        assertThat(browser.script("return location.hash")).isEqualTo(VERSION_PAGE);
        assertThat(browser.findAll("tr.finding")).hasSize(3);

        browser.open(server.url() + "/ui/some/deep/link" + "#/projects/shop");
        browser.waitForPage("project");
        browser.open(server.url() + "/" + VERSION_PAGE);
        browser.waitForPage("version");
        assertThat(text("main h1")).isEqualTo("shop 1.2");
    }

    @Test
    void versionPage_showsSeverityKevEpssPathsFixesAndAnalysis() {
        openAs(ContractFixtureFeature.FULL_KEY, VERSION_PAGE, "version");

        assertThat(browser.findAll("tr.finding").stream()
                        .map(row -> row.getDomAttribute("data-finding"))
                        .toList())
                .as("open findings by severity first, suppressed last")
                .containsExactly("17", "18", "19");
        String log4shell = "tr[data-finding='17'] ";
        assertThat(text(log4shell + ".badge[data-severity]")).isEqualToIgnoringCase("critical");
        assertThat(text(log4shell + ".badge.kev")).isEqualTo("KEV");
        assertThat(text(log4shell)).contains("97.0%").contains("10.0").contains("2.17.1");
        assertThat(text(log4shell + ".path"))
                .isEqualTo("pkg:maven/com.example/shop@1.2 › pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
        assertThat(browser.findAll("tr[data-finding='18'] .badge.kev")).isEmpty();
        assertThat(text("tr[data-finding='18'] details.more-paths summary")).isEqualTo("1 more path");
        assertThat(browser.find("tr[data-finding='19']").getDomAttribute("class"))
                .contains("suppressed");
        assertThat(text("tr[data-finding='19'] .analysis"))
                .containsIgnoringCase("suppressed")
                .contains("not affected")
                .contains("vulnerable code not in execute path")
                .contains("Thread Context lookups are not used")
                .contains("alice");
        assertThat(text("#open-counts")).contains("1 C").contains("1 H");
        assertThat(browser.findAll("#findings table th[scope=col]")).hasSize(8);
    }

    @Test
    void componentFilter_asksTheApiAndShowsTheMatches() {
        openAs(ContractFixtureFeature.FULL_KEY, VERSION_PAGE, "version");
        assertThat(browser.findAll("#components-table tbody tr")).hasSize(3);

        browser.find("#component-filter").sendKeys("log4j");
        browser.waitUntil(
                driver -> browser.findAll("#components-table tbody tr").size() == 1);

        assertThat(text("#components-table tbody tr"))
                .contains("log4j-core")
                .contains("2.14.1")
                .contains("direct");
        assertThat(api.requests("GET", "/api/v1/projects/shop/versions/1.2/components"))
                .extracting(Captured::query)
                .contains(Map.of("offset", List.of("0"), "limit", List.of("100"), "q", List.of("log4j")));
        assertThat(text("#components-status")).isEqualTo("Components 1–1 of 1");
    }

    @Test
    void triage_oneFinding_postsTheContractBody_andTheFindingShowsSuppressed() throws Exception {
        openAs(ContractFixtureFeature.FULL_KEY, VERSION_PAGE, "version");

        browser.find("button.triage-button[data-finding='17']").click();
        assertThat(browser.find("#scope-finding").isSelected()).isTrue();
        new Select(browser.find("#triage-state")).selectByValue("not_affected");
        new Select(browser.find("#triage-justification")).selectByValue("vulnerable_code_not_in_execute_path");
        browser.find("#triage-comment").sendKeys("JNDI lookups disabled by log4j2.formatMsgNoLookups");
        browser.find("#triage-submit").click();
        browser.waitUntil(
                driver -> browser.findAll("tr[data-finding='17'].suppressed").size() == 1);

        List<Captured> posts = api.requests("POST", "/api/v1/triage");
        assertThat(posts).hasSize(1);
        assertThat(posts.getFirst().json()).isEqualTo(json("""
                {"vulnerability": "CVE-2021-44228", "scope": "finding", "state": "not_affected", "findingId": 17,
                 "justification": "vulnerable_code_not_in_execute_path",
                 "comment": "JNDI lookups disabled by log4j2.formatMsgNoLookups"}"""));
        assertThat(posts.getFirst().authorization()).isEqualTo("Bearer " + ContractFixtureFeature.FULL_KEY);
        assertThat(text("tr[data-finding='17'] .analysis"))
                .containsIgnoringCase("suppressed")
                .contains("not affected")
                .contains("JNDI lookups disabled");
        assertThat(text("#notice")).contains("Recorded not affected for CVE-2021-44228");
        assertThat(text("#open-counts")).contains("0 C").contains("1 H");

        browser.find("button.triage-button[data-finding='17']").click();
        browser.waitUntil(
                driver -> browser.findAll("#triage-history ol.history li").size() == 1);
        assertThat(text("#triage-history li"))
                .contains("not affected")
                .contains("JNDI lookups disabled")
                .contains("fixture-user");
    }

    @Test
    void everyFormControl_hasALabel_andEveryTableColumnHeaders() {
        openAs(ContractFixtureFeature.FULL_KEY, "#/", "overview");
        for (String page : List.of(
                "#/",
                "#/projects/shop",
                VERSION_PAGE,
                "#/vulnerabilities/CVE-2021-44228",
                "#/impact?purl=pkg%3Amaven%2Fx")) {
            browser.open(server.url() + "/" + page);
            browser.waitUntil(driver -> "ready".equals(browser.attribute("body", "data-state")));
            if (page.equals(VERSION_PAGE)) {
                browser.find("button.triage-button[data-finding='17']").click();
                browser.find("#triage-form");
            }
            assertThat(browser.script("return [...document.querySelectorAll('input, select, textarea')]"
                            + ".filter(control => control.type !== 'hidden' && control.labels.length === 0"
                            + " && !control.getAttribute('aria-label')).map(control => control.id || control.name)"))
                    .as("unlabelled controls on %s", page)
                    .isEqualTo(List.of());
            assertThat(browser.script("return [...document.querySelectorAll('table')]"
                            + ".filter(table => table.querySelectorAll('thead th[scope=col]').length === 0).length"))
                    .as("tables without column headers on %s", page)
                    .isEqualTo(0L);
            assertThat(browser.script("return document.querySelectorAll('svg.chart[role=img] > title').length"
                            + " === document.querySelectorAll('svg.chart').length"))
                    .as("charts without a title on %s", page)
                    .isEqualTo(true);
        }
    }

    @Test
    void triage_projectAndPurlScopes_sendTheFieldsOfTheirScope() throws Exception {
        openAs(ContractFixtureFeature.FULL_KEY, VERSION_PAGE, "version");

        browser.find("button.triage-button[data-finding='17']").click();
        browser.find("#scope-project").click();
        new Select(browser.find("#triage-state")).selectByValue("under_investigation");
        assertThat(browser.find("#triage-justification").isEnabled()).isFalse();
        browser.find("#triage-submit").click();
        browser.waitUntil(driver -> api.requests("POST", "/api/v1/triage").size() == 1);
        browser.waitUntil(driver -> browser.findAll("tr[data-finding='17'] .state[data-state=under_investigation]")
                        .size()
                == 1);

        browser.find("button.triage-button[data-finding='17']").click();
        browser.find("#scope-purl").click();
        new Select(browser.find("#triage-state")).selectByValue("fixed");
        browser.find("#triage-range").sendKeys("vers:maven/<2.17.1");
        browser.find("#triage-submit").click();
        browser.waitUntil(driver -> api.requests("POST", "/api/v1/triage").size() == 2);

        List<Captured> posts = api.requests("POST", "/api/v1/triage");
        assertThat(posts.get(0).json()).isEqualTo(json("""
                {"vulnerability": "CVE-2021-44228", "scope": "project", "state": "under_investigation",
                 "project": "shop"}"""));
        assertThat(posts.get(1).json()).isEqualTo(json("""
                {"vulnerability": "CVE-2021-44228", "scope": "purl", "state": "fixed",
                 "purl": "pkg:maven/org.apache.logging.log4j/log4j-core", "range": "vers:maven/<2.17.1"}"""));
    }

    @Test
    void triage_notAffectedWithoutJustification_isNotSent() throws Exception {
        openAs(ContractFixtureFeature.FULL_KEY, VERSION_PAGE, "version");

        browser.find("button.triage-button[data-finding='18']").click();
        new Select(browser.find("#triage-state")).selectByValue("not_affected");
        browser.find("#triage-submit").click();
        assertThat(browser.script("return document.getElementById('triage-justification').validity.valueMissing"))
                .isEqualTo(true);
        new Select(browser.find("#triage-justification")).selectByValue("component_not_present");
        browser.find("#triage-submit").click();
        browser.waitUntil(
                driver -> browser.findAll("tr[data-finding='18'].suppressed").size() == 1);

        assertThat(api.requests("POST", "/api/v1/triage"))
                .singleElement()
                .satisfies(post ->
                        assertThat(post.json().get("justification").asText()).isEqualTo("component_not_present"));
    }

    @Test
    void triage_keyWithoutTriageScope_explainsThe403() {
        expectedConsoleErrors.add("status of 403");
        openAs(ContractFixtureFeature.READ_KEY, VERSION_PAGE, "version");

        browser.find("button.triage-button[data-finding='17']").click();
        new Select(browser.find("#triage-justification")).selectByValue("inline_mitigations_already_exist");
        browser.find("#triage-submit").click();

        WebElement error = browser.find("#triage-error:not([hidden])");
        assertThat(error.getText())
                .contains("403")
                .contains("the key lacks the triage scope")
                .contains("triage scope");
        assertThat(browser.findAll("tr.finding.suppressed")).hasSize(1);
    }

    @Test
    void htmlInNamesAndSummaries_isShownAsText() {
        openAs(ContractFixtureFeature.FULL_KEY, "#/", "overview");
        assertThat(text("#projects table tbody")).contains("<img src=x onerror=\"window.__pwned=3\">");
        assertThat(browser.findAll("#top-components svg text.bar-label").get(2).getText())
                .startsWith("pkg:pypi/<img src=x");

        browser.open(server.url() + "/" + VERSION_PAGE);
        browser.waitForPage("version");
        assertThat(text("tr[data-finding='18'] .component-name")).isEqualTo("<img src=x onerror=\"window.__pwned=1\">");
        assertThat(text("tr[data-finding='18'] .summary-text"))
                .isEqualTo("<script>window.__pwned=2</script> prototype pollution");
        assertThat(text("#components-table tbody")).contains("<b>bold</b>");
        assertNothingInjected();

        browser.open(server.url() + "/#/");
        browser.waitForPage("overview");
        browser.find("#projects a[href^='#/projects/%3Cimg']").click();
        browser.waitForPage("project");
        assertThat(text("main h1")).isEqualTo("Project <img src=x onerror=\"window.__pwned=3\">");

        browser.open(server.url() + "/#/vulnerabilities/CVE-2021-44228");
        browser.waitForPage("vulnerability");
        assertThat(text("#vulnerability-summary")).endsWith("<i>Log4Shell</i>");
        assertNothingInjected();
    }

    @Test
    void failingEndpoint_showsWhatIsMissing_andTheRestOfThePage() {
        expectedConsoleErrors.add("status of 500");
        api.breakEndpoint("/api/v1/overview");
        api.breakEndpoint("/api/v1/projects/shop/versions/1.2/findings");

        openAs(ContractFixtureFeature.FULL_KEY, "#/", "overview");
        assertThat(text("#overview-error"))
                .isEqualTo("The portfolio summary could not be loaded (500: broken on purpose by the test).");
        assertThat(browser.findAll("#projects table tbody tr")).hasSize(2);

        browser.open(server.url() + "/" + VERSION_PAGE);
        browser.waitForPage("version");
        assertThat(text("#findings-error")).contains("The findings could not be loaded (500");
        assertThat(browser.findAll("#components-table tbody tr")).hasSize(3);
    }

    @Test
    void contentSecurityPolicy_isEnforced_markupStringsFail() {
        expectedConsoleErrors.add("Trusted");
        openAs(ContractFixtureFeature.FULL_KEY, "#/", "overview");

        Object markup =
                browser.script("try { document.getElementById('notice').innerHTML = '<b>x</b>'; return 'assigned'; }"
                        + " catch (e) { return e.name; }");

        assertThat(markup).isEqualTo("TypeError");
        assertThat(browser.findAll("#notice b")).isEmpty();
    }

    private void assertNothingInjected() {
        assertThat(browser.script("return typeof window.__pwned")).isEqualTo("undefined");
        assertThat(browser.findAll("main img, main script, main b, main i")).isEmpty();
    }

    @Test
    void revokedKey_401_asksForTheKeyAgain() {
        expectedConsoleErrors.add("status of 401");
        openAs(ContractFixtureFeature.FULL_KEY, "#/", "overview");

        api.revokeKeys();
        browser.find("#projects a[href='#/projects/shop']").click();
        browser.waitForPage("key");

        assertThat(browser.find("#key-prompt").isDisplayed()).isTrue();
        assertThat(text("#key-message")).contains("refused the API key").contains("401");
        assertThat(browser.script("return sessionStorage.getItem('assay.apiKey')"))
                .isNull();
        assertThat(browser.find("#main").isDisplayed()).isFalse();
    }

    @Test
    void search_byPurlAndRange_showsImpact_andByAliasShowsTheVulnerability() {
        expectedConsoleErrors.add("status of 404");
        openAs(ContractFixtureFeature.FULL_KEY, "#/", "overview");

        browser.find("#search-input").sendKeys("pkg:maven/org.apache.logging.log4j/log4j-core vers:maven/<2.17.1");
        browser.find("#search-form button[type=submit]").click();
        browser.waitForPage("impact");
        assertThat(api.requests("GET", "/api/v1/impact"))
                .extracting(Captured::query)
                .containsExactly(Map.of(
                        "purl", List.of("pkg:maven/org.apache.logging.log4j/log4j-core"),
                        "range", List.of("vers:maven/<2.17.1")));
        assertThat(text("#affected table tbody"))
                .contains("shop")
                .contains("1.2")
                .contains("prod");
        assertThat(text("#impact-timing")).isEqualTo("1 affected project version, answered in 3 ms");

        browser.find("#search-input").clear();
        browser.find("#search-input").sendKeys("GHSA-jfh8-c2jp-5v3q");
        browser.find("#search-form button[type=submit]").click();
        browser.waitForPage("vulnerability");
        assertThat(text("main h1")).startsWith("CVE-2021-44228");
        assertThat(browser.findAll("#affected table tbody tr")).hasSize(2);
        assertThat(api.requests("GET", "/api/v1/vulnerabilities/GHSA-jfh8-c2jp-5v3q"))
                .hasSize(1);

        browser.find("#search-input").clear();
        browser.find("#search-input").sendKeys("CVE-1999-0001");
        browser.find("#search-form button[type=submit]").click();
        browser.waitForPage("not-found");
        assertThat(text("#page-error")).contains("/api/v1/vulnerabilities/CVE-1999-0001");
    }

    @Test
    void vexLinks_downloadTheDocumentsWithTheKey() {
        openAs(ContractFixtureFeature.FULL_KEY, VERSION_PAGE, "version");

        browser.find("#vex-openvex").click();
        browser.waitUntil(driver ->
                !api.requests("GET", "/api/v1/projects/shop/versions/1.2/vex").isEmpty());
        browser.find("#vex-cyclonedx").click();
        browser.waitUntil(driver ->
                api.requests("GET", "/api/v1/projects/shop/versions/1.2/vex").size() == 2);

        assertThat(api.requests("GET", "/api/v1/projects/shop/versions/1.2/vex"))
                .extracting(Captured::query, Captured::authorization)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                Map.of("format", List.of("openvex")), "Bearer " + ContractFixtureFeature.FULL_KEY),
                        org.assertj.core.groups.Tuple.tuple(
                                Map.of("format", List.of("cyclonedx")), "Bearer " + ContractFixtureFeature.FULL_KEY));
        assertThat(text("#notice")).contains("CycloneDX VEX");
    }
}
