package dev.matcher.eval.synth;

import dev.matcher.data.Attribute;
import dev.matcher.data.AttributeKind;
import dev.matcher.data.Schema;
import dev.matcher.data.Table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A product catalogue with variant families listed by several shops, made to be hard the way real catalogues are
 * (issue 17): the benchmark for telling an exact duplicate from a variant. Five categories — apparel (colour ×
 * XS..3XL), shoes (colour × US size), phones and storage (colour × capacity), bedding (colour × Twin..Cal King) and
 * packs (colour × pack count) — each with several brands, product lines and product types.
 *
 * <p><b>Structure.</b> A <em>group</em> is one product line with, in 45 % of groups, one or two <em>sibling lines</em>
 * (same brand, type, palette and sizes; another model word or number: {@code Essential Tee} / {@code Essential Pocket
 * Tee}, {@code Nova 12} / {@code Nova 12 Pro}) — the hard negatives. Each line is a <em>family</em> offered in 2–5
 * colours × 2–5 consecutive sizes (about 10 % of the combinations dropped); each combination is an <em>item</em>,
 * listed 1–4 times (30/35/22/13 %), each time by another of six shops. Splits are by group (3:1:1), so a family and
 * its siblings are in one split and no family is in two.
 *
 * <p><b>Noise model</b> (independent per listing; the rates are the defaults, measured ones are in SOURCE.md):
 * <ul>
 *   <li><b>where each variant value is</b> (colour and size separately): in its column 52 % (then also in the title
 *   half the time, spelled independently), only in the title 25 %, only in the description 20 %, nowhere 3 % (a
 *   <em>silent</em> side: pairs with it are ambiguous by construction);</li>
 *   <li><b>how it is written</b>: every written occurrence is the plain name with probability 1/2, else another
 *   spelling of the same value: abbreviations ({@code Blk}, {@code Wht}, {@code Nvy}, {@code Gry}), shades and
 *   synonyms ({@code Jet Black}, {@code Heather Grey}, {@code Charcoal Grey}, {@code Gray}, {@code Navy Blue},
 *   {@code Sand}), size spellings ({@code Small}/{@code Sm}/{@code size S}, {@code 2XL}/{@code XX-Large},
 *   {@code US 7}/{@code 7.0}/{@code Size 7}/{@code EU 40}, {@code 64G}/{@code 64 GB}, {@code Single}/{@code Twin},
 *   {@code Qn}, {@code Pack of 6}/{@code 6pk}/{@code x6}/{@code 6 Pairs}); 8 % of filled colour columns hold a
 *   shop's own marketing name instead ({@code Storm}, {@code Harbor}, {@code Dune}), with the plain name in the
 *   title when the title mentions the colour;</li>
 *   <li><b>typos</b>: 5 % of values (per listing and dimension) get one keyboard slip, swap, insertion or deletion
 *   ({@code Lage}, {@code Balck}) in one of their written occurrences;</li>
 *   <li><b>titles</b>: each shop has its own template — {@code Brand Line Tee - Navy / XL}, {@code BRAND line tee,
 *   Gray, XXL}, {@code Brand Line Tee (Heather Grey) Size: Sm}, {@code Brand Line Tee Navy XL}, {@code Brand Line XL
 *   Tee in Navy}, {@code Tee | Brand Line | Navy | XL} — and its own word for the product type; 10 % of titles drop
 *   the brand, 15 % add a marketing phrase, 8 % are upper case and 8 % lower case, 10 % carry the SKU;</li>
 *   <li><b>descriptions</b> (always when a value is only there, else half the listings): labelled
 *   ({@code Colour: Pink. Size: Sm.}) 70 % or in a sentence ({@code Shown in pink.}); 10 % of descriptions also list
 *   other colours the line comes in (a decoy);</li>
 *   <li><b>other columns</b>: brand missing 10 % (upper case 10 %), category missing 15 %, a per-variant SKU in 35 %
 *   of listings (dashes dropped or lower case in 30 % of those), price jitter of ±6 % per shop (capacity, bed size
 *   and pack count raise the price; apparel and shoe sizes do not).</li>
 * </ul>
 *
 * <p>The dataset folder ({@link VariantCatalog#writeDataset}) holds {@code left.csv}, {@code matches.csv} (same
 * item), {@code family_matches.csv}, {@code clusters.csv} ({@code id,cluster_id,family_id}), exact-level
 * {@code train/valid/test.csv} and family-level {@code family_train/family_valid/family_test.csv}; see
 * {@link VariantCatalog} for how pairs are sampled.
 *
 * <pre>{@code
 * VariantCatalog c = VariantCatalogGenerator.builder().records(10_000).seed(1).build().generate();
 * c.writeDataset(Path.of("/tmp/variants-1"));     // BenchmarkDataset.load reads it (exact level)
 * c.rates();                                       // the measured rate of every noise class
 * }</pre>
 */
public final class VariantCatalogGenerator {
    static final int TITLE = 0;
    static final int BRAND = 1;
    static final int CATEGORY = 2;
    static final int COLOR = 3;
    static final int SIZE = 4;
    static final int SKU = 5;
    static final int PRICE = 6;
    static final int DESCRIPTION = 7;

    static final Schema SCHEMA = Schema.of(
            new Attribute("title", AttributeKind.STRING),
            new Attribute("brand", AttributeKind.CATEGORICAL),
            new Attribute("category", AttributeKind.CATEGORICAL),
            new Attribute("color", AttributeKind.CATEGORICAL),
            new Attribute("size", AttributeKind.CATEGORICAL),
            new Attribute("sku", AttributeKind.IDENTIFIER),
            new Attribute("price", AttributeKind.NUMERIC),
            new Attribute("description", AttributeKind.TEXT));

    /** Where a listing says a variant value. */
    enum Placement { COLUMN, TITLE, DESCRIPTION, SILENT }

    /** Default rates of the noise model (see the class comment). */
    static final double P_COLUMN = 0.52;
    static final double P_TITLE_ONLY = 0.25;
    static final double P_DESCRIPTION_ONLY = 0.20;
    static final double P_TITLE_TOO = 0.5;
    static final double P_PLAIN = 0.5;
    static final double P_MARKETING = 0.08;
    static final double P_TYPO = 0.05;
    static final double P_SIBLINGS = 0.45;
    static final double P_DESCRIPTION = 0.5;
    static final double P_LABELLED_DESCRIPTION = 0.7;
    static final double P_DECOY = 0.10;
    static final double P_SKU = 0.35;

    private record Category(String kind, String category, String[] types, String[] brands, String[] lines,
                            String[] siblingWords, String[] colours, String[] ladder, double minPrice,
                            double maxPrice, boolean pricedBySize) {
    }

    private static final String[] APPAREL_COLOURS = {"black", "white", "grey", "navy", "red", "green", "blue", "beige",
        "burgundy", "pink", "olive", "yellow"};
    private static final Category[] CATEGORIES = {
        new Category("apparel", "T-Shirts", new String[] {"Tee", "T-Shirt", "Tshirt", "Crew Tee"},
            new String[] {"Acme", "Northwind", "Kestrel", "Halden", "Marlow", "Fenwick"},
            new String[] {"Essential", "Classic", "Everyday", "Heritage", "Coastal", "Studio", "Organic"},
            new String[] {"Pocket", "Slim", "Heavyweight", "Relaxed", "Long Sleeve"}, APPAREL_COLOURS,
            new String[] {"XS", "S", "M", "L", "XL", "XXL", "3XL"}, 12, 40, false),
        new Category("apparel", "Hoodies", new String[] {"Hoodie", "Hooded Sweatshirt", "Pullover Hoodie"},
            new String[] {"Acme", "Northwind", "Tundra", "Solace", "Marlow"},
            new String[] {"Campus", "Lounge", "Trail", "Fleece", "Essential"},
            new String[] {"Zip", "Oversized", "Midweight", "Sherpa"}, APPAREL_COLOURS,
            new String[] {"XS", "S", "M", "L", "XL", "XXL", "3XL"}, 35, 85, false),
        new Category("apparel", "Leggings", new String[] {"Leggings", "Yoga Leggings", "Tights"},
            new String[] {"Solace", "Kestrel", "Veyra", "Halden"},
            new String[] {"Flow", "Sculpt", "Align", "Core", "Studio"},
            new String[] {"High Rise", "7/8", "Pocket", "Thermal"},
            new String[] {"black", "navy", "grey", "burgundy", "olive", "pink", "blue"},
            new String[] {"XS", "S", "M", "L", "XL", "XXL"}, 25, 90, false),
        new Category("shoes", "Running Shoes", new String[] {"Running Shoe", "Runner", "Running Shoes", "Trainers"},
            new String[] {"Stridex", "Veyra", "Kestrel", "Arden"},
            new String[] {"Glide", "Pace", "Tempo", "Swift", "Nimbus", "Drift"},
            new String[] {"Trail", "Wide", "GTX", "Plus"},
            new String[] {"black", "white", "grey", "navy", "red", "blue", "green"},
            new String[] {"6", "6.5", "7", "7.5", "8", "8.5", "9", "9.5", "10", "10.5", "11", "12", "13"},
            60, 180, false),
        new Category("shoes", "Sneakers", new String[] {"Sneaker", "Sneakers", "Court Shoe", "Low Top"},
            new String[] {"Arden", "Veyra", "Marlow", "Court & Co"},
            new String[] {"Court", "Classic", "Street", "Canvas", "Retro"},
            new String[] {"Low", "High", "Suede", "Platform"},
            new String[] {"black", "white", "grey", "navy", "beige", "green", "red"},
            new String[] {"5", "6", "7", "8", "9", "10", "11", "12"}, 45, 140, false),
        new Category("storage", "Smartphones", new String[] {"Smartphone", "Phone", "5G Smartphone", "Mobile Phone"},
            new String[] {"Lumio", "Vantix", "Orbis", "Corvex", "Zentra"},
            new String[] {"Nova", "Pulse", "Edge", "Prime", "Aura"},
            new String[] {"Pro", "Plus", "Lite", "Max"},
            new String[] {"black", "white", "blue", "green", "silver", "purple", "gold"},
            new String[] {"64GB", "128GB", "256GB", "512GB", "1TB"}, 199, 999, true),
        new Category("storage", "Tablets", new String[] {"Tablet", "Tab", "Tablet PC"},
            new String[] {"Lumio", "Orbis", "Quarto", "Zentra"},
            new String[] {"Slate", "Canvas", "Pad", "Note"},
            new String[] {"Pro", "Mini", "Air", "LTE"},
            new String[] {"grey", "silver", "gold", "blue", "black"},
            new String[] {"64GB", "128GB", "256GB", "512GB"}, 249, 899, true),
        new Category("storage", "Memory Cards", new String[] {"microSD Card", "Memory Card", "microSDXC Card"},
            new String[] {"Datavault", "Nimbus", "Quarto", "Corvex"},
            new String[] {"Extreme", "Ultra", "Select", "Endurance"},
            new String[] {"Pro", "Plus", "Go", "Max"},
            new String[] {"black", "red", "blue", "white"},
            new String[] {"32GB", "64GB", "128GB", "256GB", "512GB"}, 8, 70, true),
        new Category("bedding", "Sheet Sets", new String[] {"Sheet Set", "Bed Sheet Set", "Sheets"},
            new String[] {"Dreamwell", "Linenhaus", "Cozyline", "Slumberly"},
            new String[] {"Percale", "Sateen", "Washed Linen", "Bamboo", "Jersey"},
            new String[] {"Deep Pocket", "Organic", "Cooling", "Luxe"},
            new String[] {"white", "grey", "navy", "blue", "beige", "green", "pink"},
            new String[] {"Twin", "Twin XL", "Full", "Queen", "King", "Cal King"}, 39, 180, true),
        new Category("bedding", "Duvet Covers", new String[] {"Duvet Cover", "Duvet Cover Set", "Comforter Cover"},
            new String[] {"Dreamwell", "Linenhaus", "Cozyline", "Northwind"},
            new String[] {"Stonewashed", "Waffle", "Percale", "Chambray"},
            new String[] {"Organic", "Ruffled", "Striped", "Reversible"},
            new String[] {"white", "grey", "navy", "beige", "green", "pink", "burgundy"},
            new String[] {"Twin", "Full", "Queen", "King", "Cal King"}, 49, 220, true),
        new Category("packs", "Socks", new String[] {"Crew Socks", "Socks", "Athletic Socks"},
            new String[] {"Acme", "Kestrel", "Tundra", "Stridex"},
            new String[] {"Cushioned", "Everyday", "Performance", "Merino"},
            new String[] {"Ankle", "No Show", "Quarter", "Compression"},
            new String[] {"black", "white", "grey", "navy", "beige"},
            new String[] {"3", "5", "6", "10", "12"}, 9, 40, true),
        new Category("packs", "Kitchen Sponges", new String[] {"Scrub Sponges", "Sponges", "Kitchen Sponges"},
            new String[] {"Brightly", "Homecraft", "Scrubwell"},
            new String[] {"Heavy Duty", "Non-Scratch", "Everyday", "Eco"},
            new String[] {"Max", "Plus", "Soft", "Tough"},
            new String[] {"yellow", "green", "blue", "pink", "grey"},
            new String[] {"3", "6", "9", "12", "24"}, 3, 20, true),
    };

    /** The plain name, then other spellings (abbreviations, synonyms, shades), then marketing names. */
    private static final Map<String, String[][]> COLOUR_SPELLINGS = new LinkedHashMap<>();

    static {
        COLOUR_SPELLINGS.put("black", new String[][] {{"Black"}, {"Blk", "BLACK", "Jet Black", "Onyx Black"}, {"Midnight", "Obsidian"}});
        COLOUR_SPELLINGS.put("white", new String[][] {{"White"}, {"Wht", "WHITE", "Optic White", "Bright White"},
            {"Cloud", "Chalk"}});
        COLOUR_SPELLINGS.put("grey", new String[][] {{"Grey"}, {"Gray", "Gry", "Heather Grey", "Heather Gray",
            "Charcoal Grey", "GREY"}, {"Storm", "Pebble"}});
        COLOUR_SPELLINGS.put("navy", new String[][] {{"Navy"}, {"Navy Blue", "NAVY", "Nvy", "Dark Navy"},
            {"Harbor", "Admiral"}});
        COLOUR_SPELLINGS.put("red", new String[][] {{"Red"}, {"RED", "Crimson", "Cherry Red", "Scarlet Red"},
            {"Ember", "Flame"}});
        COLOUR_SPELLINGS.put("green", new String[][] {{"Green"}, {"Grn", "Forest Green", "Sage Green", "GREEN"},
            {"Fern", "Evergreen"}});
        COLOUR_SPELLINGS.put("blue", new String[][] {{"Blue"}, {"Royal Blue", "Cobalt Blue", "Blu", "BLUE"},
            {"Lagoon", "Atlantic"}});
        COLOUR_SPELLINGS.put("beige", new String[][] {{"Beige"}, {"Sand", "Stone", "Khaki", "BEIGE"},
            {"Dune", "Oat"}});
        COLOUR_SPELLINGS.put("burgundy", new String[][] {{"Burgundy"}, {"Maroon", "Wine", "Bordeaux"},
            {"Merlot", "Cabernet"}});
        COLOUR_SPELLINGS.put("pink", new String[][] {{"Pink"}, {"Blush Pink", "Pnk", "Light Pink", "PINK"},
            {"Petal", "Rosewater"}});
        COLOUR_SPELLINGS.put("olive", new String[][] {{"Olive"}, {"Olive Green", "Army Green", "Military Green"},
            {"Moss", "Fatigue"}});
        COLOUR_SPELLINGS.put("yellow", new String[][] {{"Yellow"}, {"Mustard", "Ylw", "Lemon Yellow"},
            {"Sunbeam", "Daffodil"}});
        COLOUR_SPELLINGS.put("silver", new String[][] {{"Silver"}, {"Slv", "Metallic Silver", "SILVER"},
            {"Moonlight", "Frost"}});
        COLOUR_SPELLINGS.put("purple", new String[][] {{"Purple"}, {"Violet", "Prpl", "Deep Purple"},
            {"Amethyst", "Orchid"}});
        COLOUR_SPELLINGS.put("gold", new String[][] {{"Gold"}, {"Golden", "Champagne Gold", "Gld"},
            {"Sunrise", "Honey"}});
    }

    private static final List<String> COLOURS = List.copyOf(COLOUR_SPELLINGS.keySet());
    private static final Map<String, String[]> APPAREL_SIZES = Map.of(
            "XS", new String[] {"X-Small", "Extra Small", "xs", "size XS"},
            "S", new String[] {"Small", "Sm", "size S", "SM"},
            "M", new String[] {"Medium", "Med", "size M", "Md"},
            "L", new String[] {"Large", "Lg", "Lrg", "size L"},
            "XL", new String[] {"X-Large", "Extra Large", "1XL", "size XL"},
            "XXL", new String[] {"2XL", "XX-Large", "2X-Large", "xxl"},
            "3XL", new String[] {"XXXL", "XXX-Large", "3X-Large"});
    private static final Map<String, String[]> BEDDING_SIZES = Map.of(
            "Twin", new String[] {"Single", "Twin Size", "TWIN"},
            "Twin XL", new String[] {"TXL", "Twin Extra Long", "Twin X-Long"},
            "Full", new String[] {"Double", "Full Size", "Full/Double"},
            "Queen", new String[] {"Qn", "Queen Size", "QUEEN", "Q"},
            "King", new String[] {"King Size", "K", "KING"},
            "Cal King", new String[] {"California King", "CK", "Cal-King"});
    /** US men's to EU, for the shops that give EU sizes. */
    private static final Map<String, String> US_TO_EU = Map.ofEntries(Map.entry("5", "37.5"), Map.entry("6", "39"),
            Map.entry("6.5", "39.5"), Map.entry("7", "40"), Map.entry("7.5", "40.5"), Map.entry("8", "41"),
            Map.entry("8.5", "42"), Map.entry("9", "42.5"), Map.entry("9.5", "43"), Map.entry("10", "44"),
            Map.entry("10.5", "44.5"), Map.entry("11", "45"), Map.entry("12", "46"), Map.entry("13", "47.5"));
    private static final String[] MARKETING = {"NEW", "Free Shipping", "Best Seller", "Top Rated", "Sale",
        "Limited Stock"};
    private static final String[] SHOPS = {"Brightmart", "Kiosko", "Threadline", "Marketbay", "Urbanshelf",
        "Dealhaus"};

    private final int records;
    private final long seed;

    private VariantCatalogGenerator(Builder b) {
        this.records = b.records;
        this.seed = b.seed;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int records() {
        return records;
    }

    public long seed() {
        return seed;
    }

    /** One variant written out in the listing. */
    private record Written(String column, String title, String description, boolean descriptionLabelled) {
    }

    /**
     * Makes the catalogue: whole groups until at least {@link #records()} listings exist (so slightly more), rows
     * shuffled, ids {@code v0..}.
     */
    public VariantCatalog generate() {
        SplittableRandom r = new SplittableRandom(seed);
        List<String[]> rows = new ArrayList<>();
        List<int[]> truth = new ArrayList<>();             // item, family, group, category, colour, size
        List<int[]> noise = new ArrayList<>();             // flags per dimension (see VariantCatalog)
        int family = 0;
        int item = 0;
        for (int group = 0; rows.size() < records; group++) {
            int ci = r.nextInt(CATEGORIES.length);
            Category c = CATEGORIES[ci];
            String brand = Lists.any(r, c.brands());
            String baseLine = Lists.any(r, c.lines()) + (c.kind().equals("storage") || c.kind().equals("shoes")
                    ? " " + (2 + r.nextInt(14)) : "");
            int lines = r.nextDouble() < P_SIBLINGS ? 2 + r.nextInt(2) : 1;
            List<String> siblingWords = new ArrayList<>(Arrays.asList(c.siblingWords()));
            // the group's palette and size window, shared by its lines (siblings look alike)
            String[] palette = pick(r, c.colours(), 5);
            int ladderFrom = r.nextInt(Math.max(1, c.ladder().length - 1));
            for (int l = 0; l < lines; l++, family++) {
                String line = baseLine;
                if (l > 0) {
                    String w = siblingWords.remove(r.nextInt(siblingWords.size()));
                    line = r.nextBoolean() ? baseLine + " " + w : w + " " + baseLine;
                }
                int nColours = 2 + r.nextInt(4);
                int nSizes = Math.min(2 + r.nextInt(4), c.ladder().length - ladderFrom);
                nSizes = Math.max(2, nSizes);
                int from = Math.min(ladderFrom, c.ladder().length - nSizes);
                String[] colours = Arrays.copyOf(shuffle(r, palette.clone()), Math.min(nColours, palette.length));
                double basePrice = c.minPrice() + (c.maxPrice() - c.minPrice()) * r.nextDouble() * 0.7;
                String skuStem = (brand.replaceAll("[^A-Za-z]", "").substring(0, 2) + "-"
                        + line.replaceAll("[^A-Za-z0-9]", "").substring(0, 3) + (10 + r.nextInt(90)))
                        .toUpperCase(Locale.ROOT);
                for (String colour : colours) {
                    for (int si = from; si < from + nSizes; si++) {
                        if (r.nextDouble() < 0.10) {
                            continue;
                        }
                        String size = c.ladder()[si];
                        double price = basePrice * (c.pricedBySize() ? 1 + 0.25 * (si - from) : 1);
                        String sku = skuStem + "-" + colourCode(colour) + size.replaceAll("[^A-Za-z0-9]", "")
                                .toUpperCase(Locale.ROOT);
                        int listings = listingCount(r);
                        int[] shops = shuffle(r, new int[] {0, 1, 2, 3, 4, 5});
                        for (int k = 0; k < listings; k++) {
                            int[] flags = new int[2];
                            rows.add(listing(r, c, shops[k], brand, line, colour, size, sku, price, colours, flags));
                            truth.add(new int[] {item, family, group, ci, COLOURS.indexOf(colour), si});
                            noise.add(new int[] {flags[0], flags[1] | (lines > 1 ? VariantCatalog.SIBLING : 0)});
                        }
                        item++;
                    }
                }
            }
        }
        // shuffle rows: ids carry no hint of the truth
        int n = rows.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle(r, order);
        String[] ids = new String[n];
        String[][] columns = new String[SCHEMA.size()][n];
        int[][] t = new int[6][n];
        int[][] flags = new int[2][n];
        for (int i = 0; i < n; i++) {
            int src = order[i];
            ids[i] = "v" + i;
            for (int a = 0; a < SCHEMA.size(); a++) {
                columns[a][i] = rows.get(src)[a];
            }
            for (int k = 0; k < 6; k++) {
                t[k][i] = truth.get(src)[k];
            }
            flags[0][i] = noise.get(src)[0];
            flags[1][i] = noise.get(src)[1];
        }
        Table table = Table.of("variant_catalog", ids, SCHEMA.names(), columns, SCHEMA);
        return new VariantCatalog(this, table, t, flags, new SplittableRandom(seed ^ 0x5DEECE66DL));
    }

    private static int listingCount(SplittableRandom r) {
        double u = r.nextDouble();
        return u < 0.30 ? 1 : u < 0.65 ? 2 : u < 0.87 ? 3 : 4;
    }

    /** One listing of an item by a shop; {@code flags} receives the noise applied per dimension. */
    private static String[] listing(SplittableRandom r, Category c, int shop, String brand, String line,
                                    String colour, String size, String sku, double price, String[] familyColours,
                                    int[] flags) {
        Written wc = written(r, c, true, colour, flags, 0, shop);
        Written ws = written(r, c, false, size, flags, 1, shop);
        String type = r.nextDouble() < 0.8 ? c.types()[shop % c.types().length] : Lists.any(r, c.types());
        String brandInTitle = r.nextDouble() < 0.10 ? null : brand;
        String title = title(shop, c, brandInTitle, line, type, wc.title, ws.title);
        double u = r.nextDouble();
        if (u < 0.15) {
            title = r.nextBoolean() ? Lists.any(r, MARKETING) + " " + title : title + " " + Lists.any(r, MARKETING);
        }
        if (r.nextDouble() < 0.10) {
            title = title + " " + sku;
        }
        u = r.nextDouble();
        title = u < 0.08 ? title.toUpperCase(Locale.ROOT) : u < 0.16 ? title.toLowerCase(Locale.ROOT) : title;
        String description = description(r, c, brand, line, type, wc, ws, colour, familyColours);
        String b = r.nextDouble() < 0.10 ? null : r.nextDouble() < 0.11 ? brand.toUpperCase(Locale.ROOT) : brand;
        String category = r.nextDouble() < 0.15 ? null : c.category();
        String s = null;
        if (r.nextDouble() < P_SKU) {
            double f = r.nextDouble();
            s = f < 0.15 ? sku.replace("-", "") : f < 0.3 ? sku.toLowerCase(Locale.ROOT) : sku;
        }
        double p = Math.floor(price * (0.94 + 0.12 * r.nextDouble())) + (shop % 2 == 0 ? 0.99 : 0.49);
        return new String[] {title, b, category, wc.column, ws.column, s,
            String.format(Locale.ROOT, "%.2f", p), description};
    }

    /** Where and how one variant value is written, recording the noise in {@code flags[dim]}. */
    private static Written written(SplittableRandom r, Category c, boolean isColour, String value, int[] flags,
                                   int dim, int shop) {
        double u = r.nextDouble();
        Placement place = u < P_COLUMN ? Placement.COLUMN : u < P_COLUMN + P_TITLE_ONLY ? Placement.TITLE
                : u < P_COLUMN + P_TITLE_ONLY + P_DESCRIPTION_ONLY ? Placement.DESCRIPTION : Placement.SILENT;
        String column = null;
        String title = null;
        String description = null;
        int f = 0;
        switch (place) {
            case COLUMN -> {
                if (isColour && r.nextDouble() < P_MARKETING) {
                    column = marketing(r, value);
                    f |= VariantCatalog.MARKETING;
                    if (r.nextDouble() < P_TITLE_TOO) {
                        title = plain(c, isColour, value);
                    }
                } else {
                    column = spell(r, c, isColour, value, shop);
                    if (r.nextDouble() < P_TITLE_TOO) {
                        title = spell(r, c, isColour, value, shop);
                    }
                }
            }
            case TITLE -> {
                title = spell(r, c, isColour, value, shop);
                f |= VariantCatalog.ELSEWHERE;
            }
            case DESCRIPTION -> {
                description = spell(r, c, isColour, value, shop);
                f |= VariantCatalog.ELSEWHERE;
            }
            default -> f |= VariantCatalog.SILENT;
        }
        String plain = plain(c, isColour, value);
        for (String w : new String[] {column, title, description}) {
            if (w != null && !w.equals(plain) && (f & VariantCatalog.MARKETING) == 0) {
                f |= VariantCatalog.WRITTEN_DIFFERENTLY;
            }
        }
        if (place != Placement.SILENT && r.nextDouble() < P_TYPO) {
            f |= VariantCatalog.TYPO;
            if (column != null && (title == null || r.nextBoolean())) {
                column = typo(r, column);
            } else if (title != null) {
                title = typo(r, title);
            } else {
                description = typo(r, description);
            }
        }
        flags[dim] = f;
        return new Written(column, title, description, r.nextDouble() < P_LABELLED_DESCRIPTION);
    }

    /** A slip that changes the value (a letter, never only the case). */
    private static String typo(SplittableRandom r, String s) {
        for (int tries = 0; tries < 10; tries++) {
            String t = Errors.typo(r, s);
            if (!t.equalsIgnoreCase(s) && t.chars().anyMatch(Character::isLetterOrDigit)) {
                return t;
            }
        }
        return s + "e";
    }

    private static String plain(Category c, boolean isColour, String value) {
        if (isColour) {
            return COLOUR_SPELLINGS.get(value)[0][0];
        }
        return switch (c.kind()) {
            case "shoes" -> "US " + value;
            case "packs" -> value + "-Pack";
            default -> value;
        };
    }

    private static String marketing(SplittableRandom r, String colour) {
        return Lists.any(r, COLOUR_SPELLINGS.get(colour)[2]);
    }

    /** The plain name half the time, else another spelling of the same value. */
    private static String spell(SplittableRandom r, Category c, boolean isColour, String value, int shop) {
        if (r.nextDouble() < P_PLAIN) {
            return plain(c, isColour, value);
        }
        if (isColour) {
            return Lists.any(r, COLOUR_SPELLINGS.get(value)[1]);
        }
        return switch (c.kind()) {
            case "apparel" -> Lists.any(r, APPAREL_SIZES.get(value));
            case "bedding" -> Lists.any(r, BEDDING_SIZES.get(value));
            case "shoes" -> {
                String v = value.contains(".") ? value : value + (r.nextBoolean() ? ".0" : "");
                yield shop == 5 && US_TO_EU.containsKey(value) ? "EU " + US_TO_EU.get(value)
                        : Lists.any(r, v, "Size " + value, "US" + value, "US " + v, "Men's " + value);
            }
            case "storage" -> {
                String digits = value.replaceAll("[^0-9]", "");
                String unit = value.endsWith("TB") ? "TB" : "GB";
                yield Lists.any(r, digits + " " + unit, digits + unit.charAt(0), digits + unit.toLowerCase(Locale.ROOT),
                        digits + " " + unit.charAt(0) + "b", unit.equals("TB") ? "1000GB" : digits + "-GB");
            }
            case "packs" -> Lists.any(r, "Pack of " + value, value + "pk", "x" + value, value + " Count",
                    value + (c.category().equals("Socks") ? " Pairs" : " Pcs"), value + " Pack");
            default -> value;
        };
    }

    private static String title(int shop, Category c, String brand, String line, String type, String colour,
                                String size) {
        String b = brand == null ? "" : brand + " ";
        String base = b + line + " " + type;
        return switch (shop) {
            case 0 -> base + (colour != null || size != null ? " - " + join(" / ", colour, size) : "");
            case 1 -> (brand == null ? "" : brand.toUpperCase(Locale.ROOT) + " ")
                    + (line + " " + type).toLowerCase(Locale.ROOT)
                    + (colour == null ? "" : ", " + colour) + (size == null ? "" : ", " + size);
            case 2 -> base + (colour == null ? "" : " (" + colour + ")")
                    + (size == null ? "" : " " + sizeLabel(c) + ": " + size);
            case 3 -> base + (colour == null ? "" : " " + colour) + (size == null ? "" : " " + size);
            case 4 -> b + line + (size == null ? "" : " " + size) + " " + type + (colour == null ? "" : " in " + colour);
            default -> type + " | " + b.strip() + (brand == null ? "" : " ") + line
                    + (colour == null ? "" : " | " + colour) + (size == null ? "" : " | " + size);
        };
    }

    private static String sizeLabel(Category c) {
        return switch (c.kind()) {
            case "storage" -> "Storage";
            case "packs" -> "Qty";
            default -> "Size";
        };
    }

    private static String join(String sep, String a, String b) {
        return a == null ? b : b == null ? a : a + sep + b;
    }

    private static String description(SplittableRandom r, Category c, String brand, String line, String type,
                                      Written wc, Written ws, String colour, String[] familyColours) {
        boolean needed = wc.description != null || ws.description != null;
        if (!needed && r.nextDouble() >= P_DESCRIPTION) {
            return null;
        }
        StringBuilder d = new StringBuilder();
        d.append(brand).append(' ').append(line).append(' ').append(type.toLowerCase(Locale.ROOT)).append(". ");
        d.append(switch (c.kind()) {
            case "apparel" -> Lists.any(r, "Soft combed cotton, regular fit.", "Breathable fabric that keeps its shape.",
                    "Machine washable.");
            case "shoes" -> Lists.any(r, "Cushioned midsole and breathable mesh upper.", "Rubber outsole for grip.",
                    "Lightweight and responsive.");
            case "storage" -> Lists.any(r, "Fast, reliable storage for photos and apps.", "Unlocked, dual SIM.",
                    "Read speeds up to 160 MB/s.");
            case "bedding" -> Lists.any(r, "Breathable long-staple cotton.", "Fits mattresses up to 16 inches deep.",
                    "Oeko-Tex certified.");
            default -> Lists.any(r, "Great value multipack.", "Durable and long lasting.", "Everyday essentials.");
        });
        if (wc.description != null) {
            d.append(wc.descriptionLabelled ? " Colour: " + wc.description + "." : " Shown in " + wc.description + ".");
        }
        if (ws.description != null) {
            d.append(ws.descriptionLabelled ? " " + sizeLabel(c) + ": " + ws.description + "."
                    : switch (c.kind()) {
                        case "storage" -> " With " + ws.description + " of storage.";
                        case "bedding" -> " Fits " + ws.description + " beds.";
                        case "packs" -> " Contains " + ws.description + ".";
                        default -> " This listing is for " + ws.description + ".";
                    });
        }
        if (r.nextDouble() < P_DECOY && familyColours.length > 1) {
            List<String> others = new ArrayList<>();
            for (String fc : familyColours) {
                if (!fc.equals(colour)) {
                    others.add(COLOUR_SPELLINGS.get(fc)[0][0].toLowerCase(Locale.ROOT));
                }
            }
            d.append(" Also available in ").append(String.join(", ", others)).append('.');
        }
        return d.toString();
    }

    private static String colourCode(String colour) {
        return switch (colour) {
            case "black" -> "BLK";
            case "white" -> "WHT";
            case "grey" -> "GRY";
            case "navy" -> "NVY";
            case "green" -> "GRN";
            case "blue" -> "BLU";
            case "beige" -> "BGE";
            case "burgundy" -> "BUR";
            case "pink" -> "PNK";
            case "olive" -> "OLV";
            case "yellow" -> "YEL";
            case "silver" -> "SLV";
            case "purple" -> "PUR";
            case "gold" -> "GLD";
            default -> colour.substring(0, 3).toUpperCase(Locale.ROOT);
        };
    }

    private static String[] pick(SplittableRandom r, String[] from, int max) {
        String[] s = shuffle(r, from.clone());
        return Arrays.copyOf(s, Math.min(max, s.length));
    }

    private static <T> T[] shuffle(SplittableRandom r, T[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            T t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private static int[] shuffle(SplittableRandom r, int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    /** The shop names, for the dataset's SOURCE.md. */
    static List<String> shops() {
        return List.of(SHOPS);
    }

    /** Every category's name, for SOURCE.md. */
    static Set<String> categories() {
        Set<String> s = new HashSet<>();
        for (Category c : CATEGORIES) {
            s.add(c.kind() + ": " + c.category());
        }
        return s;
    }

    @Override
    public String toString() {
        return "VariantCatalogGenerator[" + records + " listings, seed " + seed + "]";
    }

    /** Settings; every one has a default. */
    public static final class Builder {
        private int records = 10_000;
        private long seed = 42;

        private Builder() {
        }

        /** At least this many listings (whole families, so a few more); default 10,000. */
        public Builder records(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("records must be positive, was " + n);
            }
            records = n;
            return this;
        }

        /** The random seed; the same seed gives the same catalogue. Default 42. */
        public Builder seed(long s) {
            seed = s;
            return this;
        }

        public VariantCatalogGenerator build() {
            return new VariantCatalogGenerator(this);
        }
    }
}
