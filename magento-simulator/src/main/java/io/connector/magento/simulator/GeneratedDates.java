package io.connector.magento.simulator;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * Dates for generated records, between 2013 and mid-2017 like the recorded shop's, written the
 * two ways Magento writes them: created_at with the shop's offset, updated_at in naive UTC. The
 * generator's now is the end of that span ({@link DataGenerator#NOW}), never the clock, so that
 * a seed always makes the same dates.
 */
final class GeneratedDates {

    private static final LocalDateTime START = LocalDateTime.of(2013, 1, 1, 0, 0);
    private static final LocalDateTime END = DataGenerator.NOW;
    private static final long RECENT_ORDER_SECONDS = Duration.ofDays(29).getSeconds();
    private static final long OLD_ORDER_SECONDS = Duration.ofDays(2 * 365).getSeconds();
    private static final long EDIT_SECONDS = Duration.ofHours(6).getSeconds();
    private static final long SPAN_SECONDS = Duration.between(START, END).getSeconds();
    private static final ZoneId SHOP_ZONE = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter WITH_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private final Random random;

    GeneratedDates(Random random) {
        this.random = random;
    }

    /** A UTC time in the shop's life. */
    LocalDateTime created() {
        return START.plusSeconds((long) (random.nextDouble() * SPAN_SECONDS));
    }

    /** A UTC time after {@code created}, before the end of the shop's life. */
    LocalDateTime updatedAfter(LocalDateTime created) {
        long left = Duration.between(created, END).getSeconds();
        return left <= 0 ? created : created.plusSeconds((long) (random.nextDouble() * left));
    }

    /**
     * When a new order was placed: within the 30 days before now, and at least a day before it,
     * so that the orders an edit makes after it are before now too.
     */
    LocalDateTime recentOrder() {
        return END.minusDays(1).minusSeconds((long) (random.nextDouble() * RECENT_ORDER_SECONDS));
    }

    /** When an order nobody followed up was placed: more than 60 days before now, up to two years. */
    LocalDateTime oldOrder() {
        return END.minusDays(61).minusSeconds((long) (random.nextDouble() * OLD_ORDER_SECONDS));
    }

    /** Five minutes to six hours after {@code time}: an order edited or cancelled after it was placed. */
    LocalDateTime shortlyAfter(LocalDateTime time) {
        return time.plusMinutes(5).plusSeconds((long) (random.nextDouble() * EDIT_SECONDS));
    }

    /** A birth date as customer.info writes it. */
    String birthDate() {
        LocalDate day = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(50 * 365));
        return day + " 00:00:00";
    }

    static String naive(LocalDateTime utc) {
        return MagentoDates.NAIVE.format(utc);
    }

    static String withOffset(LocalDateTime utc) {
        return WITH_OFFSET.format(utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(SHOP_ZONE));
    }
}
