package org.policygraph.neo4jlauncher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.neo4j.cli.ExecutionContext;
import org.neo4j.commandline.admin.security.SetInitialPasswordCommand;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.server.CommunityBootstrapper;
import picocli.CommandLine;
import sun.misc.Signal;

/**
 * Runs a real Neo4j Community server (the same CommunityBootstrapper the official
 * distribution's `neo4j console` runs) for tests, plus two tiny Bolt clients used by
 * the shell scripts to wait for readiness and to check the CJK full-text analyzer.
 *
 * <pre>
 *   java -jar policygraph-neo4j.jar [serve] [--bolt-port N] [--http-port N|0] [--listen-address A]
 *        [--advertised-address A]
 *        [--password P | --no-auth] [--home DIR] [--data-dir DIR] [--logs-dir DIR]
 *        [--database NAME] [--pagecache SIZE] [--conf key=value]... [--ready-file PATH]
 *   java -jar policygraph-neo4j.jar query [--uri U] [--user U] [--password P] [--database D]
 *        [--timeout SECONDS] [CYPHER]
 *   java -jar policygraph-neo4j.jar check [--uri U] [--user U] [--password P] [--database D]
 * </pre>
 *
 * Defaults come from the environment (NEO4J_BOLT_PORT, NEO4J_HTTP_PORT, NEO4J_LISTEN_ADDRESS,
 * NEO4J_ADVERTISED_ADDRESS, NEO4J_PASSWORD, NEO4J_URI, NEO4J_USER, NEO4J_DATABASE,
 * POLICYGRAPH_NEO4J_HOME), then 7687 / 7474 / 127.0.0.1 / policygraph-test / neo4j.
 */
public final class Launcher {
    static final String TAG = "policygraph-neo4j: ";
    static final String READY = "READY";
    static final String DEFAULT_PASSWORD = "policygraph-test";

    private Launcher() {}

    public static void main(String[] argv) throws Exception {
        // JVM settings the neo4j start script would pass; must be set before Netty/log4j load.
        System.setProperty("io.netty.tryReflectionSetAccessible", "true");
        System.setProperty("jdk.nio.maxCachedBufferSize", "1024");
        System.setProperty("log4j2.disable.jmx", "true");

        List<String> args = new ArrayList<>(List.of(argv));
        String cmd = "serve";
        if (!args.isEmpty() && !args.get(0).startsWith("-")) {
            cmd = args.remove(0);
        }
        int rc;
        try {
            switch (cmd) {
                case "serve" -> rc = serve(args);
                case "query" -> rc = query(args);
                case "check" -> rc = check(args);
                case "help", "-h", "--help" -> {
                    usage(System.out);
                    rc = 0;
                }
                default -> {
                    System.err.println(TAG + "unknown command: " + cmd);
                    usage(System.err);
                    rc = 2;
                }
            }
        } catch (UsageException e) {
            System.err.println(TAG + e.getMessage());
            usage(System.err);
            rc = 2;
        }
        if (!"serve".equals(cmd) || rc != 0) {
            System.exit(rc);
        }
        // serve with rc 0: the signal handler calls System.exit.
    }

    static void usage(PrintStream out) {
        out.println("usage: java -jar policygraph-neo4j.jar [serve|query|check|help] [options]");
        out.println("  serve: --bolt-port N --http-port N(0=off) --listen-address A --advertised-address A");
        out.println("         --password P | --no-auth");
        out.println("         --home DIR --data-dir DIR --logs-dir DIR --database NAME --pagecache SIZE");
        out.println("         --conf key=value (repeatable) --ready-file PATH");
        out.println("  query: --uri U --user U --password P --database D --timeout SECONDS [CYPHER]");
        out.println("  check: --uri U --user U --password P --database D   (CJK full-text round trip)");
    }

    // ------------------------------------------------------------------ serve

