package dev.nettune.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layers of DESIGN.md, kept by the build: the domain knows no toolkit, SDK or SSH library. */
@AnalyzeClasses(packages = "dev.nettune", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {

    private static final String[] DOMAIN = {
        "dev.nettune.rss..", "dev.nettune.linux..", "dev.nettune.tuning..", "dev.nettune.monitor..",
    };

    @ArchTest
    static final ArchRule domainUsesNoJavaFx = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..", "org.jfree..");

    @ArchTest
    static final ArchRule domainUsesNoCloudSdk = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("com.aliyuncs..");

    @ArchTest
    static final ArchRule domainUsesNoSsh = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("net.schmizz..", "com.hierynomus..", "org.apache.sshd..");

    @ArchTest
    static final ArchRule rssAndLinuxUseOnlyTheJdk = noClasses().that().resideInAnyPackage("dev.nettune.rss..", "dev.nettune.linux..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.nettune.host..", "dev.nettune.store..",
                    "dev.nettune.ui..", "dev.nettune.cli..", "dev.nettune.sandbox..", "dev.nettune.cloud..", "com.fasterxml..");

    @ArchTest
    static final ArchRule cloudDomainUsesNoSdkOutsideItsAdapter = noClasses().that().resideInAPackage("dev.nettune.cloud")
            .should().dependOnClassesThat().resideInAnyPackage("com.aliyuncs..", "javafx..").allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyTheCloudAdapterUsesTheSdk = noClasses().that().resideOutsideOfPackage("dev.nettune.cloud.aliyun..")
            .should().dependOnClassesThat().resideInAnyPackage("com.aliyuncs..");

    @ArchTest
    static final ArchRule nothingBelowTheUiUsesTheUi = noClasses().that().resideOutsideOfPackages("dev.nettune.ui..", "dev.nettune")
            .should().dependOnClassesThat().resideInAnyPackage("dev.nettune.ui..");

    @ArchTest
    static final ArchRule nothingBelowTheCliUsesTheCli = noClasses().that().resideOutsideOfPackages("dev.nettune.cli..", "dev.nettune")
            .should().dependOnClassesThat().resideInAnyPackage("dev.nettune.cli..");
}
