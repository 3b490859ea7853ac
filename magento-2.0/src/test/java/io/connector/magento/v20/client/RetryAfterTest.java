package io.connector.magento.v20.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-10-21T07:28:00Z");

    @Test
    void secondsOrADateSayHowLongToWait() {
        assertThat(RetryAfter.parse(Optional.of(" 120 "), NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(Optional.of("Wed, 21 Oct 2026 07:30:30 GMT"), NOW)).contains(Duration.ofSeconds(150));
        assertThat(RetryAfter.parse(Optional.of("Wed, 21 Oct 2026 07:00:00 GMT"), NOW)).as("already past").contains(Duration.ZERO);
    }

    @Test
    void aWaitIsNeverLongerThanAnHour() {
        assertThat(RetryAfter.parse(Optional.of("86400"), NOW)).contains(Duration.ofHours(1));
        assertThat(RetryAfter.parse(Optional.of("99999999999999999999"), NOW)).contains(Duration.ofHours(1));
    }

    @Test
    void nothingUsableIsNoWait() {
        assertThat(RetryAfter.parse(Optional.empty(), NOW)).isEmpty();
        assertThat(RetryAfter.parse(Optional.of(""), NOW)).isEmpty();
        assertThat(RetryAfter.parse(Optional.of("-5"), NOW)).isEmpty();
        assertThat(RetryAfter.parse(Optional.of("soon"), NOW)).isEmpty();
    }
}
