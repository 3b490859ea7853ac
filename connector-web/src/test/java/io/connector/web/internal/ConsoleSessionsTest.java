package io.connector.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ConsoleSessionsTest {

    private Instant now = Instant.parse("2026-12-06T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void aSessionLivesWhileUsedAndEndsAfterItsIdleTime() {
        ConsoleSessions sessions = new ConsoleSessions(Duration.ofMinutes(30), clock);
        Operator ann = new Operator("ann", Set.of("viewer"));
        String token = sessions.open(ann);
        assertThat(token).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(sessions.open(ann));

        now = now.plus(Duration.ofMinutes(29));
        assertThat(sessions.find(token)).contains(ann);
        now = now.plus(Duration.ofMinutes(29));
        assertThat(sessions.find(token)).as("used 29 minutes ago").contains(ann);
        now = now.plus(Duration.ofMinutes(31));
        assertThat(sessions.find(token)).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
    }

    @Test
    void openingForgetsIdleSessionsAndTheCookieStaysOnTheConsolesPathAwayFromScripts() {
        ConsoleSessions sessions = new ConsoleSessions(Duration.ofMinutes(1), clock);
        sessions.open(new Operator("a", Set.of()));
        now = now.plus(Duration.ofMinutes(2));
        sessions.open(new Operator("b", Set.of()));
        assertThat(sessions.size()).isEqualTo(1);
        assertThat(sessions.cookie("t", false)).isEqualTo("connector_session=t; Path=/connector; HttpOnly; SameSite=Strict; Max-Age=60");
        assertThat(sessions.cookie("t", true)).contains("; Secure");
    }
}
