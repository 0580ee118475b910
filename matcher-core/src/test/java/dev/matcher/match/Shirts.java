package dev.matcher.match;

import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small synthetic shirt catalogue for mode tests: products in pairs of "siblings" that differ only in their model
 * number; each product in 3 colour/size variants; each variant listed twice with small title noise.
 */
final class Shirts {
    static final String[] BRANDS = {"Acme", "Borealis", "Cobalt", "Dune", "Ember", "Fjord", "Granite", "Harbor",
        "Indigo", "Juniper", "Kestrel", "Lumen", "Meridian", "Nimbus", "Onyx", "Pioneer", "Quarry", "Ridge", "Summit",
        "Tundra"};
    static final String[] STYLES = {"classic crew neck t-shirt", "slim fit v-neck tee", "heavyweight pocket tee",
        "organic cotton t-shirt", "long sleeve henley shirt"};
    static final String[] COLORS = {"red", "blue", "green", "black", "white"};
    static final String[] SIZES = {"S", "M", "L", "XL"};

    final Table table;
    final int[] product;
    final int[] variant;
    final int products;

    Shirts(int products, long seed) {
        Random r = new Random(seed);
        this.products = products;
        Table.Builder b = Table.builder("title", "brand", "model", "color", "size");
        List<Integer> prod = new ArrayList<>();
        List<Integer> var = new ArrayList<>();
        int id = 0;
        for (int p = 0; p < products; p++) {
            String brand = BRANDS[(p / 2) % BRANDS.length];
            String style = STYLES[(p / 2) % STYLES.length];
            String model = "TS-" + (4000 + (p / 2) * 37) + (p % 2 == 0 ? "A" : "B");
            for (int v = 0; v < 3; v++) {
                String color = COLORS[(p + v) % COLORS.length];
                String size = SIZES[(p + 2 * v) % SIZES.length];
                for (int listing = 0; listing < 2; listing++) {
                    String title = listing == 0 ? brand + " " + style + " " + color + " " + size + " " + model
                            : model + " " + brand.toUpperCase() + " " + style.replace("t-shirt", "tshirt") + ", "
                            + color + ", size " + size;
                    if (r.nextInt(4) == 0) {
                        title = title.replace("neck", "nek");
                    }
                    b.row("r" + id++, title, brand, model, color, size);
                    prod.add(p);
                    var.add(v);
                }
            }
        }
        table = b.build();
        product = prod.stream().mapToInt(Integer::intValue).toArray();
        variant = var.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Labelled pairs among products in [from, to): all pairs within a product, all pairs between siblings, and a
     * few random other pairs. A pair is a match when it is the same product and, if {@code exact}, the same variant.
     */
    LabelledPairs pairs(int from, int to, boolean exact, long seed) {
        Random r = new Random(seed);
        List<int[]> list = new ArrayList<>();
        int n = table.size();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (product[i] < from || product[i] >= to || product[j] < from || product[j] >= to) {
                    continue;
                }
                boolean sameFamily = product[i] / 2 == product[j] / 2;
                if (sameFamily || r.nextInt(40) == 0) {
                    list.add(new int[] {i, j});
                }
            }
        }
        int[] l = new int[list.size()];
        int[] rr = new int[list.size()];
        boolean[] y = new boolean[list.size()];
        for (int k = 0; k < l.length; k++) {
            l[k] = list.get(k)[0];
            rr[k] = list.get(k)[1];
            y[k] = product[l[k]] == product[rr[k]] && (!exact || variant[l[k]] == variant[rr[k]]);
        }
        return new LabelledPairs(Pairs.of(l, rr), y);
    }

    /** First row of product p in variant v (listing 0). */
    int row(int p, int v) {
        for (int i = 0; i < product.length; i++) {
            if (product[i] == p && variant[i] == v) {
                return i;
            }
        }
        throw new IllegalArgumentException();
    }

    String color(int row) {
        return table.value(row, "color");
    }
}
