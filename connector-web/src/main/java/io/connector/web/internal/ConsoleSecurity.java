package io.connector.web.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;

import java.nio.charset.StandardCharsets;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Who a request comes from, and what the console lets through without a login. A request logs in
 * with HTTP basic auth (scripts, Prometheus) or carries the page's session cookie; a state change
 * by cookie must also carry the {@value #CONSOLE_HEADER} header, which a page of another site
 * cannot send without a CORS preflight this console never grants: so no cross-site request forgery.
 */
@Component(service = ConsoleSecurity.class, configurationPid = ConsoleConfiguration.PID)
@Designate(ocd = ConsoleConfiguration.class)
public final class ConsoleSecurity {

    /** Sent by the console's page with every request. */
    public static final String CONSOLE_HEADER = "X-Connector-Console";
    /** The request attribute holding the {@link Operator}. */
    public static final String OPERATOR = Operator.class.getName();

    private static final Set<String> PAGE = Set.of("", "/", "/index.html", "/console.js", "/console.css");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    /** Checks a user's password and says which roles they have. */
    @FunctionalInterface
    public interface Login {
        /** The operator, or empty when the user or password is refused. */
        Optional<Operator> login(String user, String password);
    }

    /** What a request is, as far as logging in goes. */
    public enum Verdict {
        /** Let through: the page's files, the login, health or metrics when anonymous. */
        PUBLIC,
        /** Logged in. */
        LOGGED_IN,
        /** No login, or a refused one. */
        UNAUTHENTICATED,
        /** A state change by cookie without the console's header. */
        FORGED
    }

    private final ConsoleConfiguration config;
    private final Login login;
    private final ConsoleSessions sessions;

    @Activate
    public ConsoleSecurity(ConsoleConfiguration config) {
        this(config, new JaasLogin(config.realm()), Clock.systemUTC());
    }

    ConsoleSecurity(ConsoleConfiguration config, Login login, Clock clock) {
        this.config = config;
        this.login = login;
        this.sessions = new ConsoleSessions(Duration.ofMinutes(config.session_idle_minutes()), clock);
    }

    public ConsoleConfiguration config() {
        return config;
    }

    public ConsoleSessions sessions() {
        return sessions;
    }

    public Optional<Operator> login(String user, String password) {
        return login.login(user, password);
    }

    /** Decides on a request, and when it is logged in, puts its operator into its {@link #OPERATOR} attribute. */
    public Verdict admit(HttpServletRequest request) {
        String path = path(request);
        if (isPublic(path)) {
            // No login checked: nothing public reads the operator, and a JAAS login per page file is waste.
            return Verdict.PUBLIC;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            Optional<Operator> operator = basic(authorization);
            operator.ifPresent(o -> request.setAttribute(OPERATOR, o));
            return operator.isPresent() ? Verdict.LOGGED_IN : Verdict.UNAUTHENTICATED;
        }
        Optional<Operator> operator = sessions.find(token(request));
        if (operator.isEmpty()) {
            return Verdict.UNAUTHENTICATED;
        }
        if (!SAFE_METHODS.contains(request.getMethod()) && request.getHeader(CONSOLE_HEADER) == null) {
            return Verdict.FORGED;
        }
        request.setAttribute(OPERATOR, operator.get());
        return Verdict.LOGGED_IN;
    }

    boolean isPublic(String path) {
        return PAGE.contains(path) || path.equals("/api/login") || path.equals("/api/logout")
                || (path.equals("/health") && config.health_anonymous())
                || (path.equals("/metrics") && config.metrics_anonymous());
    }

    private Optional<Operator> basic(String authorization) {
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? Optional.empty() : login.login(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    /** The session token of the request's cookie, or null. */
    public static String token(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (ConsoleSessions.COOKIE.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    /** The path inside the console, e.g. {@code /api/jobs}. */
    public static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
