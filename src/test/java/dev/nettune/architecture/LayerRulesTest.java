package dev.nettune.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.nettune.ArchitectureException;

/**
 * The layers of DESIGN.md, kept by the build: ui and cli call app services; services call the
 * domain and its ports; adapters are wired in the app layer only; the domain knows no toolkit,
 * SDK, SSH or serialization library; screens do not reach into each other. A class that crosses a
 * layer on purpose says why with {@link ArchitectureException}; only the rules about what lies below the
 * front ends honour it, and the domain, ui and cli may carry none.
 */
@AnalyzeClasses(packages = "dev.nettune", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {

    /** The domain packages of DESIGN.md's table; {@code cloud} without its SDK adapter {@code cloud.aliyun}. */
    private static final String[] DOMAIN = {
        "dev.nettune.rss..", "dev.nettune.linux..", "dev.nettune.tuning..", "dev.nettune.cloud..",
        "dev.nettune.monitor..", "dev.nettune.fleet..",
    };

    /** The adapters behind the ports: only the app layer (the composition root) may name them. */
    private static final String[] ADAPTERS = {
        "dev.nettune.host.ssh..", "dev.nettune.host.local..", "dev.nettune.host.cloudassistant..",
        "dev.nettune.cloud.aliyun..", "dev.nettune.store..", "dev.nettune.sandbox..",
    };

    private static final DescribedPredicate<JavaClass> DELIBERATE =
            DescribedPredicate.describe("annotated with @ArchitectureException", c -> c.isAnnotatedWith(ArchitectureException.class));
    private static final DescribedPredicate<JavaClass> NOT_DELIBERATE = DescribedPredicate.not(DELIBERATE);

    private static final DescribedPredicate<JavaClass> IN_THE_DOMAIN = DescribedPredicate.describe(
            "in the domain (rss, linux, tuning, cloud, monitor, fleet)",
            c -> c.getPackageName().matches("dev\\.nettune\\.(rss|linux|tuning|cloud|monitor|fleet)(\\..*)?")
                    && !c.getPackageName().startsWith("dev.nettune.cloud.aliyun"));

    @ArchTest
    static final ArchRule domainUsesNoAdapter = noClasses().that(IN_THE_DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
            .because("the domain talks to hosts, clouds and storage through its ports; the app layer picks the adapter"
                    + " (DESIGN.md: domain -> ports <- adapters)");

    @ArchTest
    static final ArchRule domainUsesNoSerializationLibrary = noClasses().that(IN_THE_DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..", "com.google.gson..", "org.json..")
            .because("domain values are records validated in their constructors; reading and writing JSON is an"
                    + " adapter's or a front end's concern (DESIGN.md: the domain uses the JDK, domain and ports only)");

    @ArchTest
    static final ArchRule domainUsesNoJavaFx = noClasses().that(IN_THE_DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..", "org.jfree..")
            .because("the domain runs under the CLI and in tests without a toolkit (DESIGN.md: the domain never imports JavaFX)");

    @ArchTest
    static final ArchRule domainUsesNoCloudSdk = noClasses().that(IN_THE_DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("com.aliyuncs..", "com.aliyun..")
            .because("cloud plans are data the CloudApi port executes; only cloud.aliyun speaks the SDK (DESIGN.md)");

    @ArchTest
    static final ArchRule domainUsesNoSsh = noClasses().that(IN_THE_DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("net.schmizz..", "com.hierynomus..", "org.apache.sshd..")
            .because("the domain runs commands through the Host port; SSH is one adapter of it (DESIGN.md: never sshj)");

    @ArchTest
    static final ArchRule domainDoesNoFileIo = noClasses().that(IN_THE_DOMAIN)
            .should().dependOnClassesThat().belongToAnyOf(java.nio.file.Files.class, java.nio.file.FileSystems.class,
                    java.nio.channels.FileChannel.class, java.io.File.class, java.io.FileInputStream.class, java.io.FileOutputStream.class,
                    java.io.FileReader.class, java.io.FileWriter.class, java.io.RandomAccessFile.class)
            .because("files are storage: the domain reads and writes them through a port (tuning.ProfileFiles) whose adapter"
                    + " lives in store, so domain logic runs in tests and on the FX thread's callers without touching a disk"
                    + " (DESIGN.md: domain -> ports <- adapters)");

    @ArchTest
    static final ArchRule rssAndLinuxUseOnlyTheJdk = noClasses().that().resideInAnyPackage("dev.nettune.rss..", "dev.nettune.linux..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.nettune.host..", "dev.nettune.store..", "dev.nettune.app..",
                    "dev.nettune.ui..", "dev.nettune.cli..", "dev.nettune.sandbox..", "dev.nettune.cloud..",
                    "dev.nettune.tuning..", "dev.nettune.monitor..", "dev.nettune.fleet..", "com.fasterxml..")
            .because("rss and linux are pure calculation and parsing over text (DESIGN.md: JDK only)");

    @ArchTest
    static final ArchRule onlyTheCloudAdapterUsesTheSdk = noClasses().that().resideOutsideOfPackage("dev.nettune.cloud.aliyun..")
            .and(NOT_DELIBERATE)
            .should().dependOnClassesThat().resideInAnyPackage("com.aliyuncs..")
            .because("one adapter speaks the Alibaba Cloud SDK, so an SDK change touches one package (DESIGN.md)");

    @ArchTest
    static final ArchRule uiUsesNoAdapter = noClasses().that().resideInAPackage("dev.nettune.ui..")
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
            .because("screens call app services, which wire the adapters in one place (DESIGN.md: ui never names an adapter)");

    @ArchTest
    static final ArchRule cliUsesNoAdapter = noClasses().that().resideInAPackage("dev.nettune.cli..")
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
            .because("commands call app services, which wire the adapters in one place (DESIGN.md: cli never names an adapter)");

    @ArchTest
    static final ArchRule screensDoNotUseEachOther = slices().matching("dev.nettune.ui.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(DescribedPredicate.<JavaClass>alwaysTrue(), resideInAPackage("dev.nettune.ui.common.."))
            .ignoreDependency(resideInAPackage("dev.nettune.ui.shell.."), DescribedPredicate.<JavaClass>alwaysTrue())
            .because("a screen is one FXML + controller + view model; what two screens share lives in ui.common or in an"
                    + " app service, and only the shell (the window that hosts the screens) names them all"
                    + " (DESIGN.md: ui.common holds the view registry, the task runner and shared widgets)");

    @ArchTest
    static final ArchRule nothingBelowTheUiUsesTheUi = noClasses().that().resideOutsideOfPackages("dev.nettune.ui..", "dev.nettune")
            .and(NOT_DELIBERATE)
            .should().dependOnClassesThat().resideInAnyPackage("dev.nettune.ui..")
            .because("the arrows point one way: services and the domain serve the CLI as well as the screens");

    @ArchTest
    static final ArchRule nothingBelowTheCliUsesTheCli = noClasses().that().resideOutsideOfPackages("dev.nettune.cli..", "dev.nettune")
            .and(NOT_DELIBERATE)
            .should().dependOnClassesThat().resideInAnyPackage("dev.nettune.cli..")
            .because("the arrows point one way: services and the domain serve the screens as well as the CLI");

    @ArchTest
    static final ArchRule noExceptionsLeftInTheDomainUiOrCli = noClasses()
            .that().resideInAnyPackage(DOMAIN).or().resideInAnyPackage("dev.nettune.ui..", "dev.nettune.cli..")
            .should().beAnnotatedWith(ArchitectureException.class)
            .because("the domain, the screens and the commands keep every rule above without exception (the last ones,"
                    + " the tuning domain's Jackson type names and the Hosts screen's use of the host-key dialogs, moved to"
                    + " store.JacksonChangeCodec and ui.common.hostkey); a new exception is a design change to discuss, not an annotation");
}
