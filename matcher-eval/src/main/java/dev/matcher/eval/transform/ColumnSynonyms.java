package dev.matcher.eval.transform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The renames of {@link Transformations#renameToSynonyms}: names other sources plausibly give the same attribute.
 * Phrases are tried before single words ({@code date of birth} before {@code date}).
 */
final class ColumnSynonyms {
    private static final Map<String, List<String>> SYNONYMS = Map.ofEntries(
            Map.entry("name", List.of("title", "label", "full name")),
            Map.entry("song name", List.of("track", "song title", "track name")),
            Map.entry("artist name", List.of("performer", "artist", "singer")),
            Map.entry("album name", List.of("album", "record title", "release")),
            Map.entry("beer name", List.of("beer", "brew", "beer title")),
            Map.entry("brew factory name", List.of("brewery", "producer", "brewer")),
            Map.entry("title", List.of("name", "heading", "caption")),
            Map.entry("description", List.of("details", "desc", "summary")),
            Map.entry("short description", List.of("summary", "teaser", "short desc")),
            Map.entry("long description", List.of("details", "full description", "long desc")),
            Map.entry("price", List.of("cost", "amount", "list price")),
            Map.entry("manufacturer", List.of("maker", "brand", "vendor")),
            Map.entry("brand", List.of("maker", "manufacturer")),
            Map.entry("authors", List.of("writers", "creators", "author names")),
            Map.entry("venue", List.of("published in", "journal", "conference")),
            Map.entry("year", List.of("yr", "publication year", "pub year")),
            Map.entry("addr", List.of("address", "street")),
            Map.entry("address", List.of("street", "addr", "location")),
            Map.entry("city", List.of("town", "locality", "municipality")),
            Map.entry("phone", List.of("telephone", "tel", "phone number")),
            Map.entry("artist", List.of("performer", "singer", "band")),
            Map.entry("genre", List.of("category", "style")),
            Map.entry("time", List.of("duration", "length")),
            Map.entry("released", List.of("release date", "date released")),
            Map.entry("copy right", List.of("rights", "label", "publisher")),
            Map.entry("style", List.of("type", "kind")),
            Map.entry("abv", List.of("alcohol", "alcohol by volume", "strength")),
            Map.entry("given name", List.of("first name", "forename", "firstname")),
            Map.entry("surname", List.of("last name", "family name", "lastname")),
            Map.entry("street number", List.of("house number", "street no", "number")),
            Map.entry("suburb", List.of("district", "neighbourhood")),
            Map.entry("postcode", List.of("zip", "postal code", "zip code")),
            Map.entry("state", List.of("region", "province")),
            Map.entry("date of birth", List.of("dob", "birth date", "birthdate")),
            Map.entry("soc sec id", List.of("ssn", "social security number")),
            Map.entry("class", List.of("group", "cls")),
            Map.entry("res type", List.of("cuisine", "restaurant type")),
            Map.entry("specification", List.of("specs", "technical details")),
            Map.entry("image", List.of("picture", "photo")),
            Map.entry("images", List.of("pictures", "photos")),
            Map.entry("count", List.of("number", "total")),
            Map.entry("category", List.of("department", "section")),
            Map.entry("json", List.of("raw", "data")),
            Map.entry("text", List.of("plain", "string")),
            Map.entry("url", List.of("link", "address")),
            Map.entry("urls", List.of("links")));
    private static final int LONGEST_PHRASE = 3;

    private ColumnSynonyms() {
    }

    /** A synonym of the name in a seeded style; never spelled the same as the name. */
    static String rename(String name, SplittableRandom random) {
        List<String> words = words(name);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.size(); ) {
            int taken = 1;
            List<String> replacement = List.of(words.get(i));
            for (int n = Math.min(LONGEST_PHRASE, words.size() - i); n >= 1; n--) {
                List<String> options = SYNONYMS.get(String.join(" ", words.subList(i, i + n)));
                if (options != null) {
                    replacement = Arrays.asList(options.get(random.nextInt(options.size())).split(" "));
                    taken = n;
                    break;
                }
            }
            out.addAll(replacement);
            i += taken;
        }
        int style = random.nextInt(4);
        String renamed = style(out, style);
        for (int s = 1; renamed.equals(name) && s < 4; s++) {
            renamed = style(out, (style + s) % 4);
        }
        return renamed;
    }

    private static String style(List<String> words, int style) {
        return switch (style) {
            case 0 -> String.join("_", words);
            case 1 -> {
                StringBuilder sb = new StringBuilder(words.get(0));
                for (String w : words.subList(1, words.size())) {
                    sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
                }
                yield sb.toString();
            }
            case 2 -> String.join(" ", words.stream()
                    .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1)).toList());
            default -> String.join(" ", words);
        };
    }

    /** Lower-case words of a column name: camelCase, snake_case, kebab-case and spaces split. */
    static List<String> words(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("[^\\p{L}\\p{N}]+", " ");
        List<String> out = new ArrayList<>();
        for (String w : spaced.strip().toLowerCase(Locale.ROOT).split(" ")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out.isEmpty() ? List.of(name.toLowerCase(Locale.ROOT)) : out;
    }
}
