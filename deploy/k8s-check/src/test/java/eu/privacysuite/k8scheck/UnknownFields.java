package eu.privacysuite.k8scheck;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The fields a typed object did not know: fabric8 and Strimzi keep them in additionalProperties instead of failing,
 * so a misspelt or misplaced field (readOnlyRootFileSystem, a probe under the pod) would pass unnoticed.
 */
final class UnknownFields {

    private static final int MAX_DEPTH = 40;

    private UnknownFields() {
    }

    static List<String> of(Object root) {
        List<String> found = new ArrayList<>();
        walk(root, "", found, 0);
        return found;
    }

    private static void walk(Object node, String path, List<String> found, int depth) {
        if (node == null || depth > MAX_DEPTH) {
            return;
        }
        if (node instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                walk(item, path + "[" + i++ + "]", found, depth + 1);
            }
            return;
        }
        if (node instanceof Map<?, ?> || !isModel(node.getClass())) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (!isGetter(getter)) {
                continue;
            }
            Object value = invoke(getter, node);
            if (getter.getName().equals("getAdditionalProperties") && value instanceof Map<?, ?> extra) {
                extra.keySet().forEach(key -> found.add((path.isEmpty() ? "" : path + ".") + key));
            } else {
                String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
                walk(value, path.isEmpty() ? field : path + "." + field, found, depth + 1);
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.fabric8.kubernetes.api.model.") || name.startsWith("io.strimzi.api.");
    }

    private static boolean isGetter(Method method) {
        return method.getName().startsWith("get") && method.getName().length() > 3 && method.getParameterCount() == 0
                && !Modifier.isStatic(method.getModifiers()) && method.getDeclaringClass() != Object.class
                && !method.getName().equals("getClass");
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            return null;
        }
    }
}
