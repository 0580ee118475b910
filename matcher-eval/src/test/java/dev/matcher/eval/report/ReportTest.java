package dev.matcher.eval.report;

import dev.matcher.metrics.ConfusionMatrix;
import dev.matcher.metrics.PairMetrics;
import dev.matcher.io.CsvParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportTest {
    @TempDir
    Path dir;

    /** abt-buy with a hand-made decision: tp=8 fp=2 fn=2 -> P = R = F1 = 0.8. */
    private static DatasetResult handMade() {
        return DatasetResult.builder("dm_textual_abt_buy").task("linkage").protocol("train/valid/test splits")
                .decision(0.5, new ConfusionMatrix(8, 2, 2, 88)).seconds("train", 1.25).seconds("score", 0.5)
                .importance("b_feature", 0.2).importance("a_feature", 0.7).build();
    }

    /** A dataset without published figures, F1 0.6 (tp=3 fp=2 fn=2), with blocking and cluster F1. */
    private static DatasetResult unpublished() {
        return DatasetResult.builder("febrl3").task("deduplication")
                .decision(0.7, new ConfusionMatrix(3, 2, 2, 10))
                .blocking(new BlockingFigures(1000, 0.95, 0.12, 0.999)).clusterF1(0.875).seconds("train", 2.75)
                .build();
    }

    @Test
    void leaderboardRowsAveragesAndPublishedFigures() {
        String md = Report.builder().title("Bench").context("command", "matcher eval --data x")
                .add(handMade()).add(unpublished()).build().markdown();
        assertTrue(md.startsWith("# Bench\n"));
        assertTrue(md.contains("- command: `matcher eval --data x`"));
        assertTrue(md.contains("| `dm_textual_abt_buy` | linkage | 80.0 | 80.0 | 80.0 | – | – | – | 1.25 | 0.50 "
                + "| 43.6 | 62.8 | 89.33 | -9.3 |"), md);
        assertTrue(md.contains("| `febrl3` | deduplication | 60.0 | 60.0 | 60.0 | 0.950 | 0.120 | 87.5 | 2.75 | – "
                + "| – | – | – | – |"), md);
        // all tasks: mean F1 (80 + 60) / 2 = 70; mean train seconds (1.25 + 2.75) / 2 = 2.00; score only one: 0.50
        assertTrue(md.contains("| *average over 2 tasks* |  | 70.0 | 70.0 | *70.0* |  |  |  | 2.00 | 0.50 |"), md);
        assertTrue(md.contains("| *average over 1 tasks with published F1* |  | 80.0 | 80.0 | *80.0* |  |  |  | 1.25 | 0.50 "
                + "| 43.6 | 62.8 | 89.3 | -9.3 |"), md);
        long tableLines = md.lines().filter(l -> l.startsWith("|")).count();
        assertEquals(2 + 2 + 2, tableLines);   // header, rule, 2 datasets, 2 averages
        md.lines().filter(l -> l.startsWith("|")).forEach(l ->
                assertEquals(15, l.chars().filter(c -> c == '|').count() - count(l, "\\|"), l));
    }

    private static long count(String s, String part) {
        return (s.length() - s.replace(part, "").length()) / part.length();
    }

    @Test
    void importancesAreSortedLargestFirst() {
        assertEquals(List.of("a_feature", "b_feature"), List.copyOf(handMade().importances().keySet()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonParsesAndHoldsTheFigures() {
        DatasetResult odd = DatasetResult.builder("quote \" back \\ new\nline").build();
        Report report = Report.builder().add(handMade()).add(unpublished()).add(odd)
                .add(SampleResults.result(new java.util.SplittableRandom(1), "scored", "linkage", "splits", 300,
                        0.3, 2, true))
                .build();
        Map<String, Object> root = (Map<String, Object>) MiniJson.parse(report.json());
        List<Object> datasets = (List<Object>) root.get("datasets");
        assertEquals(4, datasets.size());
        Map<String, Object> abt = (Map<String, Object>) datasets.get(0);
        assertEquals(0.8, (Double) abt.get("f1"), 1e-12);
        assertEquals(8.0, ((Map<String, Object>) abt.get("confusion")).get("tp"));
        assertEquals(0.8933, (Double) ((Map<String, Object>) abt.get("published_f1")).get("ditto"), 1e-12);
        assertNull(abt.get("cluster_f1"));                      // NaN is written as null
        assertEquals(0.875, (Double) ((Map<String, Object>) datasets.get(1)).get("cluster_f1"), 1e-12);
        assertEquals("quote \" back \\ new\nline", ((Map<String, Object>) datasets.get(2)).get("name"));
        Map<String, Object> curves = (Map<String, Object>) ((Map<String, Object>) datasets.get(3)).get("curves");
        Map<String, Object> sweep = (Map<String, Object>) curves.get("threshold_sweep");
        assertEquals(101, ((List<Object>) sweep.get("f1")).size());
        Map<String, Object> averages = (Map<String, Object>) ((Map<String, Object>) root.get("averages")).get("all");
        assertEquals(3.0, averages.get("tasks"));
    }

    @Test
    void htmlAndEverySvgAreWellFormedXmlWithoutExternalResources() throws Exception {
        Report report = Report.builder().title("A <title> & more").context("seed", "42")
                .add(handMade()).add(unpublished()).add(DatasetResult.builder("empty").build())
                .add(SampleResults.result(new java.util.SplittableRandom(2), "scored", "linkage", "splits", 500, 0.2,
                        2.5, true))
                .add(DatasetResult.builder("scores only").scores(
                        SampleResults.metrics(new java.util.SplittableRandom(5), 200, 0.3, 2), 0.5).build())
                .build();
        String html = report.html();
        Document doc = parse(html);
        assertEquals("html", doc.getDocumentElement().getLocalName());
        // overview + four plots per dataset with scores or importances (three of the five)
        assertEquals(1 + 3 * 4, doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength());
        assertTrue(html.contains("A &lt;title&gt; &amp; more"));
        for (String forbidden : new String[] {"<script", "src=", "href=\"http", "url(", "@import", "<link"}) {
            assertFalse(html.contains(forbidden), "external resource or script: " + forbidden);
        }
        assertTrue(html.contains("no feature importances recorded"));
        assertTrue(html.contains("no scores recorded"));
        assertTrue(html.contains("No pair scores or feature importances were recorded"));
        assertEquals(html, report.html(), "rendering is deterministic");
    }

    @Test
    void plotsOfRealCurvesContainTheirLines() throws Exception {
        DatasetResult r = SampleResults.result(new java.util.SplittableRandom(3), "scored", "linkage", "splits", 400,
                0.25, 2, false);
        for (String svg : List.of(HtmlReport.prPlot(r), HtmlReport.histogramPlot(r), HtmlReport.sweepPlot(r),
                HtmlReport.importancePlot(r))) {
            Document doc = parse(svg);
            assertEquals("svg", doc.getDocumentElement().getLocalName());
        }
        assertTrue(HtmlReport.prPlot(r).contains("<polyline"));
        assertEquals(3, count(HtmlReport.sweepPlot(r), "stroke=\"" + HtmlReport.OURS + "\"")
                + count(HtmlReport.sweepPlot(r), "stroke=\"" + HtmlReport.RECALL + "\"")
                + count(HtmlReport.sweepPlot(r), "stroke=\"" + HtmlReport.MATCH + "\"") - 3);   // lines + legend
        assertEquals(2 * 20, count(HtmlReport.histogramPlot(r), "<rect x=") - 3);   // bars, frame, 2 legend boxes
    }

    @Test
    void csvFilesHaveOneRowPerDatasetAndConsistentWidths() throws Exception {
        Report report = Report.builder().add(handMade()).add(unpublished())
                .add(SampleResults.result(new java.util.SplittableRandom(4), "scored, with comma", "linkage", "splits",
                        300, 0.3, 2, false))
                .build();
        Path folder = dir.resolve("out");
        Path html = report.writeTo(folder);
        assertEquals(folder.resolve("report.html"), html);
        for (String f : Report.FILES) {
            assertTrue(Files.size(folder.resolve(f)) > 0, f);
        }
        List<String[]> rows = readCsv(folder.resolve("results.csv"));
        assertEquals(4, rows.size());
        String[] header = rows.get(0);
        for (String[] row : rows) {
            assertEquals(header.length, row.length);
        }
        int f1 = List.of(header).indexOf("f1");
        assertEquals("0.8", rows.get(1)[f1]);
        assertEquals("scored, with comma", rows.get(3)[0]);
        assertTrue(List.of(header).contains("seconds_train"));
        List<String[]> curves = readCsv(folder.resolve("curves.csv"));
        assertEquals(List.of("dataset", "series", "threshold", "x", "y", "label"), List.of(curves.get(0)));
        assertTrue(curves.stream().anyMatch(c -> c[1].equals("sweep_f1")));
        assertTrue(curves.stream().anyMatch(c -> c[1].equals("importance") && c[5].equals("a_feature")));
        assertEquals(Files.readString(folder.resolve("leaderboard.md")), report.markdown());
    }

    @Test
    void resultToStringReadsWell() {
        assertEquals("dm_textual_abt_buy (linkage): P=80.0 R=80.0 F1=80.0 at 0.500, train 1.25s, score 0.50s",
                handMade().toString());
        PairMetrics m = PairMetrics.of(new double[] {0.9, 0.1}, new boolean[] {true, false});
        DatasetResult r = DatasetResult.builder("x").scores(m, 0.5).build();
        assertEquals(1.0, r.f1());
        assertEquals(1.0, r.averagePrecision());
    }

    @Test
    void publishedRegistryHasTheDesignTable() {
        assertEquals(8, PublishedResults.all().size());
        assertEquals(89.33, PublishedResults.find("dm_textual_abt_buy").orElseThrow().ditto());
        assertTrue(PublishedResults.find("febrl3").isEmpty());
    }

    @Test
    void blockingFiguresByHand() {
        // dedup over 5 rows (10 possible pairs); truth (0,1), (2,3), (1,4); candidates hit (1,0) reversed and
        // (2,3), miss (1,4), add (0,2); (3,2) repeats (2,3) and (4,4) is a self-pair
        dev.matcher.data.Pairs candidates = dev.matcher.data.Pairs.of(new int[] {1, 2, 0, 3, 4},
                new int[] {0, 3, 2, 2, 4});
        dev.matcher.data.Pairs truth = dev.matcher.data.Pairs.of(new int[] {0, 2, 1}, new int[] {1, 3, 4});
        BlockingFigures dedup = BlockingFigures.of(dev.matcher.blocking.BlockingMetrics.of(candidates, truth, 5, 5, true));
        assertEquals(new BlockingFigures(3, 2.0 / 3, 2.0 / 3, 1 - 3 / 10.0), dedup);
        // linkage: order matters, 5 x 5 = 25 possible pairs; (1,0) is not (0,1)
        BlockingFigures linkage = BlockingFigures.of(dev.matcher.blocking.BlockingMetrics.of(candidates, truth, 5, 5, false));
        assertEquals(5, linkage.candidates());
        assertEquals(1.0 / 3, linkage.pairCompleteness(), 1e-12);
        assertEquals(1.0 / 5, linkage.pairQuality(), 1e-12);
        assertEquals(0.8, linkage.reductionRatio(), 1e-12);
    }

    @Test
    void niceTicks() {
        assertEquals(List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0), box(Plot.ticks(0, 1)));
        assertEquals(List.of(0.0, 25.0, 50.0, 75.0, 100.0), box(Plot.ticks(0, 110)).subList(0, 5));
        assertEquals(List.of(-2.0, -1.0, 0.0, 1.0, 2.0, 3.0), box(Plot.ticks(-2, 3)));
    }

    private static List<Double> box(double[] values) {
        List<Double> l = new ArrayList<>();
        for (double v : values) {
            l.add(Math.round(v * 1e9) / 1e9);
        }
        return l;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static List<String[]> readCsv(Path file) {
        List<String[]> rows = new ArrayList<>();
        try (CsvParser p = CsvParser.open(file, ',')) {
            for (String[] row; (row = p.next()) != null; ) {
                rows.add(row);
            }
        }
        return rows;
    }
}
