package io.github.vss4j.internal.copy;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.attribute.FileAttributeView;

/**
 * Attribute views of a copy's files: the default provider's view with every setter ({@code setTimes},
 * {@code setOwner}, {@code setAcl}, {@code setHidden}...) refused, as the copy is read-only. One proxy serves every
 * view type (basic, dos, owner, ACL, posix), so that none is missed.
 */
final class ReadOnlyView {
    private ReadOnlyView() {
    }

    static <V extends FileAttributeView> V of(Class<V> type, V view, Object path) {
        return type.cast(Proxy.newProxyInstance(ReadOnlyView.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("set")) {
                        throw new ReadOnlyCopyException(path, "change its attributes (" + method.getName() + ")");
                    }
                    return delegate(method, view, args);
                }));
    }

    /** A view whose every read throws {@code refused}: the path goes through a link or leaves the copy. */
    static <V extends FileAttributeView> V refusing(Class<V> type, IOException refused) {
        return type.cast(Proxy.newProxyInstance(ReadOnlyView.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (method.getName().equals("name")) {
                        return "refused";
                    }
                    throw refused;
                }));
    }

    private static Object delegate(Method method, Object view, Object[] args) throws Throwable {
        try {
            return method.invoke(view, args);
        } catch (InvocationTargetException failed) {
            throw failed.getCause();
        }
    }
}
