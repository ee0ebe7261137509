package io.github.vss4j.internal.loader;

import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A {@link NativeLoader} in the test's world: its properties, platform, pretend jar and recording System.load. Its
 * environment variables are the properties named {@code env:NAME}, so that this machine's never leak in.
 */
final class TestNativeLoader extends NativeLoader {
    private static final List<TestNativeLoader> CREATED = Collections.synchronizedList(new ArrayList<>());

    private final Function<String, String> properties;
    private final Supplier<NativePlatform> platform;
    private final Function<String, BundledResource> resources;
    private final Consumer<Path> linker;

    TestNativeLoader(Function<String, String> properties, Supplier<NativePlatform> platform,
            Function<String, BundledResource> resources, String version, Consumer<Path> linker, UserPrincipal self) {
        super(version, self);
        this.properties = properties;
        this.platform = platform;
        this.resources = resources;
        this.linker = linker;
        CREATED.add(this);
    }

    /** Every loader made since the last call, which forgets them. */
    static List<TestNativeLoader> created() {
        synchronized (CREATED) {
            List<TestNativeLoader> all = new ArrayList<>(CREATED);
            CREATED.clear();
            return all;
        }
    }

    @Override
    String property(String key) {
        return properties.apply(key);
    }

    @Override
    String environment(String name) {
        return properties.apply("env:" + name);
    }

    @Override
    NativePlatform platform() {
        return platform.get();
    }

    @Override
    BundledResource resource(String name) {
        return resources.apply(name);
    }

    @Override
    void link(Path file) {
        linker.accept(file);
    }
}
