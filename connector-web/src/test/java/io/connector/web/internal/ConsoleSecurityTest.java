package io.connector.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;

import io.connector.web.internal.ConsoleSecurity.Verdict;
import org.junit.jupiter.api.Test;

class ConsoleSecurityTest {

    private final ConsoleSecurity security = new ConsoleSecurity(config(true, false),
            (user, password) -> user.equals("ann") && password.equals("s3cret:with colon")
                    ? Optional.of(new Operator("ann", Set.of("manager"))) : Optional.empty(),
            Clock.systemUTC());

    @Test
    void thePageTheLoginAndAnonymousHealthPassWithoutALoginButNotTheApiOrMetrics() {
        for (String path : new String[] {"/", "/index.html", "/console.js", "/console.css", "/api/login", "/health"}) {
            assertThat(security.admit(Requests.request("GET", path, Map.of()))).as(path).isEqualTo(Verdict.PUBLIC);
        }
        for (String path : new String[] {"/api/me", "/api/jobs", "/metrics", "/api/login/../jobs", "/secret.txt"}) {
            assertThat(security.admit(Requests.request("GET", path, Map.of()))).as(path).isEqualTo(Verdict.UNAUTHENTICATED);
        }
    }

    @Test
    void basicAuthLogsInThroughTheRealmAndAWrongPasswordIsRefused() {
        HttpServletRequest request = Requests.request("POST", "/api/jobs/x/retry", Map.of("Authorization", basic("ann", "s3cret:with colon")));
        assertThat(security.admit(request)).isEqualTo(Verdict.LOGGED_IN);
        assertThat(request.getAttribute(ConsoleSecurity.OPERATOR)).isEqualTo(new Operator("ann", Set.of("manager")));

        assertThat(security.admit(Requests.request("GET", "/api/jobs", Map.of("Authorization", basic("ann", "wrong")))))
                .isEqualTo(Verdict.UNAUTHENTICATED);
        assertThat(security.admit(Requests.request("GET", "/api/jobs", Map.of("Authorization", "Basic !!not base64"))))
                .isEqualTo(Verdict.UNAUTHENTICATED);
        assertThat(security.admit(Requests.request("GET", "/api/jobs", Map.of("Authorization", "Bearer abc"))))
                .isEqualTo(Verdict.UNAUTHENTICATED);
    }

    @Test
    void aSessionCookieReadsFreelyButChangesOnlyWithTheConsolesHeader() {
        String token = security.sessions().open(new Operator("ann", Set.of("manager")));
        Cookie cookie = new Cookie(ConsoleSessions.COOKIE, token);
        assertThat(security.admit(Requests.request("GET", "/api/jobs", Map.of(), cookie))).isEqualTo(Verdict.LOGGED_IN);
        assertThat(security.admit(Requests.request("POST", "/api/jobs/x/retry", Map.of(), cookie))).isEqualTo(Verdict.FORGED);
        assertThat(security.admit(Requests.request("POST", "/api/jobs/x/retry", Map.of(ConsoleSecurity.CONSOLE_HEADER, "1"), cookie)))
                .isEqualTo(Verdict.LOGGED_IN);

        security.sessions().close(token);
        assertThat(security.admit(Requests.request("GET", "/api/jobs", Map.of(), cookie))).isEqualTo(Verdict.UNAUTHENTICATED);
        assertThat(security.admit(Requests.request("GET", "/api/jobs", Map.of(), new Cookie(ConsoleSessions.COOKIE, "guessed"))))
                .isEqualTo(Verdict.UNAUTHENTICATED);
    }

    @Test
    void metricsCanBeMadeAnonymousAndHealthCanRequireALogin() {
        ConsoleSecurity open = new ConsoleSecurity(config(false, true), (u, p) -> Optional.empty(), Clock.systemUTC());
        assertThat(open.admit(Requests.request("GET", "/metrics", Map.of()))).isEqualTo(Verdict.PUBLIC);
        assertThat(open.admit(Requests.request("GET", "/health", Map.of()))).isEqualTo(Verdict.UNAUTHENTICATED);
    }

    @Test
    void grantsFollowTheShellsAcl() {
        Operator viewer = new Operator("v", Set.of("viewer"));
        Operator manager = new Operator("m", Set.of("manager"));
        Operator admin = new Operator("a", Set.of("admin"));
        Operator nobody = new Operator("n", Set.of("ssh"));
        assertThat(viewer.may(Operator.Grant.VIEW)).isTrue();
        assertThat(viewer.may(Operator.Grant.MANAGE)).isFalse();
        assertThat(manager.may(Operator.Grant.MANAGE)).isTrue();
        assertThat(manager.may(Operator.Grant.ADMINISTER)).isFalse();
        assertThat(admin.may(Operator.Grant.VIEW) && admin.may(Operator.Grant.MANAGE) && admin.may(Operator.Grant.ADMINISTER)).isTrue();
        assertThat(nobody.mayView()).isFalse();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static ConsoleConfiguration config(boolean healthAnonymous, boolean metricsAnonymous) {
        return new ConsoleConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ConsoleConfiguration.class;
            }

            @Override
            public String realm() {
                return "karaf";
            }

            @Override
            public int session_idle_minutes() {
                return 30;
            }

            @Override
            public boolean health_anonymous() {
                return healthAnonymous;
            }

            @Override
            public boolean metrics_anonymous() {
                return metricsAnonymous;
            }

            @Override
            public int health_failed_jobs_max() {
                return 3;
            }

            @Override
            public int counts_cache_seconds() {
                return 5;
            }
        };
    }
}
