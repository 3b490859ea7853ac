package io.connector.magento.simulator;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.ToIntFunction;

/** Word lists for generated records, shaped like the recorded Madison Island demo shop's. */
final class SampleData {

    /** A place to live, with Magento's region id where its directory has one. */
    record Place(String countryId, String city, String region, String regionId, String postcode, String phonePrefix) {
    }

    static final List<String> FIRST_NAMES = List.of("Jane", "John", "Tay", "Clay", "Drew", "Benjamin", "Alice", "Bob", "Chloé",
            "David", "Emma", "François", "Greta", "Hugo", "Inès", "Jonas", "Karin", "Lucas", "Marie", "Noah", "Olivia", "Paul",
            "Quentin", "Rosa", "Sofia", "Thomas", "Ursula", "Victor", "Wen", "Yusuf", "Zoé", "Léa", "Jürgen", "Aiko", "Mateo");
    static final List<String> LAST_NAMES = List.of("Doe", "Ray", "Lock", "France", "Le Goff", "Smith", "Müller", "Dubois",
            "García", "Rossi", "Nguyen", "Johnson", "Schmidt", "Martin", "Bernard", "Fischer", "Kowalski", "O'Brien", "Brown",
            "Lefèvre", "Weber", "Moreau", "Tanaka", "Silva", "Novak", "Jensen", "Dupont", "Wagner", "Becker", "Fontaine");
    static final List<String> COMPANY_STEMS = List.of("Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark",
            "Wayne", "Cyberdyne", "Soylent", "Tyrell", "Wonka", "Gringotts", "Oceanic", "Aperture", "Monarch", "Nakatomi");
    static final List<String> COMPANY_KINDS = List.of("Industries", "SA", "GmbH", "Ltd", "Trading", "& Co", "Logistics", "SARL",
            "Imports", "Consulting");
    static final List<String> STREETS = List.of("Jefferson Blvd", "Canal Street", "River Street", "Bride Path", "May Street",
            "Lake view st", "Rue de Rivoli", "Avenue des Champs-Élysées", "Hauptstraße", "Baker Street", "Main Street",
            "Oak Avenue", "Rue du Faubourg Saint-Honoré", "Königsallee", "High Street", "Sunset Boulevard");
    static final List<String> SECOND_LINES = List.of("Suite 200", "Apt 4B", "Building C", "2nd floor", "BP 12");
    static final List<Place> PLACES = List.of(
            new Place("US", "Culver City", "California", "12", "90232", "888"),
            new Place("US", "Michigan", "Michigan", "33", "49036", "666"),
            new Place("US", "Mantoloking", "Ohio", "47", "44025", "909"),
            new Place("US", "New York", "New York", "43", "10001", "212"),
            new Place("US", "Austin", "Texas", "57", "73301", "512"),
            new Place("US", "Portland", "Oregon", "49", "97201", "503"),
            new Place("FR", "Paris", "Paris", "257", "75008", "01"),
            new Place("FR", "Lyon", "Rhône", null, "69002", "04"),
            new Place("DE", "Berlin", "Berlin", "82", "10115", "030"),
            new Place("DE", "München", "Bayern", "81", "80331", "089"),
            new Place("GB", "London", null, null, "SW1A 1AA", "020"),
            new Place("CH", "Lausanne", "Vaud", null, "1003", "021"));

    static final List<String> TOP_CATEGORIES = List.of("Women", "Men", "Accessories", "Home & Decor", "Sale", "VIP",
            "Electronics", "Books & Music", "Sports", "Kids");
    static final List<String> SUB_CATEGORIES = List.of("New Arrivals", "Tops & Blouses", "Pants & Denim", "Dresses & Skirts",
            "Shirts", "Tees, Knits and Polos", "Blazers", "Shoes", "Bags & Luggage", "Jewelry", "Eyewear", "Bed & Bath",
            "Decorative Accents", "Outerwear", "Swimwear", "Watches", "Gifts", "Clearance");
    static final List<String> ADJECTIVES = List.of("Classic", "Slim Fit", "Racer Back", "Aviator", "Jackie O", "NoLIta",
            "Tori", "Vintage", "Oversized", "Cropped", "Linen", "Silk", "Wool", "Leather", "Striped", "Chelsea", "Plaid", "Modern");
    static final List<String> NOUNS = List.of("Tank", "Cami", "Maxi Dress", "Sunglasses", "Oxford Shirt", "Blazer", "Tee",
            "Cardigan", "Chinos", "Tote", "Loafers", "Boots", "Scarf", "Necklace", "Watch", "Throw Pillow", "Vase", "Jacket",
            "Skirt", "Jeans");
    /** A configurable product's options, as the recorded shop's attributes_info labels them. */
    static final List<String> COLORS = List.of("Indigo", "Purple", "Black", "White", "Red", "Charcoal", "Ivory");
    static final List<String> SIZES = List.of("XS", "S", "M", "L", "XL");
    static final List<String> BUNDLE_OPTIONS = List.of("Top", "Bottom", "Accessory");
    static final List<String> DESCRIPTIONS = List.of("100% cotton. Machine wash.", "Silk. Dry clean.",
            "Acetate frame. Polycarbonate lenses.", "Viscose. Pull over style.", "Made in Italy. Hand wash only.",
            "Recycled polyester. Tumble dry low.");

    private SampleData() {
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** One of the values, each as often as its weight says among the weights of all. */
    static <T> T weighted(Random random, List<T> values, ToIntFunction<T> weight) {
        int total = values.stream().mapToInt(weight).sum();
        int draw = random.nextInt(total);
        for (T value : values) {
            draw -= weight.applyAsInt(value);
            if (draw < 0) {
                return value;
            }
        }
        throw new IllegalStateException("weights changed while drawing");
    }

    /** Magento's url_key: lower case ASCII words joined with dashes. */
    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** An e-mail address's local part from a name. */
    static String mailbox(String text) {
        return slug(text).replace('-', '.');
    }
}
