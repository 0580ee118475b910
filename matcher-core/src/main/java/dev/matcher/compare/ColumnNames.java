package dev.matcher.compare;


import dev.matcher.text.Analyzers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How alike two column names are, for {@link ColumnCorrespondence}: the names are split into words (camelCase,
 * snake_case, kebab-case, spaces, letters against digits), phrases of a small synonym table become one concept, and
 * each word on one side is explained by the other side's words: equal (1), synonyms (0.9), an abbreviation or acronym
 * (0.8: {@code addr}/{@code address}, {@code qty}/{@code quantity}, {@code dob}/{@code date of birth}). Generic words
 * ({@code name}, {@code id}, {@code code}, {@code date}, ...) weigh less when a name has other words, so
 * {@code artist_name} and {@code song_name} stay apart. The score is the weighted share of words explained, both
 * sides together.
 *
 * <p>The synonym table (each line one concept; the first phrase names it):
 * <pre>
 * title: name, title, product, product name, product title, item, item name, heading
 * description: description, desc, descr, details, detail, summary, about
 * brand: brand, manufacturer, maker, make, vendor, mfr
 * price: price, cost, amount, fee, msrp, list price
 * address: address, addr, street, street address, address line, road
 * street number: street number, house number, street no, house no
 * last name: surname, last name, lastname, family name
 * first name: given name, first name, firstname, forename, given names
 * middle name: middle name, middle initial
 * full name: full name, fullname, person name, complete name
 * date of birth: dob, date of birth, birthdate, birth date, birthday, born
 * postcode: zip, zipcode, zip code, postcode, post code, postal code, plz
 * city: city, town, municipality, locality, place
 * suburb: suburb, district, neighbourhood, neighborhood, borough
 * state: state, province, region, county
 * country: country, nation
 * phone: phone, telephone, tel, phone number, mobile, cell
 * email: email, e mail, mail, email address
 * website: website, url, link, homepage, web
 * author: author, writer, creator, by
 * venue: venue, journal, conference, booktitle, published in, publication
 * year: year, yr, pub year, publication year
 * release date: released, release date, date released, publication date, published
 * category: category, genre, department, section, group
 * duration: duration, time, runtime, length, playing time
 * artist: artist, performer, singer, band, musician
 * company: company, organisation, organization, org, employer, firm
 * model: model, model number, model no, mpn, part number
 * identifier: id, identifier, sku, ean, upc, gtin, isbn
 * quantity: quantity, qty, count, number of items
 * alcohol: abv, alcohol, alcohol by volume
 * image: image, picture, photo, img, thumbnail
 * rating: rating, score, stars
 * colour: colour, color
 * gender: gender, sex
 * social security number: ssn, social security number, soc sec id
 * </pre>
 * The table is general vocabulary, not fitted to any dataset; values decide where names say nothing.
 */
final class ColumnNames {
    /** A name similarity in [0, 1] and the words that explain it ({@code synonym title~name}). */
    record Match(double score, String reason) {
    }

    static final double SYNONYM = 0.9;
    static final double ABBREVIATION = 0.8;
    private static final double GENERIC_WEIGHT = 0.3;
    private static final int LONGEST_PHRASE = 4;

    private static final String[] TABLE = {
        "title: name, title, product, product name, product title, item, item name, heading",
        "description: description, desc, descr, details, detail, summary, about",
        "brand: brand, manufacturer, maker, make, vendor, mfr",
        "price: price, cost, amount, fee, msrp, list price",
        "address: address, addr, street, street address, address line, road",
        "street number: street number, house number, street no, house no",
        "last name: surname, last name, lastname, family name",
        "first name: given name, first name, firstname, forename, given names",
        "middle name: middle name, middle initial",
        "full name: full name, fullname, person name, complete name",
        "date of birth: dob, date of birth, birthdate, birth date, birthday, born",
        "postcode: zip, zipcode, zip code, postcode, post code, postal code, plz",
        "city: city, town, municipality, locality, place",
        "suburb: suburb, district, neighbourhood, neighborhood, borough",
        "state: state, province, region, county",
        "country: country, nation",
        "phone: phone, telephone, tel, phone number, mobile, cell",
        "email: email, e mail, mail, email address",
        "website: website, url, link, homepage, web",
        "author: author, writer, creator, by",
        "venue: venue, journal, conference, booktitle, published in, publication",
        "year: year, yr, pub year, publication year",
        "release date: released, release date, date released, publication date, published",
        "category: category, genre, department, section, group",
        "duration: duration, time, runtime, length, playing time",
        "artist: artist, performer, singer, band, musician",
        "company: company, organisation, organization, org, employer, firm",
        "model: model, model number, model no, mpn, part number",
        "identifier: id, identifier, sku, ean, upc, gtin, isbn",
        "quantity: quantity, qty, count, number of items",
        "alcohol: abv, alcohol, alcohol by volume",
        "image: image, picture, photo, img, thumbnail",
        "rating: rating, score, stars",
        "colour: colour, color",
        "gender: gender, sex",
        "social security number: ssn, social security number, soc sec id",
    };

