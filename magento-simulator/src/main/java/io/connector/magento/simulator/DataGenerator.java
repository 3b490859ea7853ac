package io.connector.magento.simulator;

import java.time.LocalDateTime;
import java.util.Random;

/**
 * Fills a store with made-up records shaped like the recorded shop's: string ids and amounts,
 * nils where Magento has them, created_at with an offset and updated_at in naive UTC. One
 * seeded random drives everything, in a fixed order, so the same spec on the same store makes
 * the same records. New records take ids after the highest already there, so generated data
 * goes beside seeded data; the shop's structure (websites, stores, store views, customer groups,
 * the two root categories) is only added where missing.
 */
public final class DataGenerator {

    /**
     * The generator's now, in UTC: every generated record is dated before it, and orders but the
     * old ones within the 30 days before it. A test that checks an order's age checks it against this.
     */
    public static final LocalDateTime NOW = LocalDateTime.of(2017, 6, 30, 0, 0);

    private DataGenerator() {
    }

    public static void populate(DataStore store, GeneratorSpec spec) {
        Random random = new Random(spec.seed());
        GeneratedDates dates = new GeneratedDates(random);
        StoreStructureGenerator.ensure(store);
        new CategoryGenerator(store, random, dates).generate(spec.categories());
        new ProductGenerator(store, random, dates).generate(spec.products());
        new CustomerGenerator(store, random, dates).generate(spec.customers());
        new OrderGenerator(store, random, dates).generate(spec.orders());
    }
}
