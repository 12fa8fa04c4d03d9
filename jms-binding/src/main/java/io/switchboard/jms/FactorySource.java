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
package io.switchboard.jms;

import io.switchboard.MessagingException;
import io.switchboard.Reason;
import io.switchboard.spi.BindingConfig;
import jakarta.jms.ConnectionFactory;

import javax.naming.CommunicationException;
import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.Hashtable;

/**
 * Where the {@link ConnectionFactory} comes from: given in code ({@code ProducerBuilder.resource(ConnectionFactory.class,
 * factory)}), or looked up in JNDI with the {@code jms.jndi.*} environment, the way JMS providers are configured
 * without code. Exactly one of the two.
 *
 * @param factory the factory
 * @param owned   whether the binding created it (looked it up) and so closes it when it holds resources
 */
record FactorySource(ConnectionFactory factory, boolean owned) {

    static FactorySource resolve(BindingConfig config, JmsSettings settings) {
        ConnectionFactory given = config.resource(ConnectionFactory.class).orElse(null);
        if (given != null && settings.usesJndi()) {
            throw new MessagingException(Reason.INVALID_ARGUMENT, "the jms binding got both a ConnectionFactory in code"
                    + " and JNDI settings (" + config.fullKey(JmsSettings.JNDI_PREFIX) + "*); use one of them");
        }
        if (given != null) {
            return new FactorySource(given, false);
        }
        if (!settings.usesJndi()) {
            throw new MessagingException(Reason.INVALID_ARGUMENT, "the jms binding has no ConnectionFactory: give one in"
                    + " code with ProducerBuilder.resource(ConnectionFactory.class, factory), or JNDI settings such as "
                    + config.fullKey(JmsSettings.JNDI_PREFIX) + Context.INITIAL_CONTEXT_FACTORY + " and "
                    + config.fullKey(JmsSettings.JNDI_PREFIX) + Context.PROVIDER_URL + " (see the binding's README)");
        }
        return new FactorySource(lookUp(config, settings), true);
    }

    private static ConnectionFactory lookUp(BindingConfig config, JmsSettings settings) {
        String where = "'" + settings.connectionFactoryName() + "' (" + config.fullKey(JmsSettings.CONNECTION_FACTORY)
                + ") in JNDI";
        Object found = find(config, settings, where);
        if (found instanceof ConnectionFactory factory) {
            return factory;
        }
        throw new MessagingException(Reason.INVALID_ARGUMENT, where + " is a "
                + (found == null ? "null" : found.getClass().getName()) + ", not a jakarta.jms.ConnectionFactory"
                + " (a javax.jms factory belongs to a JMS 1 or 2 provider; use its Jakarta Messaging 3 client)");
    }

    private static Object find(BindingConfig config, JmsSettings settings, String where) {
        String jndiKeys = config.fullKey(JmsSettings.JNDI_PREFIX) + "*";
        Context context = null;
        try {
            context = new InitialContext(new Hashtable<>(settings.jndi()));
            return context.lookup(settings.connectionFactoryName());
        } catch (CommunicationException e) {
            throw new MessagingException(Reason.UNAVAILABLE, "could not reach the naming service to look up " + where
                    + ": " + settings.secrets().describe(e), e);
        } catch (NamingException e) {
            throw new MessagingException(Reason.INVALID_ARGUMENT, "could not look up " + where + " with " + jndiKeys
                    + ": " + settings.secrets().describe(e) + "; check " + config.fullKey(JmsSettings.JNDI_PREFIX)
                    + Context.INITIAL_CONTEXT_FACTORY + " (the provider's InitialContextFactory, on the class path)"
                    + " and the names it defines", e);
        } catch (RuntimeException e) {
            // providers' context factories throw unchecked exceptions for malformed URLs and properties
            throw new MessagingException(Reason.INVALID_ARGUMENT, "could not look up " + where + " with " + jndiKeys
                    + ": " + settings.secrets().describe(e), e);
        } finally {
            closeQuietly(context);
        }
    }

    private static void closeQuietly(Context context) {
        if (context != null) {
            try {
                context.close();
            } catch (NamingException e) {
                // the factory was found; a context that fails to close holds nothing the binding uses
            }
        }
    }
}
