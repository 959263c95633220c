package io.quartermaster.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI filter knows every resource and describes every operation, without a server (the
 * document itself, built by the runtime's model, is checked by {@code OpenApiIT}).
 */
class ApiDocumentTest {

    @Test
    void everyResourceOfTheApiIsDescribed() {
        List<String> resources = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.quartermaster.web.rest").stream()
                .filter(c -> c.isAnnotatedWith(jakarta.ws.rs.Path.class))
                .map(JavaClass::getName).toList();
        assertThat(ApiResources.RESOURCES.stream().map(Class::getName)).containsExactlyInAnyOrderElementsOf(resources);
    }

    @Test
    void everyOperationHasItsDocumentationAndNoEntryIsLeftOver() {
        Map<String, Set<String>> roles = ApiResources.roles();
        assertThat(ApiOperations.DOCS.keySet()).containsExactlyInAnyOrderElementsOf(roles.keySet());
        roles.forEach((operation, who) -> assertThat(who).as("roles of " + operation).isNotEmpty());
        Set<String> ids = new HashSet<>();
        ApiOperations.DOCS.values().forEach(doc -> assertThat(ids.add(doc.id())).as("operation id " + doc.id()).isTrue());
        assertThat(ApiOperations.ANSWERS.keySet()).allMatch(roles::containsKey);
    }
}
