package io.connector.web.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The page's logins: a random token per login, kept in memory, forgotten after an idle time or a
 * logout. Held here rather than in the servlet container's sessions because its cookie must say
 * {@code SameSite=Strict}, which Servlet 4's cookies cannot, and because a token is all there is
 * to keep: a restart logs everyone out, as a restart of the shell does.
 */
public final class ConsoleSessions {

    /** The cookie that carries the token. */
    public static final String COOKIE = "connector_session";

    private record Session(Operator operator, Instant lastUsed) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Duration idle;
    private final Clock clock;

    public ConsoleSessions(Duration idle, Clock clock) {
        this.idle = idle;
        this.clock = clock;
    }

    /** A new session for {@code operator}: its token. */
    public String open(Operator operator) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(token, new Session(operator, clock.instant()));
        forgetIdle();
        return token;
    }

    /** The operator of a live session, which this use keeps alive. */
    public Optional<Operator> find(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session session = sessions.computeIfPresent(token, (t, s) -> expired(s, now) ? null : new Session(s.operator(), now));
        return Optional.ofNullable(session).map(Session::operator);
    }

    public void close(String token) {
        if (token != null) {
            sessions.remove(token);
        }
    }

    /** The cookie's attributes: only this console's paths, never to scripts, never from another site. */
    public String cookie(String token, boolean secure) {
        return COOKIE + "=" + token + "; Path=/connector; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
                + "; Max-Age=" + idle.toSeconds();
    }

    public String expiredCookie() {
        return COOKIE + "=; Path=/connector; HttpOnly; SameSite=Strict; Max-Age=0";
    }

    int size() {
        return sessions.size();
    }

    private boolean expired(Session session, Instant now) {
        return session.lastUsed().plus(idle).isBefore(now);
    }

    private void forgetIdle() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> expired(s, now));
    }
}
