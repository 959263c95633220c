package io.quartermaster.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of DESIGN.md §1 and STYLE.md, checked on the compiled main classes of
 * every module: dependencies point one way ({@code web → {orders, erp} → inventory →
 * platform}), orders and erp never meet, and a module is reached only through its
 * {@code api} package.
 */
class ModuleBoundariesTest {

    private static final List<String> MODULES = List.of("platform", "inventory", "orders", "erp");
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.quartermaster");
    }

    @Test
    void modulesHaveNoCycles() {
        slices().matching("io.quartermaster.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void otherModulesReachAModuleOnlyThroughItsApi() {
        for (String module : MODULES) {
            String root = "io.quartermaster." + module;
            noClasses().that().resideOutsideOfPackage(root + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(
                            root + ".domain..", root + ".application..", root + ".infrastructure..")
                    .because("other modules use " + module + " only through " + root + ".api")
                    .check(classes);
        }
    }

    @Test
    void dependenciesPointOneWay() {
        noClasses().that().resideInAPackage("io.quartermaster.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quartermaster.inventory..",
                        "io.quartermaster.orders..", "io.quartermaster.erp..", "io.quartermaster.web..")
                .because("the platform is a shared kernel that knows nothing of stock, orders or ledgers")
                .check(classes);
        noClasses().that().resideInAPackage("io.quartermaster.inventory..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quartermaster.orders..",
                        "io.quartermaster.erp..", "io.quartermaster.web..")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideInAPackage("io.quartermaster.orders..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quartermaster.erp..", "io.quartermaster.web..")
                .because("orders and erp never call each other; erp learns of orders from events")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideInAPackage("io.quartermaster.erp..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quartermaster.orders..", "io.quartermaster.web..")
                .because("orders and erp never call each other; erp learns of orders from events")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideOutsideOfPackage("io.quartermaster.launcher..")
                .should().dependOnClassesThat().resideInAPackage("io.quartermaster.launcher..")
                .because("the launcher runs the application; the application never depends on it")
                .check(classes);
    }

    @Test
    void entitiesStayInTheirModulesDomainOrInfrastructure() {
        classes().that().areAnnotatedWith(jakarta.persistence.Entity.class)
                .should().resideInAnyPackage("..domain..", "..infrastructure..")
                .because("entities are module-private; other modules see records from api")
                .check(classes);
    }

    @Test
    void applicationCodeDependsOnPortsNotOnAdapters() {
        noClasses().that().resideInAPackage("io.quartermaster.*.application..")
                .should().dependOnClassesThat().resideInAPackage("io.quartermaster.*.infrastructure..")
                .because("use cases talk to interfaces in domain (StockLevels, SignInFailureLog, WebhookSecrets); "
                        + "the adapters in infrastructure implement them")
                .check(classes);
    }

    @Test
    void businessModulesNameTheirRefusalsInsteadOfHttpStatuses() {
        noClasses().that().resideInAnyPackage("io.quartermaster.inventory..", "io.quartermaster.orders..", "io.quartermaster.erp..")
                .should().callConstructor(io.quartermaster.platform.api.problem.ProblemException.class, int.class, String.class,
                        String.class)
                .orShould().callConstructor(io.quartermaster.platform.api.problem.ProblemException.class, int.class,
                        String.class, String.class, java.util.Map.class)
                .orShould().callMethod(io.quartermaster.platform.api.problem.ProblemException.class, "status")
                .orShould().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "a ProblemException factory (invalidField, notFound, conflict, …)",
                        call -> call.getTargetOwner().isEquivalentTo(io.quartermaster.platform.api.problem.ProblemException.class)
                                && call.getTarget().resolveMember().map(m -> m.getModifiers().contains(
                                        com.tngtech.archunit.core.domain.JavaModifier.STATIC)).orElse(false)))
                .because("a refusal is named for what went wrong (HoldExpired, PeriodClosed, OverReceipt: the modules' "
                        + "api.refusal packages; InvalidField and NotFound from the platform); its kind becomes a status "
                        + "once, in the platform's Refusal")
                .check(classes);
    }

    @Test
    void namesExplainThemselves() {
        noClasses().should().haveSimpleNameEndingWith("Impl")
                .orShould().haveSimpleNameEndingWith("Service")
                .orShould().haveSimpleNameEndingWith("Manager")
                .orShould().haveSimpleNameEndingWith("Helper")
                .orShould().haveSimpleNameEndingWith("Util")
                .orShould().haveSimpleNameEndingWith("Utils")
                .orShould().haveSimpleNameEndingWith("DTO")
                .because("a class is named for what it is or does (Inventory, Checkouts, Journal, Replenishment), "
                        + "not for its role in a pattern")
                .check(classes);
    }

    @Test
    void identityAndWebhooksStayOutOfTheBusinessModules() {
        noClasses().that().resideInAnyPackage("io.quartermaster.inventory..", "io.quartermaster.orders..", "io.quartermaster.erp..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quartermaster.platform..identity..",
                        "io.quartermaster.platform..webhook..")
                .because("identity and webhooks sit beside the shared kernel, not in it: the modules share Money, "
                        + "events, the outbox, idempotency, refusals and the clocks, and learn who called from web "
                        + "(Seller, Viewer, an actor name)")
                .check(classes);
    }

    @Test
    void aFacadeIsImplementedInItsModulesApplicationLayer() {
        classes().that().implement(io.quartermaster.inventory.api.InventoryFacade.class)
                .or().implement(io.quartermaster.orders.api.OrderFacade.class)
                .or().implement(io.quartermaster.erp.api.LedgerFacade.class)
                .or().implement(io.quartermaster.erp.api.ReplenishmentFacade.class)
                .or().implement(io.quartermaster.platform.api.identity.IdentityFacade.class)
                .or().implement(io.quartermaster.platform.api.webhook.WebhookFacade.class)
                .should().resideInAPackage("io.quartermaster.*.application..")
                .andShould().haveSimpleNameNotEndingWith("Facade")
                .because("the facade is the module's front door; its implementation only hands each call to the "
                        + "use case that owns it")
                .check(classes);
    }

    @Test
    void apiPackagesHoldContractsNotStores() {
        noClasses().that().resideInAPackage("io.quartermaster.*.api..")
                .and().doNotHaveFullyQualifiedName(io.quartermaster.platform.api.tx.TransactionRunner.class.getName())
                .should().dependOnClassesThat().areAssignableTo(jakarta.persistence.EntityManager.class)
                .because("what reads or writes tables is an adapter in infrastructure behind a port in api "
                        + "(Outbox, EventLog, IdempotencyKeys, DatabaseClock); TransactionRunner only opens JTA "
                        + "transactions, and sets a new one's isolation level")
                .check(classes);
    }

    @Test
    void businessFacadesTakeIdentitiesAsValues() {
        methods().that().areDeclaredInClassesThat().resideInAnyPackage("io.quartermaster.inventory.api",
                        "io.quartermaster.orders.api", "io.quartermaster.erp.api")
                .and().areDeclaredInClassesThat().haveSimpleNameEndingWith("Facade")
                .should(new ArchCondition<JavaMethod>("take no bare UUID") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        if (method.getRawParameterTypes().stream().anyMatch(t -> t.isEquivalentTo(java.util.UUID.class))) {
                            events.add(SimpleConditionEvent.violated(method, method.getFullName() + " takes a bare UUID"));
                        }
                    }
                })
                .because("an order, a checkout, a hold and a purchase order are named by their own id values "
                        + "(OrderId, CheckoutId, HoldId, PurchaseOrderId), so one cannot be passed for another")
                .check(classes);
    }

    @Test
    void restResourcesAreNamedPluralResource() {
        classes().that().areAnnotatedWith(jakarta.ws.rs.Path.class)
                .should().haveSimpleNameEndingWith("sResource")
                .andShould().resideInAPackage("io.quartermaster.web.rest..")
                .check(classes);
    }
}
