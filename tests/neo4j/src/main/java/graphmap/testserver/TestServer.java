package graphmap.testserver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;

import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * A throw-away Neo4j 5.26 Community server for graphmap's test suite.
 *
 * <p>Usage: {@code java -cp ... graphmap.testserver.TestServer HOME_DIR PASSWORD}. Starts an
 * in-process DBMS in HOME_DIR with Bolt on a free loopback port, authentication on (user
 * {@code neo4j}, the given password), and the open-source Graph Data Science procedures
 * loaded the way a real server loads them: its jars are on the classpath and linked into the
 * plugins folder. Prints one line {@code GRAPHMAP_NEO4J_READY bolt://127.0.0.1:PORT} when
 * Bolt accepts connections, then serves until standard input closes (or SIGTERM).
 */
public final class TestServer {

    private TestServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: TestServer HOME_DIR PASSWORD");
            System.exit(2);
        }
        Path home = Paths.get(args[0]).toAbsolutePath();
        String password = args[1];
        Path plugins = home.resolve("plugins");
        linkGdsJars(plugins);

        Map<String, String> config = new HashMap<>();
        config.put("dbms.security.auth_enabled", "true");
        // Tests try wrong passwords on purpose: never lock the user out for the others.
        config.put("dbms.security.auth_max_failed_attempts", "0");
        config.put("server.bolt.enabled", "true");
        // Port 0: the OS picks a free port; we read it back from the port register.
        config.put("server.bolt.listen_address", "127.0.0.1:0");
        config.put("server.bolt.tls_level", "DISABLED");
        config.put("server.directories.plugins", plugins.toString());
        config.put("dbms.security.procedures.unrestricted", "gds.*");
        config.put("server.memory.pagecache.size", "128m");
        config.put("db.logs.query.enabled", "OFF");
        // Extra settings for measurements: -Dgraphmap.neo4j.NAME=VALUE sets NAME=VALUE.
        String prefix = "graphmap.neo4j.";
        System.getProperties().forEach((key, value) -> {
            if (key.toString().startsWith(prefix)) {
                config.put(key.toString().substring(prefix.length()), value.toString());
            }
        });

        // Settings go through a neo4j.conf, as on a real server (and by their public names).
        Path conf = home.resolve("neo4j.conf");
        StringBuilder lines = new StringBuilder();
        config.forEach((key, value) -> lines.append(key).append('=').append(value).append('\n'));
        Files.writeString(conf, lines.toString());
        DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
                .loadPropertiesFromFile(conf)
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(service::shutdown));

        GraphDatabaseService system = service.database("system");
        // Embedded calls run with full rights, so the initial password can be set directly.
        system.executeTransactionally(
                "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));

        GraphDatabaseService db = service.database("neo4j");
        ConnectorPortRegister ports = ((GraphDatabaseAPI) db).getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class);
        HostnamePort bolt = ports.getLocalAddress(ConnectorType.BOLT);
        System.out.println("GRAPHMAP_NEO4J_READY bolt://" + bolt.getHost() + ":" + bolt.getPort());
        System.out.flush();

        // Serve until our parent closes our stdin (pytest fixture teardown or its death).
        InputStream in = System.in;
        byte[] buffer = new byte[256];
        while (in.read(buffer) >= 0) {
            // ignore input
        }
        service.shutdown();
        System.exit(0);
    }

    /** Links every Graph Data Science jar of the classpath into the plugins folder. */
    private static void linkGdsJars(Path plugins) throws IOException {
        Files.createDirectories(plugins);
        String separator = System.getProperty("path.separator");
        for (String entry : System.getProperty("java.class.path").split(separator)) {
            Path jar = Paths.get(entry);
            String normalized = jar.toString().replace('\\', '/');
            if (!normalized.endsWith(".jar") || !normalized.contains("/org/neo4j/gds/")) {
                continue;
            }
            Path link = plugins.resolve(jar.getFileName());
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, jar.toAbsolutePath());
            }
        }
    }
}
