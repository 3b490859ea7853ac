package io.connector.magento.simulator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What a generated order holds, from the store's enabled products: one to three simple products,
 * or, in about one order in five, a configurable product (its parent line and the simple product
 * chosen, by color and size) beside up to one simple product, and in about one in twenty a
 * bundle of two or three simple products. Where the store has no configurable or bundle product,
 * any product stands for it: the lines are what an importer must handle.
 */
final class BasketGenerator {

    private static final int COLOR_ATTRIBUTE = 92;
    private static final int SIZE_ATTRIBUTE = 180;
    private static final int FIRST_COLOR_OPTION = 18;
    private static final int FIRST_SIZE_OPTION = 80;

    private final DataStore store;
    private final Random random;
    private final List<String> simples;
    private final List<String> configurables;
    private final List<String> bundles;

    BasketGenerator(DataStore store, Random random) {
        this.store = store;
        this.random = random;
        this.simples = enabled(store, "simple");
        List<String> all = enabled(store, null);
        this.configurables = orAll(enabled(store, "configurable"), all);
        this.bundles = orAll(enabled(store, "bundle"), all);
    }

    /** False when the store has no simple product to sell. */
    boolean canFill() {
        return !simples.isEmpty();
    }

    void fill(OrderItems items) {
        boolean configurable = random.nextInt(5) == 0;
        boolean bundle = random.nextInt(20) == 0;
        int simpleLines = configurable || bundle ? random.nextInt(2) : 1 + random.nextInt(3);
        for (String productId : distinctSimples(simpleLines)) {
            items.addSimple(product(productId), quantity());
        }
        if (configurable) {
            items.addConfigurable(product(SampleData.pick(random, configurables)), product(SampleData.pick(random, simples)), quantity(),
                    choices());
        }
        if (bundle) {
            items.addBundle(product(SampleData.pick(random, bundles)), selections());
        }
    }

    private List<String> distinctSimples(int count) {
        List<String> chosen = new ArrayList<>();
        while (chosen.size() < Math.min(count, simples.size())) {
            String productId = SampleData.pick(random, simples);
            if (!chosen.contains(productId)) {
                chosen.add(productId);
            }
        }
        return chosen;
    }

    private List<ItemOptions.Choice> choices() {
        int color = random.nextInt(SampleData.COLORS.size());
        int size = random.nextInt(SampleData.SIZES.size());
        return List.of(new ItemOptions.Choice(COLOR_ATTRIBUTE, "Color", FIRST_COLOR_OPTION + color, SampleData.COLORS.get(color)),
                new ItemOptions.Choice(SIZE_ATTRIBUTE, "Size", FIRST_SIZE_OPTION + size, SampleData.SIZES.get(size)));
    }

    private List<ItemOptions.Selection> selections() {
        List<String> chosen = distinctSimples(2 + random.nextInt(2));
        List<ItemOptions.Selection> selections = new ArrayList<>();
        for (int k = 0; k < chosen.size(); k++) {
            Map<String, Object> product = product(chosen.get(k));
            selections.add(new ItemOptions.Selection(k + 1, SampleData.BUNDLE_OPTIONS.get(k), product, BigDecimal.valueOf(1 + random.nextInt(2)),
                    OrderItems.price(product)));
        }
        return selections;
    }

    private BigDecimal quantity() {
        return BigDecimal.valueOf(1 + random.nextInt(3));
    }

    private Map<String, Object> product(String id) {
        return store.products().get(id).orElseThrow();
    }

    private static List<String> enabled(DataStore store, String type) {
        return store.products().ids(r -> (type == null || type.equals(r.get("type_id"))) && "1".equals(r.get("status")));
    }

    private static List<String> orAll(List<String> some, List<String> all) {
        return some.isEmpty() ? all : some;
    }
}
