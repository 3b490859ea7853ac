package io.connector.magento.v20.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** An HTTP {@code Retry-After}: seconds ({@code 120}) or a date ({@code Wed, 21 Oct 2026 07:28:00 GMT}). */
final class RetryAfter {

    /**
     * The longest wait taken from a shop: a job is not left for days on the word of a proxy
     * that says so; after an hour it asks again, and meets the same answer at worst.
     */
    static final Duration LONGEST = Duration.ofHours(1);

    private RetryAfter() {
    }

    /** How long to wait from {@code now}; empty when the header is absent or says nothing usable. */
    static Optional<Duration> parse(Optional<String> header, Instant now) {
        return header.map(String::trim).filter(value -> !value.isEmpty()).flatMap(value -> {
            if (value.chars().allMatch(Character::isDigit)) {
                return value.length() > 9 ? Optional.of(LONGEST) : Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            }
            try {
                Duration until = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }).map(wait -> wait.compareTo(LONGEST) > 0 ? LONGEST : wait);
    }
}
