package dev.matcher.data;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValuesTest {
    private static int day(int y, int m, int d) {
        return (int) LocalDate.of(y, m, d).toEpochDay();
    }

    @Test
    void numbersWithCurrencyThousandsAndPercent() {
        assertEquals(1299.0, Values.parseNumber("$1,299.00"));
        assertEquals(0.99, Values.parseNumber("$ 0.99"));
        assertEquals(7.5, Values.parseNumber("7.50 %"));
        assertEquals(-3e2, Values.parseNumber(" -3e2 "));
        assertTrue(Double.isNaN(Values.parseNumber("Album Only")));
        assertTrue(Double.isNaN(Values.parseNumber("1,2")));
        assertTrue(Double.isNaN(Values.parseNumber(null)));
    }

    @Test
    void datesInTheNotationsFoundInTheBenchmarks() {
        assertEquals(day(1956, 4, 9), Values.parseDate("19560409"));
        assertEquals(day(2001, 3, 4), Values.parseDate("2001-03-04"));
        assertEquals(day(2001, 3, 4), Values.parseDate("04/03/2001"));
        assertEquals(day(2001, 12, 25), Values.parseDate("12/25/2001"));
        assertEquals(day(2015, 3, 31), Values.parseDate("31-Mar-15"));
        assertEquals(day(2011, 9, 9), Values.parseDate("September 9 , 2011"));
        assertEquals(day(2001, 3, 4), Values.parseDate("4 March 2001"));
        assertEquals(Values.NO_DATE, Values.parseDate("2001-02-30"));
        assertEquals(Values.NO_DATE, Values.parseDate("2001-02-29"));      // not a leap year
        assertEquals(LocalDate.of(2004, 2, 29).toEpochDay(), Values.parseDate("20040229"));
        assertEquals(Values.NO_DATE, Values.parseDate("19561341"));
        assertEquals(Values.NO_DATE, Values.parseDate("3:45"));
        assertEquals(Values.NO_DATE, Values.parseDate("12345678"));
    }
}
