package dev.nettune.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import javafx.beans.Observable;
import javafx.beans.value.ObservableValue;

/**
 * One property style in every view model, the JavaFX one: state in private final fields, each property or
 * binding reached through a {@code xxxProperty()} accessor, observable lists through a plain {@code xxx()}
 * accessor. Both hold in every {@code *Model} of the UI: the screens' view models, the wizards' models and their steps.
 */
@AnalyzeClasses(packages = "dev.nettune.ui", importOptions = ImportOption.DoNotIncludeTests.class)
class ViewModelStyleTest {
    @ArchTest
    static final ArchRule noPublicObservableFields = noFields()
            .that().areDeclaredInClassesThat().haveSimpleNameEndingWith("Model").and().arePublic()
            .should().haveRawType(assignableTo(Observable.class))
            .because("a screen binds to a view model through accessors, so a view model can swap a property for a binding"
                    + " (or make it read-only) without touching its controller and tests");

    @ArchTest
    static final ArchRule propertyAccessorsEndInProperty = methods()
            .that().areDeclaredInClassesThat().haveSimpleNameEndingWith("Model").and().arePublic()
            .and().haveRawReturnType(assignableTo(ObservableValue.class))
            .should().haveNameMatching(".*Property")
            .because("JavaFX names the accessor of property xxx xxxProperty(); one name per kind of member keeps"
                    + " controllers reading alike across screens");
}
