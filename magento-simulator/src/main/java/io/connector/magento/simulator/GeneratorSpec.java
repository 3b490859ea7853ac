package io.connector.magento.simulator;

import java.util.Locale;

/**
 * How much {@link DataGenerator} makes: {@code customers=10000,products=2000,categories=50}, plus
 * optionally {@code orders=N} and {@code seed=S}. The same spec on the same store gives the same
 * records, byte for byte.
 *
 * @param customers  customers, each with 0 to 3 addresses
 * @param products   products, each with 0 to 3 images
 * @param categories categories below the "Default Category" root, in a tree up to level 4
 * @param orders     sales orders of existing customers (some guests) and products, in the variety an
 *                   order import must handle (see {@code OrderGenerator})
 * @param seed       the random seed
 */
public record GeneratorSpec(int customers, int products, int categories, int orders, long seed) {

    public static final long DEFAULT_SEED = 42;

    public GeneratorSpec {
        if (customers < 0 || products < 0 || categories < 0 || orders < 0) {
            throw new IllegalArgumentException("Counts cannot be negative: " + customers + ", " + products + ", " + categories + ", " + orders);
        }
    }

    public static GeneratorSpec of(int customers, int products, int categories) {
        return new GeneratorSpec(customers, products, categories, 0, DEFAULT_SEED);
    }

    public GeneratorSpec withOrders(int count) {
        return new GeneratorSpec(customers, products, categories, count, seed);
    }

    public GeneratorSpec withSeed(long value) {
        return new GeneratorSpec(customers, products, categories, orders, value);
    }

    /** Reads {@code customers=10000,products=2000,categories=50[,orders=N][,seed=S]}; what is left out is 0. */
    public static GeneratorSpec parse(String text) {
        int customers = 0;
        int products = 0;
        int categories = 0;
        int orders = 0;
        long seed = DEFAULT_SEED;
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] pair = part.split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("Expected name=count, not '" + part.trim() + "' in '" + text + "'");
            }
            String name = pair[0].trim().toLowerCase(Locale.ROOT);
            String value = pair[1].trim();
            try {
                switch (name) {
                    case "customers" -> customers = Integer.parseInt(value);
                    case "products" -> products = Integer.parseInt(value);
                    case "categories" -> categories = Integer.parseInt(value);
                    case "orders" -> orders = Integer.parseInt(value);
                    case "seed" -> seed = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("Unknown '" + name + "' in '" + text
                            + "': expected customers, products, categories, orders or seed");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + value + "' is not a number in '" + text + "'");
            }
        }
        return new GeneratorSpec(customers, products, categories, orders, seed);
    }

    @Override
    public String toString() {
        return "customers=" + customers + ",products=" + products + ",categories=" + categories + ",orders=" + orders + ",seed=" + seed;
    }
}
