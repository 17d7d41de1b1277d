package dev.hashi.devstack;

import java.time.Duration;
import java.util.List;

/** The ready banner: where everything is. */
final class Banner {

    private Banner() {}

    static String render(
            StackConfig config,
            List<ServiceProcess> processes,
            String mongoUri,
            String bootstrap,
            boolean embeddedMongo,
            boolean embeddedKafka,
            Duration took) {
        StringBuilder out = new StringBuilder();
        String gateway = config.service("gateway").url();
        out.append("\n========================================================================\n");
        out.append(String.format(" Hashi is ready (%.1f s)%n", took.toMillis() / 1000.0));
        out.append("------------------------------------------------------------------------\n");
        out.append(String.format(" Gateway              %s%n", gateway));
        config.replicasOf("gateway").stream()
                .skip(1)
                .forEach(
                        replica -> out.append(String.format(" Gateway #%-11d %s%n", replica.replica(), replica.url())));
        out.append(String.format(
                " Console              %s/  (sign in as editor, translator, reviewer or admin)%n", gateway));
        out.append(String.format(" Health               %s/api/health%n", gateway));
        for (ServiceProcess process : processes) {
            StackConfig.Service service = process.service();
            if (!service.name().equals("gateway") && !service.name().equals("console")) {
                String shortName = service.name().replace("-service", "");
                out.append(String.format(
                        " %-20s %s   API docs %s/docs/%s/v3/api-docs   (pid %d)%n",
                        service.label(), service.url(), gateway, shortName, process.pid()));
            } else {
                out.append(String.format(" %-20s %s   (pid %d)%n", service.label(), service.url(), process.pid()));
            }
        }
        if (config.oneJvm() && !processes.isEmpty()) {
            out.append(String.format(
                    " JVMs                 every service in one (pid %d); HASHI_DEV_JVM=per-service for one each%n",
                    processes.get(0).pid()));
        }
        out.append(String.format(
                " MongoDB              %s%s%n",
                mongoUri,
                embeddedMongo ? "  (embedded, data in " + config.dataDir().resolve("mongo") + ")" : ""));
        out.append(String.format(
                " Kafka                %s%s%n", bootstrap, embeddedKafka ? "  (embedded KRaft broker)" : ""));
        out.append(String.format(" Logs                 %s%n", config.dataDir().resolve("logs")));
        out.append(
                " Metrics              <each service URL above>/actuator/prometheus   (flow summary: ./hashi-dev status)\n");
        out.append(" Stop with Ctrl-C\n");
        out.append("========================================================================\n");
        return out.toString();
    }

    /** The banner with a line saying what first-start seeding did ({@link FirstStartSeeds}), before "Stop with". */
    static String withSeeds(String banner, String seeds) {
        return banner.replace(
                " Stop with Ctrl-C\n", String.format(" Seeds                %s%n Stop with Ctrl-C%n", seeds));
    }
}
