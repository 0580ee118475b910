package dev.matcher.eval.synth;

import dev.matcher.data.Attribute;
import dev.matcher.data.AttributeKind;
import dev.matcher.data.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Product catalogues with variant families: each family is one base product (brand, model number, product line,
 * type, features) offered in several colours, sizes or capacities ("Acme Essential crew-neck t-shirt red M",
 * "... blue L"; a phone in 128GB and 256GB). Each variant is an item that is listed one or more times, the extra
 * listings noisy: abbreviations, reordered words, a missing brand, price jitter, typos, reformatted model numbers.
 * The truth has both levels: {@link SyntheticData#item} (the same variant) and {@link SyntheticData#family}.
 *
 * <pre>{@code
 * SyntheticData catalogue = ProductGenerator.builder().records(10_000).seed(3).build().generate();
 * catalogue.matches();          // listings of the same variant
 * catalogue.familyMatches();    // listings of the same base product
 * }</pre>
 */
public final class ProductGenerator extends SyntheticGenerator {
    static final int TITLE = 0;
    static final int BRAND = 1;
    static final int MODEL = 2;
    static final int CATEGORY = 3;
    static final int COLOR = 4;
    static final int SIZE = 5;
    static final int PRICE = 6;

    private static final Schema SCHEMA = Schema.of(
            new Attribute("title", AttributeKind.STRING),
            new Attribute("brand", AttributeKind.CATEGORICAL),
            new Attribute("model", AttributeKind.IDENTIFIER),
            new Attribute("category", AttributeKind.CATEGORICAL),
            new Attribute("color", AttributeKind.CATEGORICAL),
            new Attribute("size", AttributeKind.CATEGORICAL),
            new Attribute("price", AttributeKind.NUMERIC));

    private static final String[] APPAREL_BRANDS = {"Acme", "Northwind", "Kestrel", "Halden", "Tundra", "Solace"};
    private static final String[] TECH_BRANDS = {"Lumio", "Vantix", "Orbis", "Corvex", "Zentra", "Quarto"};
    private static final String[] COLOURS = {"black", "white", "navy", "red", "grey", "green", "blue", "yellow"};
    private static final String[] APPAREL_SIZES = {"XS", "S", "M", "L", "XL", "XXL"};
    private static final String[] MARKETING = {"NEW", "genuine", "free shipping", "2024 model", "sale", "official"};

    /** One kind of product and how its families vary. */
    private record Category(String type, String[] synonyms, String[] brands, String[] lines, boolean numberedLines,
                            String[] features, String[] colours, String[] sizes, double minPrice, double maxPrice,
                            boolean skuPerVariant, boolean pricedBySize) {
    }

    private static final Category[] CATEGORIES = {
            new Category("t-shirt", new String[] {"tee", "tshirt", "t shirt"}, APPAREL_BRANDS,
                    new String[] {"Essential", "Classic", "Everyday", "Heritage", "Active", "Organic"}, false,
                    new String[] {"crew-neck", "v-neck", "slim fit", "cotton", "relaxed fit"}, COLOURS,
                    APPAREL_SIZES, 12, 35, true, false),
            new Category("hoodie", new String[] {"hooded sweatshirt", "hoody", "sweatshirt"}, APPAREL_BRANDS,
                    new String[] {"Essential", "Classic", "Campus", "Trail", "Lounge"}, false,
                    new String[] {"zip", "pullover", "fleece", "heavyweight"}, COLOURS, APPAREL_SIZES, 35, 80, true, false),
            new Category("running shoes", new String[] {"runners", "running shoe", "trainers"},
                    new String[] {"Stridex", "Acme", "Kestrel", "Veyra"},
                    new String[] {"Glide", "Pace", "Nimbus", "Tempo", "Trail", "Swift"}, true,
                    new String[] {"mesh", "lightweight", "cushioned", "waterproof"},
                    new String[] {"black", "white", "blue", "red", "grey"},
                    new String[] {"38", "39", "40", "41", "42", "43", "44", "45", "46"}, 60, 180, true, false),
            new Category("smartphone", new String[] {"phone", "mobile phone", "cell phone"}, TECH_BRANDS,
                    new String[] {"Nova", "Pulse", "Edge", "Prime", "Aura", "Vibe"}, true,
                    new String[] {"5G", "dual SIM", "OLED", "unlocked", "triple camera"},
                    new String[] {"black", "white", "blue", "green", "silver", "purple"},
                    new String[] {"64GB", "128GB", "256GB", "512GB"}, 199, 1199, false, true),
            new Category("tablet", new String[] {"tab", "tablet pc"}, TECH_BRANDS,
                    new String[] {"Slate", "Tab", "Pad", "Canvas"}, true,
                    new String[] {"Wi-Fi", "LTE", "10.9 inch", "stylus support"},
                    new String[] {"space grey", "silver", "gold"}, new String[] {"64GB", "128GB", "256GB"},
                    249, 999, false, true),
            new Category("SSD", new String[] {"solid state drive", "internal SSD"},
                    new String[] {"Datavault", "Corvex", "Nimbus", "Quarto"},
                    new String[] {"Rapid", "Flux", "Titan", "Velocity"}, true,
                    new String[] {"NVMe", "M.2", "PCIe 4.0", "SATA"}, new String[0],
                    new String[] {"500GB", "1TB", "2TB", "4TB"}, 49, 199, true, true),
            new Category("microSD card", new String[] {"memory card", "micro SD", "microSDXC card"},
                    new String[] {"Datavault", "Nimbus", "Quarto", "Lumio"},
                    new String[] {"Extreme", "Ultra", "Select", "Endurance"}, false,
                    new String[] {"UHS-I", "A2", "V30", "with adapter"}, new String[0],
                    new String[] {"32GB", "64GB", "128GB", "256GB", "512GB"}, 8, 60, true, true),
            new Category("TV", new String[] {"television", "smart TV", "LED TV"},
                    new String[] {"Vantix", "Orbis", "Brightline", "Zentra"},
                    new String[] {"Vision", "Cinema", "Crystal", "Horizon"}, true,
                    new String[] {"4K UHD", "HDR", "smart", "120Hz"}, new String[0],
                    new String[] {"43 inch", "50 inch", "55 inch", "65 inch", "75 inch"}, 299, 1499, true, true),
            new Category("monitor", new String[] {"display", "computer monitor", "LCD monitor"},
                    new String[] {"Vantix", "Orbis", "Corvex", "Brightline"},
                    new String[] {"View", "Pro", "Studio", "Gamer"}, true,
                    new String[] {"IPS", "144Hz", "QHD", "USB-C"}, new String[0],
                    new String[] {"24 inch", "27 inch", "32 inch"}, 129, 699, true, true),
            new Category("coffee beans", new String[] {"whole bean coffee", "coffee", "roasted beans"},
                    new String[] {"Roastwell", "Highland", "Bean Co", "Morning Ritual"},
                    new String[] {"House Blend", "Espresso", "Dark Roast", "Single Origin"}, false,
                    new String[] {"organic", "fair trade", "arabica"}, new String[0],
                    new String[] {"250g", "500g", "1kg"}, 9, 45, true, true),
            new Category("backpack", new String[] {"rucksack", "daypack", "back pack"},
                    new String[] {"Tundra", "Kestrel", "Halden", "Trailcraft"},
                    new String[] {"Summit", "Commuter", "Voyager", "Ridge"}, false,
                    new String[] {"water resistant", "laptop sleeve", "padded straps"},
                    new String[] {"black", "grey", "navy", "green", "orange"}, new String[] {"20L", "30L", "40L"},
                    39, 149, true, true),
            new Category("headphones", new String[] {"headset", "earphones", "over-ear headphones"}, TECH_BRANDS,
                    new String[] {"Sonic", "Studio", "Air", "Bass"}, true,
                    new String[] {"wireless", "noise cancelling", "bluetooth", "over-ear"},
                    new String[] {"black", "white", "silver", "blue"}, new String[0], 29, 399, false, false),
    };

    // token abbreviations a seller might use (whole words; sizes and capacities get their own spellings)
    private static final String[][] ABBREVIATIONS = {
            {"black", "blk"}, {"white", "wht"}, {"grey", "gray"}, {"silver", "slv"}, {"navy", "navy blue"},
            {"with", "w/"}, {"wireless", "wless"}, {"bluetooth", "BT"}, {"organic", "org."}, {"XL", "extra large"},
            {"M", "medium"}, {"S", "small"}, {"L", "large"}, {"XS", "extra small"}, {"space", "spc"},
            {"noise", "nc"}, {"lightweight", "light"}, {"heavyweight", "heavy"}, {"professional", "pro"}};

    private final double duplicateShare;
    private final double[] duplicateCounts;
    private final int maxVariants;

    private ProductGenerator(Builder b) {
        super(b);
        this.duplicateShare = b.duplicateShare;
        this.duplicateCounts = Lists.zipf(b.maxDuplicates, b.zipfExponent);
        this.maxVariants = b.maxVariants;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "synthetic_products";
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    String idPrefix() {
        return "prod-";
    }

    @Override
    boolean hasFamilies() {
        return true;
    }

    @Override
    String[] candidateKeys(String[] v) {
        String model = v[MODEL];
        String normalized = model == null ? null : alnum(model);
        String title = v[TITLE].toLowerCase(Locale.ROOT);
        String longest = "";
        for (String token : title.split(" ")) {
            if (token.length() > longest.length()) {
                longest = token;
            }
        }
        return new String[] {
                normalized == null ? null : "m" + (normalized.length() > 6 ? normalized.substring(0, 6) : normalized),
                "t" + v[CATEGORY] + "|" + longest};
    }

    /** Distinct three-letter codes, so no two colours of a family share a SKU. */
    private static String colourCode(String colour) {
        return switch (colour) {
            case "black" -> "BLK";
            case "white" -> "WHT";
            case "navy" -> "NVY";
            case "grey" -> "GRY";
            case "green" -> "GRN";
            case "blue" -> "BLU";
            case "space grey" -> "SGY";
            case "gold" -> "GLD";
            case "silver" -> "SLV";
            case "purple" -> "PUR";
            case "orange" -> "ORG";
            case "yellow" -> "YEL";
            default -> colour.substring(0, Math.min(3, colour.length())).toUpperCase(Locale.ROOT);
        };
    }

    private static String alnum(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    @Override
    void generateGroup(SplittableRandom r, Group out) {
        Category c = CATEGORIES[r.nextInt(CATEGORIES.length)];
        String brand = Lists.any(r, c.brands());
        String line = Lists.any(r, c.lines()) + (c.numberedLines() ? " " + (2 + r.nextInt(20))
                + (r.nextDouble() < 0.3 ? " " + Lists.any(r, "Pro", "Lite", "Plus", "Max") : "") : "");
        String feature = Lists.any(r, c.features());
        String model = brand.substring(0, 2).toUpperCase(Locale.ROOT) + "-" + (char) ('A' + r.nextInt(26))
                + (100 + r.nextInt(9900));
        double basePrice = c.minPrice() + (c.maxPrice() - c.minPrice()) * r.nextDouble() * 0.6;

        int colours = Math.max(1, c.colours().length);
        int sizes = Math.max(1, c.sizes().length);
        int variants = Math.min(colours * sizes, 1 + r.nextInt(maxVariants));
        boolean[] taken = new boolean[colours * sizes];
        for (int v = 0; v < variants; v++) {
            int combo;
            do {
                combo = r.nextInt(taken.length);
            } while (taken[combo]);
            taken[combo] = true;
            String colour = c.colours().length == 0 ? null : c.colours()[combo / sizes];
            int sizeIndex = combo % sizes;
            String size = c.sizes().length == 0 ? null : c.sizes()[sizeIndex];
            String variantModel = c.skuPerVariant()
                    ? model + "-" + (colour == null ? "" : colourCode(colour))
                    + (size == null ? "" : alnum(size).replace("inch", "").toUpperCase(Locale.ROOT))
                    : model;
            // larger sizes and capacities cost more; apparel sizes cost the same
            double price = Math.floor(basePrice * (c.pricedBySize() ? 1 + 0.3 * sizeIndex : 1)) + 0.99;
            String title = brand + " " + line + " " + feature + " " + c.type()
                    + (colour == null ? "" : " " + colour) + (size == null ? "" : " " + size);
            String[] clean = {title, brand, variantModel, c.type(), colour, size, price(price)};
            int item = out.newItem();
            out.add(clean, item);
            if (r.nextDouble() < duplicateShare) {
                int duplicates = 1 + Lists.pick(r, duplicateCounts);
                for (int d = 0; d < duplicates; d++) {
                    out.add(noisy(r, clean, c, price), item);
                }
            }
        }
    }

    private static String[] noisy(SplittableRandom r, String[] clean, Category c, double price) {
        String[] v = clean.clone();
        List<String> words = new ArrayList<>(List.of(v[TITLE].split(" ")));
        if (r.nextDouble() < 0.25) {
            v[BRAND] = null;
            if (r.nextBoolean()) {
                words.remove(clean[BRAND].split(" ")[0]);
            }
        }
        if (r.nextDouble() < 0.4) {
            abbreviate(r, words);
        }
        if (r.nextDouble() < 0.3) {
            String type = String.join(" ", words);
            words = new ArrayList<>(List.of(type.replace(c.type(), Lists.any(r, c.synonyms())).split(" ")));
        }
        if (r.nextDouble() < 0.3) {
            respace(r, words);
        }
        if (r.nextDouble() < 0.3 && words.size() > 2) {
            // move a word elsewhere, e.g. the colour or capacity to the front
            String w = words.remove(1 + r.nextInt(words.size() - 1));
            words.add(r.nextInt(words.size()), w);
        }
        if (r.nextDouble() < 0.3) {
            int i = r.nextInt(words.size());
            if (words.get(i).length() > 3) {
                words.set(i, Errors.typo(r, words.get(i)));
            }
        }
        if (r.nextDouble() < 0.2) {
            words.add(r.nextBoolean() ? 0 : words.size(), Lists.any(r, MARKETING));
        }
        if (r.nextDouble() < 0.2 && v[MODEL] != null) {
            words.add(v[MODEL]);
        }
        String title = String.join(" ", words);
        double u = r.nextDouble();
        v[TITLE] = u < 0.1 ? title.toLowerCase(Locale.ROOT) : u < 0.15 ? title.toUpperCase(Locale.ROOT) : title;
        u = r.nextDouble();
        if (v[MODEL] != null) {
            v[MODEL] = u < 0.15 ? null : u < 0.3 ? v[MODEL].replace("-", "") : u < 0.4
                    ? v[MODEL].toLowerCase(Locale.ROOT) : v[MODEL];
        }
        v[CATEGORY] = r.nextDouble() < 0.1 ? null : v[CATEGORY];
        v[COLOR] = v[COLOR] == null || r.nextDouble() < 0.2 ? null : r.nextDouble() < 0.2 ? capitalise(v[COLOR]) : v[COLOR];
        v[SIZE] = v[SIZE] == null || r.nextDouble() < 0.2 ? null : v[SIZE];
        v[PRICE] = r.nextDouble() < 0.05 ? null : price(price * (0.94 + 0.12 * r.nextDouble()));
        return v;
    }

    private static void abbreviate(SplittableRandom r, List<String> words) {
        int start = r.nextInt(ABBREVIATIONS.length);
        for (int k = 0; k < ABBREVIATIONS.length; k++) {
            String[] a = ABBREVIATIONS[(start + k) % ABBREVIATIONS.length];
            int at = words.indexOf(a[0]);
            if (at >= 0) {
                words.set(at, a[1]);
                return;
            }
        }
    }

    /** Capacities and sizes written differently: "128GB" -> "128 GB"/"128G", "55 inch" -> 55" or 55in. */
    private static void respace(SplittableRandom r, List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.matches("\\d+(GB|TB)")) {
                String unit = w.substring(w.length() - 2);
                String number = w.substring(0, w.length() - 2);
                words.set(i, r.nextBoolean() ? number + " " + unit : number + unit.charAt(0));
                return;
            }
            if (w.equals("inch") && i > 0) {
                words.remove(i);
                words.set(i - 1, words.get(i - 1) + (r.nextBoolean() ? "\"" : "in"));
                return;
            }
        }
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A price with two decimals. */
    private static String price(double value) {
        long cents = Math.max(99, Math.round(value * 100));
        long dollars = cents / 100;
        long rest = cents % 100;
        return dollars + "." + (rest < 10 ? "0" : "") + rest;
    }

    /** Product-generator settings; see {@link SyntheticGenerator.Builder} for the common ones. */
    public static final class Builder extends SyntheticGenerator.Builder<Builder> {
        private int maxVariants = 6;

        private Builder() {
            super(0.6, 4); // default: 60% of variants listed again, at most 4 extra listings each
        }

        /** The most variants of one base product (default 6; uniform from 1). */
        public Builder maxVariants(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxVariants must be positive, was " + n);
            }
            this.maxVariants = n;
            return this;
        }

        @Override
        public ProductGenerator build() {
            return new ProductGenerator(this);
        }
    }
}
