package dev.matcher.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PersonListTest {
    @Test
    void countsListedNames() {
        assertEquals(2, PersonList.count("viswanath poosala , yannis e. ioannidis"));
        assertEquals(3, PersonList.count("i borg and jc lingoes & a smith"));
        assertEquals(1, PersonList.count("d. scott mackay"));
        assertEquals(0, PersonList.count("  "));
        assertEquals(0, PersonList.count(null));
    }

    @Test
    void recognisesAuthorListsButNotGenresOrTitles() {
        assertTrue(PersonList.isPersonListColumn(new String[] {"viswanath poosala , yannis e. ioannidis",
            "d. scott mackay", "i borg , jc lingoes", null, "a natsev , y chang , j smith"}));
        assertFalse(PersonList.isPersonListColumn(new String[] {"Country , Music , Contemporary Country",
            "Pop , Music", "Rock"}));
        assertFalse(PersonList.isPersonListColumn(new String[] {"semantic integration of environmental models",
            "query processing , part ii"}));
    }

    @Property(tries = 100)
    void countIsTheNumberOfJoinedNames(@ForAll @Size(min = 1, max = 8) List<@From("names") String> names,
                                       @ForAll boolean withAnd) {
        String joined = withAnd && names.size() > 1
                ? String.join(" , ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1)
                : String.join(" , ", names);
        assertEquals(names.size(), PersonList.count(joined), joined);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> names() {
        return net.jqwik.api.Arbitraries.of("j smith", "john smith", "yannis e. ioannidis", "ay levy", "o'neil",
                "jean-luc picard", "zoë müller");
    }
}
