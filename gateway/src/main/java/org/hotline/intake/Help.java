package org.hotline.intake;

import java.io.PrintStream;

/** The text of {@code --help}. */
final class Help {
  private Help() {}

  static void print() {
    PrintStream out = System.out;
    out.println(
        """
        intake-gateway: intake for the 12315 consumer-complaint hotline

        usage: gateway/bin/intake-gateway          (the jar with its JVM options; JAVA_OPTS adds)
               java -jar gateway/target/intake-gateway.jar

        Configured by environment variables (all but INTAKE_CONFIG also settable in the YAML
        file, which has more settings: README.md, "Configuration"):
          INTAKE_HTTP_PORT          listening port (default 8080; 0 = any free port, logged)
          INTAKE_PG_URL             postgresql://user:pass@host:port/db; unset = embedded server
          INTAKE_DATA_DIR           where embedded state lives (default ./data)
          INTAKE_CONFIG             YAML file: keys, writer limits, dedup windows
          INTAKE_CLUSTER            Hazelcast members host:port,... or kubernetes:<service DNS>;
                                    unset = one node alone
          INTAKE_CLUSTER_PORT       this node's Hazelcast port (default 5701)
          INTAKE_CLUSTER_SECRET     required with INTAKE_CLUSTER: 16+ characters, the same on
                                    every node
          INTAKE_DEDUP_SECRET       HMAC key for complainant identities (default: generated
                                    on first start and kept in the database)
          INTAKE_MAX_EVENT_LOOP_MS  warn when an event-loop task runs longer (default 2000)
          INTAKE_PII_KEYS           data keys for phones and ID numbers at rest, id:base64,...
                                    (32 bytes each, the first seals; default: generated on
                                    first start and kept in the database)
          MALLOC_TRIM_THRESHOLD_    glibc's, for the embedded server (default 33554432:
                                    backends keep their freed heap between transactions)

        With no keys configured it runs in demo mode with the keys demo-phone-key,
        demo-web-key, demo-12345-key and demo-operator-key. See README.md.
        """);
  }
}