    /** Phrase (words joined by blanks) to its concept. */
    private static final Map<String, String> CONCEPT = concepts();

    /** Words that say little beside others: {@code name} in {@code artist_name}. */
    private static final Set<String> GENERIC = Set.of("name", "title", "id", "code", "number", "no", "num", "nr",
            "date", "type", "value", "text", "info", "data", "field", "col", "column", "attr", "attribute", "of", "the",
            "a", "and", "in", "on", "for", "to", "by");

    private ColumnNames() {
    }

    private static Map<String, String> concepts() {
        Map<String, String> m = new HashMap<>();
        for (String line : TABLE) {
            int colon = line.indexOf(':');
            String concept = line.substring(0, colon);
            for (String phrase : line.substring(colon + 1).split(",")) {
                String previous = m.put(phrase.strip(), concept);
                if (previous != null) {
                    throw new AssertionError("phrase '" + phrase.strip() + "' in two concepts");
                }
            }
        }
        return m;
    }

    /** A word (or phrase) of a name: as written (singular), its concept (or null) and its weight. */
    private record Token(String word, String concept, List<String> words, double weight) {
    }

    /**
     * The lower-case, accent-free words of a column name: {@code dateOfBirth}, {@code date_of_birth},
     * {@code Date of Birth} and {@code DATE-OF-BIRTH} all give {@code [date, of, birth]}; {@code address1} gives
     * {@code [address, 1]}.
     */
    static List<String> words(String name) {
        String s = name.replaceAll("([a-z])([A-Z])", "$1 $2")
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2")
                .replaceAll("(\\p{L})(\\p{N})", "$1 $2")
                .replaceAll("(\\p{N})(\\p{L})", "$1 $2");
        s = Analyzers.KEYS.prepare(s.toLowerCase(Locale.ROOT));
        List<String> out = new ArrayList<>();
        for (String w : s.split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static List<Token> tokens(String name) {
        List<String> w = words(name);
        List<Token> raw = new ArrayList<>();
        for (int i = 0; i < w.size(); ) {
            int taken = 1;
            String concept = null;
            for (int n = Math.min(LONGEST_PHRASE, w.size() - i); n >= 1; n--) {
                String phrase = String.join(" ", w.subList(i, i + n));
                String c = CONCEPT.get(phrase);
                if (c == null && n == 1) {
                    c = CONCEPT.get(singular(phrase));
                }
                if (c != null) {
                    concept = c;
                    taken = n;
                    break;
                }
            }
            String word = singular(String.join(" ", w.subList(i, i + taken)));
            raw.add(new Token(word, concept, List.copyOf(w.subList(i, i + taken)), 1));
            i += taken;
        }
        boolean specific = raw.stream().anyMatch(t -> !generic(t.word));
        List<Token> out = new ArrayList<>(raw.size());
        for (Token t : raw) {
            out.add(specific && generic(t.word) ? new Token(t.word, t.concept, t.words, GENERIC_WEIGHT) : t);
        }
        return out;
    }

    private static boolean generic(String word) {
        return GENERIC.contains(word) || word.chars().allMatch(Character::isDigit);
    }

    private static String singular(String w) {
        return w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.substring(0, w.length() - 1) : w;
    }

    /** The similarity of two column names; see the class comment. */
    static Match similarity(String a, String b) {
        List<String> wa = words(a);
        List<String> wb = words(b);
        if (wa.equals(wb)) {
            return new Match(1, wa.isEmpty() ? "" : "same name");
        }
        List<Token> ta = tokens(a);
        List<Token> tb = tokens(b);
        String[] why = new String[1];
        double[] whyScore = {0};
        double sum = side(ta, tb, why, whyScore) + side(tb, ta, null, null);
        double weight = ta.stream().mapToDouble(Token::weight).sum() + tb.stream().mapToDouble(Token::weight).sum();
        double score = weight == 0 ? 0 : sum / weight;
        if (score == 0) {
            return new Match(0, "");
        }
        String reason = why[0] != null && whyScore[0] < 1 ? why[0] : "names share words";
        return new Match(score, reason);
    }

    /** Weighted sum over {@code mine} of each token's best explanation by {@code theirs}. */
    private static double side(List<Token> mine, List<Token> theirs, String[] why, double[] whyScore) {
        double sum = 0;
        for (Token t : mine) {
            double best = 0;
            String reason = null;
            for (Token o : theirs) {
                double m;
                String r;
                if (t.word.equals(o.word)) {
                    m = 1;
                    r = null;
                } else if (t.concept != null && t.concept.equals(o.concept)) {
                    m = SYNONYM;
                    r = "synonym " + t.word + "~" + o.word;
                } else if (abbreviates(t.word, o.word) || abbreviates(o.word, t.word)) {
                    m = ABBREVIATION;
                    r = "abbreviation " + t.word + "~" + o.word;
                } else if (acronym(t, theirs) || acronym(o, mine) && covers(o, mine, t)) {
                    m = ABBREVIATION;
                    r = "acronym";
                } else {
                    continue;
                }
                if (m > best) {
                    best = m;
                    reason = r;
                }
            }
            sum += t.weight * best;
            if (why != null && reason != null && best > whyScore[0]) {
                why[0] = reason.equals("acronym") ? "acronym " + t.word : reason;
                whyScore[0] = best;
            }
        }
        return sum;
    }

    /** Whether a one-word token (2 to 5 letters) is the initials of two or more consecutive tokens of the others. */
    private static boolean acronym(Token t, List<Token> others) {
        return run(t, others) >= 0;
    }

    /** Whether token {@code t} is inside the run of {@code others} that {@code acronym} abbreviates. */
    private static boolean covers(Token acronym, List<Token> others, Token t) {
        int start = run(acronym, others);
        int at = others.indexOf(t);
        return start >= 0 && at >= start && at < start + acronym.word.length();
    }

    /** The start of the run of tokens whose initials spell the token, or -1. */
    private static int run(Token t, List<Token> others) {
        String w = t.word;
        int n = w.length();
        if (t.words.size() != 1 || n < 2 || n > 5 || others.size() < n) {
            return -1;
        }
        for (int s = 0; s + n <= others.size(); s++) {
            boolean all = true;
            for (int k = 0; k < n && all; k++) {
                all = others.get(s + k).word.charAt(0) == w.charAt(k);
            }
            if (all) {
                return s;
            }
        }
        return -1;
    }

    /**
     * Whether the shorter word abbreviates the longer: a prefix of at least 3 letters ({@code desc}), or a prefix
     * followed by consonants found in order in the rest ({@code dept}, {@code mgmt}, {@code qty}, {@code yr}); a
     * vowel after the prefix is no abbreviation ({@code city} / {@code capacity}).
     */
    static boolean abbreviates(String shortWord, String longWord) {
        int n = shortWord.length();
        if (n < 2 || n >= longWord.length() || shortWord.indexOf(' ') >= 0 || longWord.indexOf(' ') >= 0
                || shortWord.charAt(0) != longWord.charAt(0)) {
            return false;
        }
        if (n >= 3 && longWord.startsWith(shortWord)) {
            return true;
        }
        for (int p = n - 1; p >= 1; p--) {
            if (longWord.regionMatches(0, shortWord, 0, p) && consonantsInOrder(shortWord, p, longWord, p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean consonantsInOrder(String shortWord, int from, String longWord, int longFrom) {
        int i = longFrom;
        for (int k = from; k < shortWord.length(); k++) {
            char c = shortWord.charAt(k);
            if ("aeiou".indexOf(c) >= 0 || !Character.isLetter(c)) {
                return false;
            }
            while (i < longWord.length() && longWord.charAt(i) != c) {
                i++;
            }
            if (i == longWord.length()) {
                return false;
            }
            i++;
        }
        return true;
    }
}
