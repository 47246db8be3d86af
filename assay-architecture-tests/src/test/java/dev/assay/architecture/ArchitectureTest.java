package dev.assay.architecture;

import static com.tngtech.archunit.lang.conditions.ArchConditions.accessField;
import static com.tngtech.archunit.lang.conditions.ArchConditions.callMethodWhere;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.assay.testkit.ProjectRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of STYLE.md sections 1, 2 and 6 that a compiler cannot check, over the production classes of
 * every module. Plain JUnit tests calling {@link ArchRule#check}, not ArchUnit's own test engine, so that
 * a rule that cannot run fails loudly instead of being skipped by a platform mismatch.
 */
class ArchitectureTest {
    private static final String CLI = "dev.assay.cli..";

    /**
     * Every module's root package. A new module must be added here and given its place in the layers, or
     * {@code everyClass_belongsToAKnownModule_passes} fails.
     */
    private static final List<String> MODULES = List.of(
            "model",
            "version",
            "sbom",
            "oci",
            "vulndb",
            "sign",
            "sigstore",
            "catalog",
            "match",
            "policy",
            "report",
            "engine",
            "server",
            "cli",
            "testkit");

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.assay");
    }

    @Test
    void imported_everyModuleWithSources_hasClasses() {
        // Guards the other rules against passing vacuously because the class path lost a module (a module
        // without main sources yet, like a freshly created one, has nothing to import).
        Path root = ProjectRoot.require();
        for (String module : MODULES) {
            if (!Files.isDirectory(root.resolve("assay-" + module + "/src/main/java"))) {
                continue;
            }
            assertThat(classes.stream().anyMatch(javaClass -> module(javaClass).equals(Optional.of(module))))
                    .as("classes of dev.assay.%s on the test class path", module)
                    .isTrue();
        }
    }

    @Test
    void modules_dependInTheDocumentedDirection_passes() {
        // model <- version <- {sbom, oci, vulndb} <- catalog <- match <- report <- engine <- server <- cli. Adapters
        // (sbom, oci, vulndb) never see each other or the catalog; only the engine wires sources,
        // catalogers, codecs, the advisory store and matchers together. A layer may use any layer below it.
        // match reads SBOM documents (CycloneDX VEX) through the sbom codecs. sigstore (offline Sigstore
        // bundle verification, on sigstore-java) sits above sign and is used only by the engine and the CLI.
        // policy reads image references with oci's ImageReference, so that the image pack's checks and the
        // registry client that resolves the same references can never disagree about what an image names.
        // The server (admission webhook, on Helidon) calls the engine and the policies' admission contract;
        // only the CLI starts it. Its portfolio re-matches stored components with the matchers against an
        // advisory store the caller opened, compares advisory generations and evaluates triage vers ranges,
        // so it also uses match, vulndb and version directly (it still never opens a store itself).
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("model")
                .definedBy("dev.assay.model..")
                .layer("version")
                .definedBy("dev.assay.version..")
                .layer("sbom")
                .definedBy("dev.assay.sbom..")
                .layer("oci")
                .definedBy("dev.assay.oci..")
                .layer("vulndb")
                .definedBy("dev.assay.vulndb..")
                .layer("sign")
                .definedBy("dev.assay.sign..")
                .layer("sigstore")
                .definedBy("dev.assay.sigstore..")
                .layer("catalog")
                .definedBy("dev.assay.catalog..")
                .layer("match")
                .definedBy("dev.assay.match..")
                .layer("policy")
                .definedBy("dev.assay.policy..")
                .layer("report")
                .definedBy("dev.assay.report..")
                .layer("engine")
                .definedBy("dev.assay.engine..")
                .layer("server")
                .definedBy("dev.assay.server..")
                .layer("cli")
                .definedBy(CLI)
                .layer("testkit")
                .definedBy("dev.assay.testkit..")
                .whereLayer("model")
                .mayOnlyBeAccessedByLayers(
                        "version",
                        "sbom",
                        "oci",
                        "vulndb",
                        "sign",
                        "sigstore",
                        "catalog",
                        "match",
                        "policy",
                        "report",
                        "engine",
                        "server",
                        "cli",
                        "testkit")
                .whereLayer("version")
                .mayOnlyBeAccessedByLayers("vulndb", "catalog", "match", "report", "engine", "server", "cli")
                .whereLayer("sbom")
                .mayOnlyBeAccessedByLayers("match", "report", "engine", "cli")
                .whereLayer("vulndb")
                .mayOnlyBeAccessedByLayers("match", "engine", "server", "cli")
                .whereLayer("sign")
                .mayOnlyBeAccessedByLayers("sigstore", "engine", "cli")
                .whereLayer("sigstore")
                .mayOnlyBeAccessedByLayers("engine", "cli")
                .whereLayer("oci")
                .mayOnlyBeAccessedByLayers("catalog", "policy", "engine", "cli")
                .whereLayer("catalog")
                .mayOnlyBeAccessedByLayers("engine", "cli")
                .whereLayer("match")
                .mayOnlyBeAccessedByLayers("engine", "server", "cli")
                .whereLayer("policy")
                .mayOnlyBeAccessedByLayers("engine", "server", "cli")
                .whereLayer("report")
                .mayOnlyBeAccessedByLayers("engine", "cli")
                .whereLayer("engine")
                .mayOnlyBeAccessedByLayers("server", "cli")
                .whereLayer("server")
                .mayOnlyBeAccessedByLayers("cli")
                .whereLayer("cli")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("testkit")
                .mayNotBeAccessedByAnyLayer()
                .check(classes);
    }

    @Test
    void everyClass_belongsToAKnownModule_passes() {
        classes()
                .should(belongToAKnownModule())
                .because("a new module needs its place in the layering rule above")
                .check(classes);
    }

    @Test
    void standardStreamsAndExit_onlyInTheCli_passes() {
        // Library output would corrupt an SBOM written to stdout; exiting from a library would kill the
        // server. Libraries log through slf4j and report failures as exceptions.
        noClasses()
                .that()
                .resideOutsideOfPackage(CLI)
                .should(accessField(System.class, "out"))
                .orShould(accessField(System.class, "err"))
                .orShould(accessField(System.class, "in"))
                .orShould(callMethodWhere(targetIs(System.class, "exit")))
                .orShould(callMethodWhere(targetIs(Runtime.class, "exit")))
                .orShould(callMethodWhere(targetIs(Runtime.class, "halt")))
                .check(classes);
    }

    @Test
    void printStackTrace_onlyInTheCli_passes() {
        // Users see one clear line; the stack is printed only by the CLI and only with --debug.
        noClasses()
                .that()
                .resideOutsideOfPackage(CLI)
                .should(callMethodWhere(targetIs(Throwable.class, "printStackTrace")))
                .check(classes);
    }

    @Test
    void picocliAndLogback_onlyInTheCli_passes() {
        noClasses()
                .that()
                .resideOutsideOfPackage(CLI)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("picocli..", "ch.qos.logback..")
                .because("commands live in the CLI, and libraries log through slf4j-api only")
                .check(classes);
    }

    @Test
    void httpAndJdbc_notInCoreModules_passes() {
        // The registry client (oci), the advisory downloader (vulndb) and the wiring (engine) may talk
        // HTTP; the domain, versions, catalogers, codecs, matchers and reports are pure functions of input.
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.assay.model..",
                        "dev.assay.version..",
                        "dev.assay.sign..",
                        "dev.assay.sigstore..",
                        "dev.assay.catalog..",
                        "dev.assay.sbom..",
                        "dev.assay.match..",
                        "dev.assay.report..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.net.http..", "java.sql..", "javax.sql..", "io.helidon..")
                .check(classes);
    }

    @Test
    void helidon_onlyInTheServer_passes() {
        // The web server stays behind assay-server: the engine and the policies never see HTTP types, so
        // the CLI reproduces a webhook decision without them and other commands never load them.
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.assay.server..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.helidon..")
                .check(classes);
    }

    @Test
    void celJava_onlyInThePolicyCelPackage_passes() {
        // The webhook, the CLI and the other packs see CelPolicy and its results, never cel-java's types, so
        // that the CEL runtime (and its protobuf and Guava) can change behind one package.
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.assay.policy.cel..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.cel..")
                .check(classes);
    }

    @Test
    void sigstoreJava_onlyInAssaySigstore_passes() {
        // sigstore-java and its 39 jars stay behind assay-sigstore's own API: other modules (the CLI included)
        // never see its types, so they can neither leak into other commands nor be loaded at their startup.
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.assay.sigstore..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.sigstore..")
                .check(classes);
    }

    @Test
    void internalPackages_usedOnlyInsideTheirModule_passes() {
        classes()
                .should(notUseAnotherModulesInternals())
                .because("an internal package is public only for technical reasons (STYLE.md section 2)")
                .check(classes);
    }

    @Test
    void names_haveNoUtilities_passes() {
        noClasses()
                .should()
                .haveSimpleNameContaining("Util")
                .orShould()
                .resideInAPackage("..util..")
                .orShould()
                .resideInAPackage("..utils..")
                .because("a helper lives beside its caller or becomes a named concept (Purls, Digests)")
                .check(classes);
    }

    private static DescribedPredicate<JavaCall<?>> targetIs(Class<?> owner, String methodName) {
        return DescribedPredicate.describe(
                "target is " + owner.getSimpleName() + "." + methodName,
                call -> call.getTarget().getOwner().isAssignableTo(owner)
                        && call.getTarget().getName().equals(methodName));
    }

    /** The module a class belongs to: the package segment after {@code dev.assay}. */
    private static Optional<String> module(JavaClass javaClass) {
        String packageName = javaClass.getPackageName();
        if (!packageName.startsWith("dev.assay.")) {
            return Optional.empty();
        }
        String rest = packageName.substring("dev.assay.".length());
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    private static boolean isInternal(JavaClass javaClass) {
        String packageName = javaClass.getPackageName() + ".";
        return packageName.contains(".internal.");
    }

    private static ArchCondition<JavaClass> belongToAKnownModule() {
        return new ArchCondition<>("belong to one of the modules " + MODULES) {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                boolean known = module(javaClass).filter(MODULES::contains).isPresent();
                if (!known) {
                    events.add(SimpleConditionEvent.violated(
                            javaClass, javaClass.getName() + " is in no known module package"));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> notUseAnotherModulesInternals() {
        return new ArchCondition<>("not use another module's internal packages") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                Optional<String> origin = module(javaClass);
                for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    Optional<String> targetModule = module(target);
                    if (isInternal(target) && targetModule.isPresent() && !targetModule.equals(origin)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
