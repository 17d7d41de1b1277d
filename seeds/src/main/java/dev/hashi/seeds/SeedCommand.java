package dev.hashi.seeds;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.hashi.seeds.SeedModel.Asset;
import dev.hashi.seeds.SeedModel.Organisation;
import dev.hashi.seeds.SeedModel.Page;
import dev.hashi.seeds.SeedSet.Finding;

/**
 * {@code hashi-seed}: loads a seed set into a running installation through the gateway.
 *
 * <pre>
 * hashi-seed [--gateway http://localhost:8080] [--token hsh_…] [--set wpc-2003] [--dry-run] [--publish-wait 60]
 * </pre>
 *
 * The token (an admin's API token: the seed types are installed by an admin) may come from {@code HASHI_SEED_TOKEN}
 * instead; the gateway from {@code HASHI_SEED_GATEWAY}. {@code --set} names a set shipped in the jar or a directory
 * holding a {@code set.yaml}. Exit status: 0 when everything loaded (or was there already), 1 when any item failed,
 * 2 for a usage error or seed data that does not validate.
 */
public final class SeedCommand {

    static final String USAGE = "usage: hashi-seed [--gateway URL] [--token TOKEN] [--set NAME|DIR] [--dry-run]"
            + " [--publish-wait SECONDS] [--skip-files]\n"
            + "  --gateway       the gateway's base URL (default $HASHI_SEED_GATEWAY or http://localhost:8080)\n"
            + "  --token         an admin API token, sent as a bearer token (default $HASHI_SEED_TOKEN)\n"
            + "  --set           the seed set: a name shipped in the jar or a directory (default wpc-2003)\n"
            + "  --dry-run       validate the data and print the plan; call nothing\n"
            + "  --publish-wait  how long a publish waits for new assets to reach content (default 60)\n"
            + "  --skip-files    load entries and asset metadata but upload no files (a later run uploads them)";