    static int serve(List<String> argv) throws Exception {
        long t0 = System.nanoTime();
        Opts o = new Opts(argv);
        int boltPort = Integer.parseInt(o.value("--bolt-port", env("NEO4J_BOLT_PORT", "7687")));
        int httpPort = Integer.parseInt(o.value("--http-port", env("NEO4J_HTTP_PORT", "7474")));
        String listen = o.value("--listen-address", env("NEO4J_LISTEN_ADDRESS", "127.0.0.1"));
        // Address clients are told to use (HTTP discovery, neo4j:// routing tables). Left to
        // Neo4j's default when listening on all interfaces (in a container): then a standalone
        // server answers neo4j:// routing with the address the client itself dialled, which is
        // what makes testcontainers' randomly mapped ports work, as with the official image.
        String advertised = o.value("--advertised-address",
                env("NEO4J_ADVERTISED_ADDRESS", listen.equals("0.0.0.0") ? "" : listen));
        boolean noAuth = o.flag("--no-auth");
        String password = o.value("--password", env("NEO4J_PASSWORD", DEFAULT_PASSWORD));
        String homeArg = o.value("--home", env("POLICYGRAPH_NEO4J_HOME", ""));
        String dataDir = o.value("--data-dir", "");
        String logsDir = o.value("--logs-dir", "");
        String database = o.value("--database", env("NEO4J_DATABASE", "neo4j"));
        String pagecache = o.value("--pagecache", "128m");
        String readyFile = o.value("--ready-file", "");
        List<String> extraConf = o.values("--conf");
        o.noRest();
        if (!noAuth && password.isEmpty()) {
            throw new UsageException("empty password: use --no-auth to disable authentication");
        }

        boolean tempHome = homeArg.isEmpty();
        Path home = tempHome
                ? Files.createTempDirectory("policygraph-neo4j-")
                : Path.of(homeArg).toAbsolutePath();
        Path confDir = home.resolve("conf");
        Files.createDirectories(confDir);

        // Everything goes through a real neo4j.conf so that the server and the
        // set-initial-password command (which reads neo4j.conf) agree on the data dir.
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("server.default_listen_address", listen);
        conf.put("server.bolt.enabled", "true");
        conf.put("server.bolt.listen_address", listen + ":" + boltPort);
        conf.put("server.http.enabled", Boolean.toString(httpPort > 0));
        if (httpPort > 0) {
            conf.put("server.http.listen_address", listen + ":" + httpPort);
        }
        conf.put("server.https.enabled", "false");
        if (!advertised.isEmpty()) {
            conf.put("server.default_advertised_address", advertised);
            conf.put("server.bolt.advertised_address", advertised + ":" + boltPort);
            if (httpPort > 0) {
                conf.put("server.http.advertised_address", advertised + ":" + httpPort);
            }
        }
        // Bolt waits 2 x 5 s for idle connections/threads on shutdown by default; tests
        // stop servers often and nothing is in flight then.
        conf.put("internal.server.bolt.connection_shutdown_wait_time", "1s");
        conf.put("internal.server.bolt.thread_pool_shutdown_wait_time", "1s");
        conf.put("dbms.security.auth_enabled", Boolean.toString(!noAuth));
        // Tests use short throwaway passwords ("password" is the testcontainers default).
        conf.put("dbms.security.auth_minimum_password_length", "1");
        conf.put("initial.dbms.default_database", database);
        // Never phone home: CI and developer machines have no internet anyway.
        conf.put("dbms.usage_report.enabled", "false");
        conf.put("server.memory.pagecache.size", pagecache);
        // Small, test-sized transaction logs; they are preallocated otherwise.
        conf.put("db.tx_log.preallocate", "false");
        conf.put("db.tx_log.rotation.retention_policy", "2 files");
        if (!dataDir.isEmpty()) {
            conf.put("server.directories.data", Path.of(dataDir).toAbsolutePath().toString());
        }
        if (!logsDir.isEmpty()) {
            conf.put("server.directories.logs", Path.of(logsDir).toAbsolutePath().toString());
        }
        for (String kv : extraConf) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--conf expects key=value, got: " + kv);
            }
            conf.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        Path confFile = confDir.resolve("neo4j.conf");
        String confText = conf.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "# written by policygraph-neo4j Launcher\n", "\n"));
        Files.writeString(confFile, confText, StandardCharsets.UTF_8);

        Path data = conf.containsKey("server.directories.data")
                ? Path.of(conf.get("server.directories.data"))
                : home.resolve("data");
        boolean fresh = !Files.exists(data.resolve("databases").resolve("system"));
        CommunityBootstrapper boot = new CommunityBootstrapper();
        int rc;
        try {
            if (!noAuth) {
                if (fresh) {
                    // Same as `neo4j-admin dbms set-initial-password`: written to data/dbms/auth.ini
                    // and consumed when the system database is created, so Bolt never accepts the
                    // default neo4j/neo4j credentials, not even briefly.
                    setInitialPassword(home, confDir, password);
                } else {
                    System.out.println(TAG + "existing data in " + data
                            + ": keeping the password it was created with");
                }
            }
            System.out.println(TAG + "starting Neo4j (home " + home + ")");
            rc = boot.start(home, confFile, Map.of(), false, false);
        } catch (RuntimeException e) {
            // E.g. an unknown setting: Neo4j validates the config strictly, like neo4j:5.
            System.err.println(TAG + "Neo4j failed to start: " + e.getMessage());
            rc = 1;
        }
        if (rc != 0) {
            System.err.println(TAG + "Neo4j failed to start (exit code " + rc + "), see "
                    + home.resolve("logs") + " and the output above");
            if (tempHome) {
                deleteTree(home);
            }
            return rc;
        }

        // Replace the bootstrapper's SIGTERM/SIGINT handlers (which System.exit and rely on a
        // shutdown hook) so that we stop Neo4j first and only then remove our own files.
        AtomicBoolean stopping = new AtomicBoolean();
        CountDownLatch stopped = new CountDownLatch(1);
        Path ready = readyFile.isEmpty() ? null : Path.of(readyFile).toAbsolutePath();
        Runnable stop = () -> {
            if (!stopping.compareAndSet(false, true)) {
                return;
            }
            long s0 = System.nanoTime();
            System.out.println(TAG + "stopping");
            int code = boot.stop();
            try {
                if (ready != null) {
                    Files.deleteIfExists(ready);
                }
                if (tempHome) {
                    deleteTree(home);
                }
            } catch (IOException e) {
                System.err.println(TAG + "cleanup: " + e);
            }
            System.out.printf("%sstopped in %.1fs%n", TAG, secondsSince(s0));
            System.out.flush();
            stopped.countDown();
            System.exit(code);
        };
        for (String sig : List.of("TERM", "INT", "HUP")) {
            Signal.handle(new Signal(sig), s -> new Thread(stop, "policygraph-stop").start());
        }

        try {
            verifyEmbedded(boot.getDatabaseManagementService(), database);
        } catch (Exception e) {
            System.err.println(TAG + "self-check failed: " + e);
            stop.run();
            return 1;
        }

        String boltUri = "bolt://" + displayHost(listen) + ":" + boltPort;
        String httpUri = httpPort > 0 ? "http://" + displayHost(listen) + ":" + httpPort : "off";
        String line = String.format(
                "%s%s bolt=%s http=%s user=neo4j auth=%s database=%s cjk=ok home=%s (%.1fs)",
                TAG, READY, boltUri, httpUri, noAuth ? "none" : "enabled", database, home, secondsSince(t0));
        if (ready != null) {
            // Write-then-rename so a watcher never reads a half-written file.
            Path tmp = ready.resolveSibling(ready.getFileName() + ".tmp");
            Files.writeString(tmp, boltUri + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, ready, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        System.out.println(line);
        System.out.flush();

        stopped.await();
        return 0;
    }

    static void setInitialPassword(Path home, Path confDir, String password) {
        var ctx = new ExecutionContext(home, confDir);
        int rc = new CommandLine(new SetInitialPasswordCommand(ctx)).execute(password);
        if (rc != 0) {
            throw new IllegalStateException("set-initial-password failed with exit code " + rc);
        }
    }

    /** In-process readiness check: default database online and the 'cjk' analyzer registered. */
    static void verifyEmbedded(DatabaseManagementService dms, String database) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        GraphDatabaseService db = dms.database(database);
        while (!db.isAvailable(1000)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("database '" + database + "' did not come online");
            }
        }
        long n = db.executeTransactionally(
                "CALL db.index.fulltext.listAvailableAnalyzers() YIELD analyzer "
                        + "WHERE analyzer = 'cjk' RETURN count(*) AS n",
                Map.of(),
                r -> (Long) r.next().get("n"));
        if (n != 1) {
            throw new IllegalStateException("full-text analyzer 'cjk' is not available");
        }
    }

    // ------------------------------------------------------------------ clients

    record Conn(String uri, String user, String password, String database, int timeoutSeconds) {
        static Conn from(Opts o) {
            return new Conn(
                    o.value("--uri", env("NEO4J_URI", "bolt://127.0.0.1:" + env("NEO4J_BOLT_PORT", "7687"))),
                    o.value("--user", env("NEO4J_USER", "neo4j")),
                    o.value("--password", env("NEO4J_PASSWORD", DEFAULT_PASSWORD)),
                    o.value("--database", env("NEO4J_DATABASE", "neo4j")),
                    Integer.parseInt(o.value("--timeout", "10")));
        }

        Driver driver() {
            AuthToken auth = password.isEmpty() ? AuthTokens.none() : AuthTokens.basic(user, password);
            var cfg = org.neo4j.driver.Config.builder()
                    .withConnectionTimeout(timeoutSeconds, TimeUnit.SECONDS)
                    .withConnectionAcquisitionTimeout(timeoutSeconds, TimeUnit.SECONDS)
                    .withMaxTransactionRetryTime(0, TimeUnit.SECONDS)
                    .withLogging(env("POLICYGRAPH_NEO4J_DEBUG", "").isEmpty()
                            ? Logging.none()
                            : Logging.console(java.util.logging.Level.FINE))
                    .build();
            return GraphDatabase.driver(uri, auth, cfg);
        }

        SessionConfig session() {
            return SessionConfig.forDatabase(database);
        }
    }

    /** Runs one Cypher statement over Bolt and prints the rows tab-separated. */
    static int query(List<String> argv) {
        Opts o = new Opts(argv);
        Conn c = Conn.from(o);
        List<String> rest = o.rest();
        String cypher = rest.isEmpty() ? "RETURN 1 AS ok" : String.join(" ", rest);
        try (Driver d = c.driver(); Session s = d.session(c.session())) {
            Result r = s.run(cypher);
            for (Record rec : r.list()) {
                System.out.println(rec.values().stream().map(v -> String.valueOf(v.asObject())).collect(Collectors.joining("\t")));
            }
            return 0;
        } catch (Exception e) {
            System.err.println(TAG + "query failed against " + c.uri() + ": " + e.getMessage());
            return 1;
        }
    }

    /**
     * Full-text round trip with the CJK analyzer, on a throwaway label and index that are
     * removed again: the same statement shape the project uses for :Measure(text).
     */
    static int check(List<String> argv) {
        Opts o = new Opts(argv);
        Conn c = Conn.from(o);
        o.noRest();
        long t0 = System.nanoTime();
        String index = "policygraph_selfcheck_cjk";
        String label = "PolicygraphSelfCheck";
        try (Driver d = c.driver(); Session s = d.session(c.session())) {
            s.run("CREATE FULLTEXT INDEX " + index + " IF NOT EXISTS FOR (n:" + label + ") ON EACH [n.text] "
                    + "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}").consume();
            s.run("CALL db.awaitIndex($name, 60)", Map.of("name", index)).consume();
            String analyzer = s.run("SHOW FULLTEXT INDEXES YIELD name, options WHERE name = $name "
                            + "RETURN options.indexConfig['fulltext.analyzer'] AS a", Map.of("name", index))
                    .single().get("a").asString();
            if (!"cjk".equals(analyzer)) {
                throw new IllegalStateException("index analyzer is " + analyzer + ", expected cjk");
            }
            s.run("UNWIND $texts AS t CREATE (:" + label + " {text: t})",
                    Map.of("texts", List.of("再生可能エネルギーの導入を促進する", "地方創生に向けた人材育成"))).consume();
            List<String> hits = s.run("CALL db.index.fulltext.queryNodes($name, $q) YIELD node, score "
                            + "RETURN node.text AS text ORDER BY score DESC", Map.of("name", index, "q", "エネルギー"))
                    .list(r -> r.get("text").asString());
            List<String> hits2 = s.run("CALL db.index.fulltext.queryNodes($name, $q) YIELD node "
                            + "RETURN node.text AS text", Map.of("name", index, "q", "人材"))
                    .list(r -> r.get("text").asString());
            if (!hits.equals(List.of("再生可能エネルギーの導入を促進する"))
                    || !hits2.equals(List.of("地方創生に向けた人材育成"))) {
                throw new IllegalStateException("unexpected full-text hits: " + hits + " / " + hits2);
            }
            System.out.printf("%scjk full-text check OK against %s (%s, %.1fs): 'エネルギー' -> %s%n",
                    TAG, c.uri(), c.database(), secondsSince(t0), hits);
            return 0;
        } catch (Exception e) {
            System.err.println(TAG + "cjk full-text check FAILED against " + c.uri() + ": " + e);
            return 1;
        } finally {
            // Best effort cleanup in a fresh session; the check must leave no trace.
            try (Driver d = c.driver(); Session s = d.session(c.session())) {
                s.run("MATCH (n:" + label + ") DETACH DELETE n").consume();
                s.run("DROP INDEX " + index + " IF EXISTS").consume();
            } catch (Exception ignored) {
                // The server may be down; nothing to clean then.
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? dflt : v;
    }

    static String displayHost(String listen) {
        return listen.equals("0.0.0.0") || listen.isEmpty() ? "127.0.0.1" : listen;
    }

    static double secondsSince(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0).toMillis() / 1000.0;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static final class UsageException extends RuntimeException {
        UsageException(String msg) {
            super(msg);
        }
    }

    /** Minimal `--name value` / `--name=value` / `--flag` parser. */
    static final class Opts {
        private final List<String> args;

        Opts(List<String> argv) {
            this.args = new ArrayList<>(argv);
        }

        String value(String name, String dflt) {
            List<String> all = values(name);
            return all.isEmpty() ? dflt : all.get(all.size() - 1);
        }

        List<String> values(String name) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < args.size(); ) {
                String a = args.get(i);
                if (a.equals(name)) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException(name + " needs a value");
                    }
                    out.add(args.get(i + 1));
                    args.remove(i + 1);
                    args.remove(i);
                } else if (a.startsWith(name + "=")) {
                    out.add(a.substring(name.length() + 1));
                    args.remove(i);
                } else {
                    i++;
                }
            }
            return out;
        }

        boolean flag(String name) {
            return args.removeIf(a -> a.equals(name));
        }

        List<String> rest() {
            for (String a : args) {
                if (a.startsWith("--")) {
                    throw new UsageException("unknown option: " + a);
                }
            }
            return args;
        }

        void noRest() {
            if (!rest().isEmpty()) {
                throw new UsageException("unexpected arguments: " + args);
            }
        }
    }
}
