package dev.matcher.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.matcher.blocking.KeyFunction;
import dev.matcher.blocking.KeyFunctions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeySpecTest {
    @Test
    void readsWhatKeyFunctionsPrint() {
        List<KeyFunction> fs = List.of(KeyFunctions.prefix("surname", 3), KeyFunctions.exact("postcode"),
                KeyFunctions.qgrams("title", 3), KeyFunctions.phonetic("given_name", KeyFunctions.Phonetic.SOUNDEX),
                KeyFunctions.year("date_of_birth"), KeyFunctions.allTokens(), KeyFunctions.allTokensAndPairs());
        String spec = String.join("; ", fs.stream().map(Object::toString).toList());
        assertEquals(fs.stream().map(Object::toString).toList(),
                KeySpec.parse(spec).stream().map(Object::toString).toList());
    }

    @Test
    void badSpecsNameThePlaceAndTheProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KeySpec.parse("exact(postcode); prefix(surname)"));
        assertTrue(e.getMessage().contains("key spec at 17") && e.getMessage().contains("prefix takes 2 arguments"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> KeySpec.parse("shingles(title)"));
        assertTrue(e.getMessage().contains("unknown key function 'shingles'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> KeySpec.parse("prefix(surname, x)"));
        assertTrue(e.getMessage().contains("'x' is not a number"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> KeySpec.parse("exact(a);"));
        assertTrue(e.getMessage().contains("empty key function"), e.getMessage());
    }

    @Test
    void keysSurviveJavaSerialization() throws Exception {
        SparkResolver.Keys keys = KeySpec.keys("prefix(surname, 3); exact(postcode)");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(keys);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            SparkResolver.Keys back = (SparkResolver.Keys) in.readObject();
            assertEquals("[prefix(surname, 3), exact(postcode)]", back.functions().toString());
        }
    }
}
