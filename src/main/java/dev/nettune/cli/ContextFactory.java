package dev.nettune.cli;

import dev.nettune.app.AppContext;
import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Creates command objects, handing the {@link AppContext} to those whose constructor takes one. */
final class ContextFactory implements CommandLine.IFactory {
    private final AppContext context;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    ContextFactory(AppContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        for (Constructor<?> c : cls.getDeclaredConstructors()) {
            if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == AppContext.class) {
                c.setAccessible(true);
                return cls.cast(c.newInstance(context));
            }
        }
        return fallback.create(cls);
    }
}
