package dev.atrium.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the code says about Kafka, and how Strimzi's topics and users compare with it. */
final class KafkaContract {

    private static final Pattern TOPIC_CONSTANT = Pattern.compile("\\b\\w*TOPIC\\s*=\\s*\"([^\"]+)\"");

    /** What one service writes and reads. */
    record Access(Set<String> publishes, Set<String> consumes) {
    }

    /** What a service's consumers are configured with. */
    record Consumption(Set<String> topics, Set<String> groups) {
    }

    private KafkaContract() {
    }

    /** The TOPIC constants of every *Events.java in the api sources of the modules under the root. */
    static Set<String> codeTopics(Path root) {
        Set<String> topics = new TreeSet<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path sources : modules.map(m -> m.resolve("api/src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(sources)) {
                    files.filter(f -> f.getFileName().toString().endsWith("Events.java")).forEach(f -> {
                        Matcher matcher = TOPIC_CONSTANT.matcher(read(f));
                        while (matcher.find()) {
                            topics.add(matcher.group(1));
                        }
                    });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return topics;
    }

    /** mp.messaging.incoming.*.topic values and group ids of a service's application.properties. */
    static Consumption consumerConfig(Path applicationProperties) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(applicationProperties)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> topics = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        properties.stringPropertyNames().stream().filter(k -> k.startsWith("mp.messaging.incoming.")).forEach(k -> {
            if (k.endsWith(".topic")) {
                topics.add(properties.getProperty(k));
            } else if (k.endsWith(".group.id")) {
                groups.add(properties.getProperty(k));
            }
        });
        return new Consumption(topics, groups);
    }

    static Set<String> strimziTopics(List<ObjectNode> manifests) {
        Set<String> topics = new TreeSet<>();
        Manifests.ofKind(manifests, "KafkaTopic")
                .forEach(t -> topics.add(t.path("spec").path("topicName").asText(Manifests.name(t))));
        return topics;
    }

    /** Strimzi declares exactly the code's topics plus those DESIGN.md plans and no code publishes yet. */
    static List<String> topicProblems(List<ObjectNode> manifests, Set<String> codeTopics, Set<String> planned) {
        Set<String> declared = strimziTopics(manifests);
        List<String> problems = new ArrayList<>();
        codeTopics.stream().filter(t -> !declared.contains(t))
                .forEach(t -> problems.add("topic " + t + " is used in code but has no KafkaTopic"));
        declared.stream().filter(t -> !codeTopics.contains(t) && !planned.contains(t))
                .forEach(t -> problems.add("KafkaTopic " + t + " is not used in code"));
        return problems;
    }

    /** Each KafkaUser writes exactly what its service publishes and reads exactly what it consumes, in its own group. */
    static List<String> aclProblems(List<ObjectNode> manifests, Map<String, Access> expected) {
        List<String> problems = new ArrayList<>();
        Set<String> users = new TreeSet<>();
        for (ObjectNode user : Manifests.ofKind(manifests, "KafkaUser")) {
            String name = Manifests.name(user);
            users.add(name);
            Access access = expected.get(name);
            if (access == null) {
                problems.add("KafkaUser " + name + " belongs to no service");
                continue;
            }
            Set<String> writes = new TreeSet<>();
            Set<String> reads = new TreeSet<>();
            boolean ownGroup = false;
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                JsonNode operations = acl.path("operations");
                String type = resource.path("type").asText();
                if (type.equals("topic") && ManifestChecks.containsText(operations, "Write")) {
                    writes.add(resource.path("name").asText());
                } else if (type.equals("topic") && ManifestChecks.containsText(operations, "Read")) {
                    reads.add(resource.path("name").asText());
                } else if (type.equals("group")) {
                    ownGroup |= resource.path("name").asText().equals(name);
                    if (!resource.path("name").asText().equals(name)) {
                        problems.add("KafkaUser " + name + " may use another's group " + resource.path("name").asText());
                    }
                }
                if (type.equals("topic") && !resource.path("patternType").asText().equals("literal")) {
                    problems.add("KafkaUser " + name + " matches topics by " + resource.path("patternType").asText());
                }
                if (ManifestChecks.containsText(operations, "All")) {
                    problems.add("KafkaUser " + name + " is granted All on " + resource.path("name").asText());
                }
            }
            if (!writes.equals(access.publishes())) {
                problems.add("KafkaUser " + name + " writes " + writes + " but publishes " + access.publishes());
            }
            if (!reads.equals(access.consumes())) {
                problems.add("KafkaUser " + name + " reads " + reads + " but consumes " + access.consumes());
            }
            if (!access.consumes().isEmpty() && !ownGroup) {
                problems.add("KafkaUser " + name + " has no consumer group " + name);
            }
        }
        expected.keySet().stream().filter(s -> !users.contains(s))
                .forEach(s -> problems.add("service " + s + " has no KafkaUser"));
        return problems;
    }

    /** A service's configured consumers read only topics its user may read, in the group named after it. */
    static List<String> consumerProblems(String service, Consumption configured, Access allowed) {
        List<String> problems = new ArrayList<>();
        configured.topics().stream().filter(t -> !allowed.consumes().contains(t))
                .forEach(t -> problems.add(service + " consumes " + t + ", which its KafkaUser may not read"));
        configured.groups().stream().filter(g -> !g.equals(service))
                .forEach(g -> problems.add(service + " consumes in group " + g + " instead of " + service));
        return problems;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
