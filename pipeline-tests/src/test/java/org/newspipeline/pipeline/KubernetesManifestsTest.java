package org.newspipeline.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newspipeline.localstack.TopicSetup;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The manifests in k8s/ as Kubernetes would read them: probes, resources, secrets, scaling bounds. */
class KubernetesManifestsTest {

    static final Path K8S = Path.of("..").toAbsolutePath().normalize().resolve("k8s");

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents(String file) throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(K8S.resolve(file))) {
            new Yaml().loadAll(r).forEach(d -> docs.add((Map<String, Object>) d));
        }
        return docs;
    }

    static Map<String, Object> kind(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind));
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            current = current instanceof List<?> list ? list.get(Integer.parseInt(key)) : ((Map<String, Object>) current).get(key);
            assertNotNull(current, String.join(".", path) + " is missing");
        }
        return (T) current;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "enrich-service", "query-service"})
    void each_service_is_a_deployment_with_health_probes_resources_and_a_service(String name) throws IOException {
        List<Map<String, Object>> docs = documents(name + ".yaml");
        Map<String, Object> container = at(kind(docs, "Deployment"), "spec", "template", "spec", "containers", "0");
        assertEquals("/q/health/ready", at(container, "readinessProbe", "httpGet", "path"));
        assertEquals("/q/health/live", at(container, "livenessProbe", "httpGet", "path"));
        assertNotNull(at(container, "resources", "requests", "memory"));
        assertNotNull(at(container, "resources", "limits", "memory"));
        assertEquals(Boolean.TRUE, at(kind(docs, "Deployment"), "spec", "template", "spec", "securityContext", "runAsNonRoot"));
        assertEquals(name, at(kind(docs, "Service"), "spec", "selector", "app.kubernetes.io/name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "enrich-service", "query-service"})
    @SuppressWarnings("unchecked")
    void secrets_come_from_a_secret_and_every_variable_is_a_setting_the_service_reads(String name) throws IOException {
        Map<String, Object> container = at(kind(documents(name + ".yaml"), "Deployment"), "spec", "template", "spec",
                "containers", "0");
        Set<String> settings = DockerComposeTest.settingsAsEnvironmentVariables(K8S.getParent(), name);
        for (Map<String, Object> env : (List<Map<String, Object>>) container.get("env")) {
            String variable = (String) env.get("name");
            assertTrue(settings.contains(variable), name + " does not read " + variable);
            if (variable.contains("KEY") || variable.contains("PASSWORD")) {
                assertNotNull(at(env, "valueFrom", "secretKeyRef", "name"), variable + " must come from a Secret");
            }
        }
        Map<String, String> config = at(kind(documents("config.yaml"), "ConfigMap"), "data");
        for (String variable : config.keySet()) {
            assertTrue(!variable.contains("PASSWORD") && !variable.contains("KEY"), variable + " belongs in the Secret");
        }
    }

    @Test
    void enrich_scales_no_further_than_the_partitions_go() throws IOException {
        Map<String, Object> hpa = kind(documents("enrich-service.yaml"), "HorizontalPodAutoscaler");
        assertEquals("enrich-service", at(hpa, "spec", "scaleTargetRef", "name"));
        assertEquals(TopicSetup.PARTITIONS, (int) at(hpa, "spec", "maxReplicas"));
    }
}
