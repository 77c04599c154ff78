package eu.privacysuite.k8scheck;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service's own sources say it needs: its application.properties (ports, channels, environment
 * variables it reads, image settings) and the topics its code writes through the outbox.
 */
record SuiteService(String name, Path module, Properties properties) {

    static final List<String> NAMES = List.of("consent-service", "contact-service", "dsr-service", "retention-service");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");
    private static final Pattern OUTBOX_TOPIC = Pattern.compile("outbox\\.publish\\(\\s*Topics\\.([A-Z_]+)");
    /** The shared RetentionClocks publishes every clock event to the lifecycle topic through the caller's outbox. */
    private static final Pattern CLOCK_USE = Pattern.compile("\\bRetentionClocks\\b");

    static List<SuiteService> all() {
        return NAMES.stream().map(SuiteService::load).toList();
    }

    static SuiteService load(String name) {
        Path module = Repo.ROOT.resolve(name);
        // The suite's common settings are the shared module's defaults, below the service's own file.
        Properties shared = read(Repo.ROOT.resolve("shared/src/main/resources/META-INF/microprofile-config.properties"),
                new Properties());
        return new SuiteService(name, module, read(module.resolve("src/main/resources/application.properties"),
                new Properties(shared)));
    }

    private static Properties read(Path file, Properties properties) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** The value in the prod profile: {@code %prod.key} wins over {@code key}; dev and test values never count. */
    String prod(String key) {
        String profiled = properties.getProperty("%prod." + key);
        return profiled != null ? profiled : properties.getProperty(key);
    }

    int httpPort() {
        return Integer.parseInt(prod("quarkus.http.port"));
    }

    int managementPort() {
        return Integer.parseInt(prod("quarkus.management.port"));
    }

    /** Every environment-style name (UPPER_CASE) that a prod-profile value reads, with or without a default. */
    Set<String> environmentVariables() {
        Set<String> names = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("%") && !key.startsWith("%prod.")) {
                continue;
            }
            Matcher m = ENV_REFERENCE.matcher(properties.getProperty(key));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The channel names of {@code mp.messaging.<direction>."<channel>".*}. */
    Set<String> channels(String direction) {
        Set<String> channels = new TreeSet<>();
        Pattern channel = Pattern.compile("mp\\.messaging\\." + direction + "\\.(?:\"([^\"]+)\"|([^.\"]+))\\.connector");
        for (String key : properties.stringPropertyNames()) {
            Matcher m = channel.matcher(key);
            if (m.matches()) {
                channels.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        return channels;
    }

    String channel(String direction, String channel, String attribute) {
        return prod("mp.messaging." + direction + ".\"" + channel + "\"." + attribute);
    }

    /** The names of the Topics constants that this service's code passes to outbox.publish, itself or through RetentionClocks. */
    Set<String> outboxTopicConstants() {
        Set<String> constants = new TreeSet<>();
        try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(file, StandardCharsets.UTF_8);
                Matcher m = OUTBOX_TOPIC.matcher(code);
                while (m.find()) {
                    constants.add(m.group(1));
                }
                if (CLOCK_USE.matcher(code).find()) {
                    constants.add("RETENTION_LIFECYCLE");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return constants;
    }

    String database() {
        return name.substring(0, name.indexOf('-')) + "-db";
    }
}
