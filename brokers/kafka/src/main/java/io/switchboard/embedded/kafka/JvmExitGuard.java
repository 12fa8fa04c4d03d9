/*
 * Copyright 2026 The Switchboard authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.switchboard.embedded.kafka;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops Kafka from ending the JVM. On a fatal error (a failed disk, a lost quorum at start, a metadata
 * fault) the broker calls {@code Exit.exit} or {@code Exit.halt}, which by default would end the test
 * run, or the application, that embeds it. The guard replaces both with procedures that log and throw,
 * so the failure surfaces in the calling thread instead.
 *
 * <p>Installed once per JVM, on the first start, and left in place: the procedures are global in Kafka
 * and several embedded brokers may run at once. Kafka moved the class between releases
 * ({@code org.apache.kafka.common.utils.Exit} up to 4.3, {@code ...common.utils.internals.Exit} from
 * 4.4), so it is looked up by name; this keeps the module working when an application manages a newer
 * Kafka version than the one it was built with. Lifecycle code only, never a hot path.
 */
final class JvmExitGuard {

    private static final Logger LOG = LoggerFactory.getLogger(JvmExitGuard.class);
    private static final String[] EXIT_CLASSES = {
        "org.apache.kafka.common.utils.internals.Exit",
        "org.apache.kafka.common.utils.Exit",
    };

    private static boolean installed;

    private JvmExitGuard() {
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        Class<?> exit = exitClass();
        try {
            Class<?> procedure = Class.forName(exit.getName() + "$Procedure", true, exit.getClassLoader());
            exit.getMethod("setExitProcedure", procedure).invoke(null, throwingProcedure(procedure, "exit"));
            exit.getMethod("setHaltProcedure", procedure).invoke(null, throwingProcedure(procedure, "halt"));
        } catch (ReflectiveOperationException e) {
            throw new EmbeddedKafkaException("Could not replace Kafka's JVM exit procedures in " + exit.getName()
                    + "; refusing to start a broker that could end this JVM", e);
        }
        installed = true;
    }

    private static Class<?> exitClass() {
        for (String name : EXIT_CLASSES) {
            try {
                return Class.forName(name, true, JvmExitGuard.class.getClassLoader());
            } catch (ClassNotFoundException tryNext) {
                // this Kafka release keeps the class under the other name
            }
        }
        throw new EmbeddedKafkaException("Found none of " + String.join(", ", EXIT_CLASSES)
                + " on the class path: is org.apache.kafka:kafka-clients there, at a 4.x version?");
    }

    private static Object throwingProcedure(Class<?> procedureType, String action) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, method, args, action);
            }
            int status = (Integer) args[0];
            String message = (String) args[1];
            LOG.error("Kafka tried to {} the JVM with status {}: {}", action, status, message);
            throw new EmbeddedKafkaException("Kafka tried to " + action + " the JVM with status " + status
                    + (message == null ? "" : ": " + message));
        };
        return Proxy.newProxyInstance(procedureType.getClassLoader(), new Class<?>[] {procedureType}, handler);
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args, String action) {
        switch (method.getName()) {
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            default:
                return "JvmExitGuard(" + action + ")";
        }
    }
}
