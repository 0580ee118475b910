package dev.matcher.cli;

import dev.matcher.data.DataException;
import dev.matcher.data.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** {@code matcher demo}: the README's main job on a bundled product catalogue with duplicates and variants. */
@Command(name = "demo", description = "Run the pipeline on a bundled product catalogue (exact duplicates and colour/size variants).")
final class DemoCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        Table products = Table.readCsv(bundled("products.csv"));
        out.println(products);
        out.println(products.schema());
        out.println(products.profile());
    }

    /** Copies a bundled example out of the jar so it is read like any user file. */
    static Path bundled(String name) {
        try (InputStream in = DemoCommand.class.getResourceAsStream("/examples/" + name)) {
            if (in == null) {
                throw new DataException("bundled example " + name + " is missing from the jar");
            }
            Path dir = Files.createTempDirectory("matcher-demo");
            Path file = dir.resolve(name);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new DataException("cannot copy bundled example " + name + ": " + e.getMessage());
        }
    }
}