    private SeedCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /**
     * Runs the command as {@code main} does, without exiting: for the dev stack's first-start seeding and tests.
     *
     * @return the exit status (0 loaded or already there, 1 an item failed, 2 usage or invalid data)
     */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length > 0 && (args[0].equals("export") || args[0].equals("import"))) {
            return exchange(args, env, out, err);
        }
        String gateway = env.getOrDefault("HASHI_SEED_GATEWAY", "http://localhost:8080");
        String token = env.get("HASHI_SEED_TOKEN");
        String setName = "wpc-2003";
        boolean dryRun = false;
        boolean skipFiles = false;
        Duration publishWait = Duration.ofSeconds(60);
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--gateway" -> gateway = args[++i];
                    case "--token" -> token = args[++i];
                    case "--set" -> setName = args[++i];
                    case "--dry-run" -> dryRun = true;
                    case "--skip-files" -> skipFiles = true;
                    case "--publish-wait" -> publishWait = Duration.ofSeconds(Long.parseLong(args[++i]));
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
        } catch (RuntimeException e) {
            err.println("hashi-seed: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }

        SeedSet set;
        SeedSet.Source source = Files.isDirectory(Path.of(setName))
                ? SeedSet.directory(Path.of(setName))
                : SeedSet.classpath("seeds/" + setName + "/");
        try {
            set = SeedSet.load(setName, source);
        } catch (SeedSet.InvalidSeedException e) {
            err.println("hashi-seed: " + e.getMessage());
            return 2;
        }
        List<Finding> warnings = Consistency.check(set, source);
        out.printf(
                "seed set %s: %d files valid; %d consistency warnings%n",
                set.name(), set.files().size(), warnings.size());
        warnings.forEach(w -> out.println("  warning: " + w));

        if (dryRun) {
            plan(set, out);
            return 0;
        }
        if (token == null || token.isBlank()) {
            err.println("hashi-seed: no API token: pass --token or set HASHI_SEED_TOKEN (an admin creates one with"
                    + " POST /api/tokens, see docs/security.md)");
            return 2;
        }
        URI base;
        try {
            base = URI.create(gateway.endsWith("/") ? gateway : gateway + "/");
        } catch (IllegalArgumentException e) {
            err.println("hashi-seed: --gateway is not a URL: " + gateway);
            return 2;
        }
        out.println("loading into " + base);
        Loader.Result result = new Loader(set, new Api(base, token, Duration.ofSeconds(60)), out, publishWait)
                .skipFiles(skipFiles)
                .run();
        return result.failed() ? 1 : 0;
    }

    static final String EXCHANGE_USAGE =
            "usage: hashi-seed export [--gateway URL] [--token TOKEN] --out DIR [--binaries]\n"
                    + "       hashi-seed import [--gateway URL] [--token TOKEN] --from DIR [--publish-wait SECONDS]\n"
                    + "  export writes types, entries (every locale, origins, workflow state) and asset metadata, with\n"
                    + "  --binaries the files too; import loads such a folder into an installation, idempotently";

    /** {@code export} and {@code import}: a whole installation to a folder and back (docs/seeds.md). */
    static int exchange(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String command = args[0];
        String gateway = env.getOrDefault("HASHI_SEED_GATEWAY", "http://localhost:8080");
        String token = env.get("HASHI_SEED_TOKEN");
        Path dir = null;
        boolean binaries = false;
        Duration publishWait = Duration.ofSeconds(60);
        try {
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "--gateway" -> gateway = args[++i];
                    case "--token" -> token = args[++i];
                    case "--out" -> {
                        if (!command.equals("export")) {
                            throw new IllegalArgumentException("--out is for export");
                        }
                        dir = Path.of(args[++i]);
                    }
                    case "--from" -> {
                        if (!command.equals("import")) {
                            throw new IllegalArgumentException("--from is for import");
                        }
                        dir = Path.of(args[++i]);
                    }
                    case "--binaries" -> binaries = true;
                    case "--publish-wait" -> publishWait = Duration.ofSeconds(Long.parseLong(args[++i]));
                    case "--help", "-h" -> {
                        out.println(EXCHANGE_USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (dir == null) {
                throw new IllegalArgumentException(
                        command.equals("export") ? "--out DIR is required" : "--from DIR is required");
            }
            if (command.equals("import") && !Files.isRegularFile(dir.resolve("export.yaml"))) {
                throw new IllegalArgumentException(dir + " holds no export.yaml");
            }
        } catch (RuntimeException e) {
            err.println("hashi-seed: " + e.getMessage() + "\n" + EXCHANGE_USAGE);
            return 2;
        }
        if (token == null || token.isBlank()) {
            err.println("hashi-seed: no API token: pass --token or set HASHI_SEED_TOKEN");
            return 2;
        }
        Api api = new Api(URI.create(gateway.endsWith("/") ? gateway : gateway + "/"), token, Duration.ofSeconds(60));
        try {
            List<String> failures = command.equals("export")
                    ? new Exporter(api, dir, binaries, out).run()
                    : new Importer(dir, api, out, publishWait).run();
            return failures.isEmpty() ? 0 : 1;
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            err.println("hashi-seed: " + command + " failed: " + e);
            return 1;
        }
    }

    /** What a run would do, in order, with the calls it makes; nothing is called. */
    static void plan(SeedSet set, PrintStream out) {
        out.println("plan (dry run, nothing is called):");
        int n = 0;
        out.printf(
                "  %d. types %s: GET /api/content/types/{type} each; POST /api/content/types/seed if any type or field"
                        + " is missing%n",
                ++n, set.manifest().types());
        for (Organisation o : set.items(Organisation.class)) {
            out.printf(
                    "  %d. %s \"%s\": find among GET /api/content/entries?type=organisation by name; else POST"
                            + " /api/content/entries; PATCH missing locales; publish %s%n",
                    ++n, o.key(), o.name().values().iterator().next(), SeedModel.orEmpty(o.publish()));
        }
        for (Asset a : set.items(Asset.class)) {
            out.printf(
                    "  %d. %s (%s, %s): find among GET /api/media/assets?kind=%s by title; else POST /api/media/assets%s%n",
                    ++n,
                    a.key(),
                    a.kind(),
                    a.availability().state(),
                    a.kind(),
                    a.file() == null
                            ? ""
                            : "; PUT /api/media/assets/{id}/variants/"
                                    + a.file().locale() + " with a "
                                    + a.file().sizeBytes() + "-byte stand-in "
                                    + a.file().fileName()
                                    + " unless that variant exists");
        }
        for (Page p : set.items(Page.class)) {
            out.printf(
                    "  %d. %s (slug %s): find among GET /api/content/entries?type=%s by slug; else POST"
                            + " /api/content/entries in %s; PATCH each other locale's missing values; publish %s%n",
                    ++n, p.key(), p.slug(), p.type(), p.createLocale(), SeedModel.orEmpty(p.publish()));
        }
    }
}
